/**
 * Issue #4 (engine): the runner inside the real Web Worker of the built site, in Chromium. What only a
 * browser can show: the worker's own globals are out of the program's reach, and a failing call is
 * located at the reader's line from Chromium's stack traces (the program is named by `//# sourceURL`).
 * The 2 s stop and the fresh worker after it are checked by e2e/livecode.test.ts.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {baseUrl, openBrowser, wakeBlock, watchedPage, type Session} from './browser';

const EN = {editor: 'Code editor', run: 'Run', output: 'Output', running: 'Running'};

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function blockOn(page: Page): Promise<Locator> {
  return wakeBlock(page.locator('[data-live-code]').first(), EN.editor);
}

async function runCode(block: Locator, code: string) {
  await block.getByRole('textbox', {name: EN.editor}).fill(code);
  await block.getByRole('button', {name: EN.run, exact: true}).click();
  const status = block.locator('[data-status]');
  await block.page().waitForFunction(
    (el) => !!el && !(el.textContent ?? '').includes('Running') && (el.textContent ?? '').trim() !== '',
    await status.elementHandle(),
    {timeout: 15_000},
  );
  return {status: (await status.textContent()) ?? '', output: (await block.getByRole('region', {name: EN.output}).textContent()) ?? ''};
}

describe('the runner in the site’s Web Worker', () => {
  it('the worker’s globals are undefined for the program', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/en/docs/socket`, {waitUntil: 'networkidle'});
    const block = await blockOn(page);
    const names = ['self', 'globalThis', 'postMessage', 'importScripts', 'fetch', 'indexedDB', 'caches', 'navigator', 'location', 'WebSocket'];
    const {output} = await runCode(block, `console.log([${names.map((n) => `typeof ${n}`).join(', ')}].join(' '));`);
    expect(output).toContain(names.map(() => 'undefined').join(' '));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an uncaught ECONNREFUSED names the line of connect(), from Chromium’s stack trace', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/en/docs/socket`, {waitUntil: 'networkidle'});
    const block = await blockOn(page);
    // connect-refused.expected.json: nobody listens on server:8080, so connect fails with ECONNREFUSED
    const {status, output} = await runCode(block, "const fd = socket();\nconsole.log('fd', fd);\n\nconnect(fd, '10.0.0.3', 8080);");
    expect(output).toContain('fd 3');
    expect(status).toContain('ECONNREFUSED: Connection refused');
    expect(status).toContain('line 4');
    expect(errors).toEqual([]);
    await page.close();
  });
});
