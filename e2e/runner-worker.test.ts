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

  // Issue 16: what the runner says is in the reader's language, in the real worker (Chromium's own engine texts)
  it.each([
    {
      path: '/docs/socket',
      editor: '코드 편집기',
      run: '실행',
      code: 'const fd = socket();\nconst r = /(GET|POST/;\n',
      words: /문법 오류: 정규 표현식 \/\(GET\|POST\/ 가 올바르지 않습니다 \(2:11\)/,
      engine: /자바스크립트 엔진의 원래 메시지: Invalid regular expression/,
    },
    {
      path: '/en/docs/socket',
      editor: 'Code editor',
      run: 'Run',
      code: 'const fd = socket();\nconst class = 1;\n',
      words: /Syntax error: 'class' is a reserved word of JavaScript: it cannot be used as a name \(2:7\)/,
      engine: /The JavaScript engine's own message: Unexpected token/,
    },
  ])('$path: a syntax error in the reader\'s words, at line:column, the engine\'s text labelled apart', async (c) => {
    const {page, errors} = await watchedPage(session);
    await page.goto(baseUrl() + c.path, {waitUntil: 'networkidle'});
    const block = await wakeBlock(page.locator('[data-live-code]').first(), c.editor);
    await block.getByRole('textbox', {name: c.editor}).fill(c.code);

    await block.getByRole('button', {name: c.run, exact: true}).click();

    const status = block.locator('[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), {timeout: 15_000}).toBe('syntax-error');
    const text = (await status.textContent()) ?? '';
    expect(text).toMatch(c.words);
    expect(await block.locator('[data-engine-text]').textContent()).toMatch(c.engine);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the inert Function constructor speaks the page\'s language', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'networkidle'});
    const block = await wakeBlock(page.locator('[data-live-code]').first(), '코드 편집기');
    await block.getByRole('textbox', {name: '코드 편집기'}).fill("(function () {}).constructor('return this')();");
    await block.getByRole('button', {name: '실행', exact: true}).click();
    const status = block.locator('[data-status]');
    await expect.poll(() => status.getAttribute('data-status'), {timeout: 15_000}).toBe('error');
    expect(await status.textContent()).toContain('Socket Lab 프로그램에서는 Function 생성자를 쓸 수 없습니다');
    expect(errors).toEqual([]);
    await page.close();
  });
});
