/**
 * Issue #18: a runnable block that uses spawn() works in the built site (the sealed worker runs the generator
 * rewrite): the server chapter's accept loop serves both clients, the run ends well and names where the server
 * still waits; a block edited to share a variable with a process gets the runner's own words, in both locales.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {openBrowser, openPage, wakeBlock, type Session} from './browser';

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

/** The accept-loop block, by position (its text changes once the reader edits it). */
async function loopBlock(page: Page, editor: string): Promise<Locator> {
  const blocks = page.locator('[data-live-code]');
  const texts = await blocks.allTextContents();
  const index = texts.findIndex((t) => t.includes("spawn('alice'"));
  expect(index).toBeGreaterThanOrEqual(0);
  return wakeBlock(blocks.nth(index), editor);
}

async function run(block: Locator, name: string) {
  await block.getByRole('button', {name, exact: true}).click();
  await block.locator('[data-status]:not([data-status="running"]):not([data-status="idle"])').waitFor({timeout: 15_000});
}

describe('spawn in a chapter block', () => {
  it('the accept loop serves alice and bob, and the status says the server still waits in accept()', async () => {
    const {page, errors} = await openPage(session, '/docs/server');
    const block = await loopBlock(page, '코드 편집기');
    await run(block, '실행');
    await expect(block.locator('[data-status]').getAttribute('data-status')).resolves.toBe('ok');
    const status = (await block.locator('[data-status]').textContent()) ?? '';
    expect(status).toContain('프로세스 2(server)');
    expect(status).toContain('accept()');
    const text = (await block.textContent()) ?? '';
    expect(text).toContain('alice got: hi alice');
    expect(text).toContain('bob got: hi bob');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in English, a process that uses a variable of the program is refused in the reader\'s words', async () => {
    const {page, errors} = await openPage(session, '/en/docs/server');
    const block = await loopBlock(page, 'Code editor');
    await block.getByRole('textbox', {name: 'Code editor'}).fill("let n = 0;\nspawn('server', () => { n++; });\n");
    await run(block, 'Run');
    await expect(block.locator('[data-status]').getAttribute('data-status')).resolves.toBe('error');
    expect(await block.locator('[data-status]').textContent()).toContain('pass the value as an argument');
    expect(errors).toEqual([]);
    await page.close();
  });
});
