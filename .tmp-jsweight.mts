import {gzipSync} from 'node:zlib';
import {chromium} from 'playwright-core';
import {startStaticServer} from '/work/main/e2e/static-server.ts';
import {CHROMIUM_ARGS} from '/work/main/e2e/chromium.ts';
const [dir, ...pages] = process.argv.slice(2);
const server = await startStaticServer(dir);
const browser = await chromium.launch({executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
for (const p of pages) {
  const ctx = await browser.newContext({serviceWorkers: 'block'});
  const page = await ctx.newPage();
  const rows: Promise<[string, number]>[] = [];
  page.on('response', (res) => { if (res.request().resourceType() === 'script') rows.push(res.body().then((b) => [res.url().split('/').pop()!, gzipSync(b, {level: 9}).length] as [string, number], () => [res.url(), 0])); });
  await page.goto(server.url + p, {waitUntil: 'load'});
  await page.waitForTimeout(4000);
  const all = await Promise.all(rows);
  console.log(p, (all.reduce((a, [, n]) => a + n, 0) / 1024).toFixed(1), 'KB');
  for (const [u, n] of all.sort((a, b) => b[1] - a[1])) console.log('   ', (n / 1024).toFixed(1).padStart(6), u);
  await ctx.close();
}
await browser.close(); await server.close();
