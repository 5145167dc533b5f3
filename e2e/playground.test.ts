/**
 * Issue #18 (parts 2 and 3): the playground page and share links, in Chromium on the built site, both locales.
 * The page loads with its named controls; Run shows output, the timeline and the inspectors; the world's settings
 * change the run; "링크 복사" / "Copy link" gives a URL that, opened in a fresh profile, brings back the same program
 * and settings and an identical run; a cut-short link opens the default program with a notice; a chapter block's
 * "놀이터에서 열기" / "Open in playground" lands with that block's code, and its copy button copies it.
 */
import {spawnSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Page} from 'playwright-core';
import {axeViolations} from './axe';
import {baseUrl, openBrowser, openPage, sidewaysOverflow, wakeBlock, type Session} from './browser';

const KO = {
  path: '/playground',
  nav: '놀이터',
  editor: '코드 편집기',
  run: '실행',
  copyLink: '링크 복사',
  rtt: '왕복 시간',
  loss: '패킷 손실',
  seed: '난수 시드',
  console: '출력',
  timeline: '타임라인',
  descriptor: /디스크립터 표/,
  broken: /잘렸거나 손상되어.*기본 프로그램을 열었어요/,
  pcapng: 'pcapng 내려받기',
  kernel: '내 커널로 확인',
};
const EN = {
  path: '/en/playground',
  nav: 'Playground',
  editor: 'Code editor',
  run: 'Run',
  copyLink: 'Copy link',
  rtt: 'Round-trip time',
  loss: 'Packet loss',
  seed: 'Random seed',
  console: 'Output',
  timeline: 'Timeline',
  descriptor: /Descriptor table of client/,
  broken: /cut short or damaged.*default program was opened/,
  pcapng: 'Download pcapng',
  kernel: 'Check on my kernel',
};
type Words = typeof KO;

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
  await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {origin: baseUrl()});
});
afterAll(async () => {
  await session?.close();
});

async function openPlayground(path: string, w: Words, s: Session = session) {
  const watched = await openPage(s, path);
  expect(watched.status).toBe(200);
  await watched.page.getByRole('textbox', {name: w.editor}).waitFor({timeout: 20_000});
  return watched;
}

/** Press Run and wait for the status line to say how the run ended. */
async function run(page: Page, w: Words) {
  await page.getByRole('button', {name: w.run, exact: true}).click();
  await page.locator('[data-status]:not([data-status="running"]):not([data-status="idle"])').waitFor({timeout: 20_000});
}

async function consoleText(page: Page, w: Words): Promise<string> {
  return (await page.getByRole('region', {name: w.console}).locator('pre').textContent()) ?? '';
}

/** Everything a run shows that must be identical for the same program and settings. */
async function runPrint(page: Page, w: Words) {
  const slider = page.getByRole('slider', {name: w.timeline});
  return {
    status: await page.locator('[data-status]').getAttribute('data-status'),
    console: await consoleText(page, w),
    moments: await slider.getAttribute('max'),
    end: await slider.getAttribute('aria-valuetext'),
  };
}

async function setSettings(page: Page, w: Words, rtt: string, loss: string, seed: string) {
  await page.getByRole('spinbutton', {name: w.rtt}).fill(rtt);
  await page.getByRole('spinbutton', {name: w.loss}).fill(loss);
  await page.getByRole('spinbutton', {name: w.seed}).fill(seed);
}

/** a client that prints its ephemeral port (chosen by the seed) and makes enough segments for loss to show */
const PROGRAM = `const fd = socket();
connect(fd, resolve('www.example.com'), 80);
console.log('port', getsockname(fd).port);
for (let i = 0; i < 4; i++) {
  write(fd, 'GET / HTTP/1.1\\r\\nHost: www.example.com\\r\\n\\r\\n');
  console.log(read(fd, 4096).split('\\r\\n')[0]);
}
close(fd);`;

describe.each([
  ['ko', KO],
  ['en', EN],
] as const)('the playground (%s)', (_, w) => {
  it('is in the navbar and loads with its named controls; Run shows output, the timeline and the inspectors', async () => {
    const {page, errors} = await openPage(session, w === KO ? '/' : '/en/');
    await page.getByRole('navigation').getByRole('link', {name: w.nav, exact: true}).first().click();
    await page.waitForURL((u) => u.pathname.replace(/\/$/, '') === w.path);
    // the live part loads once the page is up
    const editor = page.getByRole('textbox', {name: w.editor});
    await editor.waitFor({timeout: 20_000});
    for (const name of [w.run, w.copyLink]) await expect(page.getByRole('button', {name, exact: true}).count()).resolves.toBe(1);
    for (const name of [w.rtt, w.loss, w.seed]) await expect(page.getByRole('spinbutton', {name}).count()).resolves.toBe(1);
    await run(page, w);
    // the default program is the HTTP client: the built-in server's status line comes back
    expect(await consoleText(page, w)).toContain('HTTP/1.1 200 OK');
    await expect(page.getByRole('slider', {name: w.timeline}).count()).resolves.toBe(1);
    await expect(page.getByRole('table', {name: w.descriptor}).count()).resolves.toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a run, "Download pcapng" saves a pcapng file and "Check on my kernel" a Python script that agrees with this kernel', async () => {
    const {page, errors} = await openPlayground(w.path, w);
    const pcapng = page.getByRole('button', {name: w.pcapng, exact: true});
    const kernel = page.getByRole('button', {name: w.kernel, exact: true});
    // nothing to save before the first run
    expect(await pcapng.isDisabled()).toBe(true);
    expect(await kernel.isDisabled()).toBe(true);
    await run(page, w);

    const [capture] = await Promise.all([page.waitForEvent('download'), pcapng.click()]);
    const capFile = path.join(os.tmpdir(), `sl-playground-${process.pid}.pcapng`);
    await capture.saveAs(capFile);
    const bytes = readFileSync(capFile);
    // a pcapng file opens with a Section Header Block (type 0x0A0D0D0A) and its byte-order magic 0x1A2B3C4D
    expect(bytes.readUInt32LE(0)).toBe(0x0a0d0d0a);
    expect(bytes.readUInt32LE(8)).toBe(0x1a2b3c4d);

    const [script] = await Promise.all([page.waitForEvent('download'), kernel.click()]);
    const pyFile = path.join(os.tmpdir(), `sl-playground-${process.pid}.py`);
    await script.saveAs(pyFile);
    expect(readFileSync(pyFile, 'utf8')).toMatch(/^#!\/usr\/bin\/env python3|^# /);
    // the default program (an HTTP client of www.example.com, played by the script's stand-in) runs the same here
    const out = spawnSync('python3', [pyFile], {encoding: 'utf8', timeout: 60_000});
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).not.toMatch(/^!!/m);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs with the settings: another seed picks another ephemeral port, loss adds retransmissions', async () => {
    const {page} = await openPlayground(w.path, w);
    await page.getByRole('textbox', {name: w.editor}).fill(PROGRAM);
    await setSettings(page, w, '20', '0', '1');
    await run(page, w);
    const clean = await runPrint(page, w);
    expect(clean.status).toBe('ok');
    await setSettings(page, w, '20', '0', '2');
    await run(page, w);
    const otherSeed = await runPrint(page, w);
    const portOf = (c: string) => Number(/port (\d+)/.exec(c)?.[1]);
    expect(portOf(otherSeed.console)).toBeGreaterThanOrEqual(32768);
    expect(portOf(otherSeed.console)).not.toBe(portOf(clean.console));
    await setSettings(page, w, '20', '40', '1');
    await run(page, w);
    const lossy = await runPrint(page, w);
    // the same exchange gets through, with lost segments sent again: more moments on the timeline
    expect(lossy.console.match(/HTTP\/1\.1 200 OK/g)?.length).toBe(4);
    expect(Number(lossy.moments)).toBeGreaterThan(Number(clean.moments));
    await page.close();
  });

  it('Copy link → the link in a fresh profile gives the same program, settings and an identical run', async () => {
    const {page} = await openPlayground(w.path, w);
    await page.getByRole('textbox', {name: w.editor}).fill(PROGRAM);
    await setSettings(page, w, '120', '25', '77');
    await run(page, w);
    const before = await runPrint(page, w);
    await page.getByRole('button', {name: w.copyLink, exact: true}).click();
    await page.locator('[data-playground] [role="status"]').filter({hasText: /\d/}).first().waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(new RegExp(`${w.path}#v1\\.[A-Za-z0-9_-]+$`));
    expect(page.url()).toBe(link);
    await page.close();

    const fresh = await openBrowser();
    try {
      const other = await openPlayground(link.slice(baseUrl().length), w, fresh);
      const p = other.page;
      expect(await p.getByRole('textbox', {name: w.editor}).inputValue()).toBe(PROGRAM);
      expect(await p.getByRole('spinbutton', {name: w.rtt}).inputValue()).toBe('120');
      expect(await p.getByRole('spinbutton', {name: w.loss}).inputValue()).toBe('25');
      expect(await p.getByRole('spinbutton', {name: w.seed}).inputValue()).toBe('77');
      await run(p, w);
      expect(await runPrint(p, w)).toEqual(before);
      expect(other.errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('a truncated link opens the default program with a notice in the reader language, and it runs', async () => {
    const {page} = await openPlayground(w.path, w);
    await page.getByRole('textbox', {name: w.editor}).fill(PROGRAM);
    await page.getByRole('button', {name: w.copyLink, exact: true}).click();
    await page.waitForURL(/#v1\./);
    const link = page.url();
    await page.close();
    const cut = await openPlayground(link.slice(baseUrl().length, -6), w);
    const notice = cut.page.getByRole('alert');
    expect(await notice.textContent()).toMatch(w.broken);
    expect(await cut.page.getByRole('textbox', {name: w.editor}).inputValue()).toContain("resolve('www.example.com')");
    await run(cut.page, w);
    expect(await consoleText(cut.page, w)).toContain('HTTP/1.1 200 OK');
    expect(cut.errors).toEqual([]);
    await cut.page.close();
  });

  it('axe finds nothing after a run, and a 360 px phone scrolls nothing sideways', async () => {
    const phone = await openBrowser({width: 360, height: 740, isMobile: true});
    try {
      const {page} = await openPlayground(w.path, w, phone);
      await run(page, w);
      expect(await sidewaysOverflow(page)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await phone.close();
    }
    const {page} = await openPlayground(w.path, w);
    await run(page, w);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('runnable blocks lead out', () => {
  it('"놀이터에서 열기" lands in the playground with the block\'s current code', async () => {
    const {page} = await openPage(session, '/docs/socket');
    const block = await wakeBlock(page.locator('[data-live-code]').first(), KO.editor);
    const edited = `const fd = socket();\nconsole.log('mine', fd); // 내 코드`;
    await block.getByRole('textbox', {name: KO.editor}).fill(edited);
    await block.getByRole('link', {name: '놀이터에서 열기'}).click();
    await page.waitForURL(/\/playground#v1\./);
    const editor = page.getByRole('textbox', {name: KO.editor});
    await editor.waitFor({timeout: 20_000});
    expect(await editor.inputValue()).toBe(edited);
    await run(page, KO);
    expect(await consoleText(page, KO)).toContain('mine 3');
    await page.close();
  });

  it('"Open in playground" on an English page opens the English playground', async () => {
    const {page} = await openPage(session, '/en/docs/socket');
    const block = await wakeBlock(page.locator('[data-live-code]').first(), EN.editor);
    const code = await block.getByRole('textbox', {name: EN.editor}).inputValue();
    await block.getByRole('link', {name: 'Open in playground'}).click();
    await page.waitForURL(/\/en\/playground#v1\./);
    const editor = page.getByRole('textbox', {name: EN.editor});
    await editor.waitFor({timeout: 20_000});
    expect(await editor.inputValue()).toBe(code);
    await page.close();
  });

  it('the copy button copies the block\'s code and says so', async () => {
    const {page} = await openPage(session, '/docs/socket');
    const block = await wakeBlock(page.locator('[data-live-code]').first(), KO.editor);
    await page.evaluate(() => navigator.clipboard.writeText('before'));
    await block.getByRole('button', {name: '복사', exact: true}).click();
    await block.getByRole('status').filter({hasText: '복사했어요'}).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await block.getByRole('textbox', {name: KO.editor}).inputValue());
    expect(copied).toContain('socket(');
    await page.close();
  });
});
