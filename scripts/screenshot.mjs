#!/usr/bin/env node
/**
 * Screenshots of the built site for a human look (not a test):
 *   npx tsx scripts/screenshot.mjs [--dir build] [--out .tmp/shots] /docs/connect /en/docs/connect ...
 * Each path is shot at phone (360 px) and desktop (1280 px) width, light and dark.
 */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {startStaticServer} from '../e2e/static-server.ts';

const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  if (i < 0) return fallback;
  const [value] = argv.splice(i, 2).slice(1);
  return value;
};
const dir = path.resolve(opt('--dir', 'build'));
const out = path.resolve(opt('--out', '.tmp/shots'));
const fullPage = argv.includes('--full') && argv.splice(argv.indexOf('--full'), 1);
const paths = argv.length ? argv : ['/', '/docs/overview'];
mkdirSync(out, {recursive: true});

const server = await startStaticServer(dir);
for (const scheme of ['light', 'dark']) {
  for (const width of [360, 1280]) {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'sl-shot-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: {width, height: width === 360 ? 740 : 900},
      colorScheme: scheme,
      isMobile: width === 360,
      hasTouch: width === 360,
    });
    const page = await context.newPage();
    for (const p of paths) {
      await page.goto(server.url + p, {waitUntil: 'networkidle'});
      const file = path.join(out, `${p.replace(/\W+/g, '_') || 'home'}-${width}-${scheme}.png`);
      await page.screenshot({path: file, fullPage: Boolean(fullPage)});
      console.log(file);
    }
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
}
await server.close();
