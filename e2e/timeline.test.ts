/**
 * Issue #15 (time travel), in Chromium on the built site: stepping through chapter 5's close example shows every
 * state RFC 9293 §3.3.2 passes through on a 4-segment close, in the socket tables, in causal order; console lines
 * appear at the moment they were printed; the Timeline slider's value text and the caption follow the moment; the
 * focus goes to Back when Step runs out; a block meant to end with ECONNREFUSED says so; axe finds nothing mid-run.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {axeViolations} from './axe';
import {openBrowser, openPage, wakeBlock, type Session} from './browser';

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function open(path: string, s: Session = session) {
  const watched = await openPage(s, path);
  expect(watched.status).toBe(200);
  return watched;
}

const KO = {editor: '코드 편집기', run: '실행', step: '한 단계', back: '이전', slider: '타임라인', next: '다음 호출'};
const EN = {editor: 'Code editor', run: 'Run', step: 'Step', back: 'Back', slider: 'Timeline', next: 'Next call'};

/** The states shown in every socket table of the block (tables whose caption names sockets), row by row. */
async function socketStates(block: Locator, word: RegExp): Promise<string[]> {
  return block.locator('table').evaluateAll(
    (tables, source) => {
      const re = new RegExp(source);
      return tables
        .filter((t) => re.test(t.querySelector('caption')?.textContent ?? ''))
        .flatMap((t) => [...t.querySelectorAll('td, th')].map((c) => (c.textContent ?? '').trim()));
    },
    word.source,
  );
}

const caption = (block: Locator) => block.locator('[data-moment]').textContent();

async function stepThrough(page: Page, path: string, names: typeof KO, tableWord: RegExp) {
  const block = await wakeBlock(page.locator('[data-live-code]').filter({hasText: /네 단계 연결 끊기|Four-step disconnect/}).first(), names.editor);
  // Step on a block that has not run: it runs, then stands at the first moment
  await block.getByRole('button', {name: names.step, exact: true}).click();
  const slider = block.getByRole('slider', {name: names.slider, exact: true});
  await slider.waitFor();
  const last = Number(await slider.getAttribute('max'));
  const firstSeen = new Map<string, number>();
  const captions: string[] = [];
  const stepButton = block.getByRole('button', {name: names.step, exact: true});
  for (let k = 1; k <= last; k++) {
    if (k > 1) await stepButton.click();
    expect(await slider.inputValue()).toBe(String(k));
    captions.push((await caption(block)) ?? '');
    for (const state of await socketStates(block, tableWord)) if (!firstSeen.has(state)) firstSeen.set(state, k);
  }
  return {block, slider, firstSeen, captions, last};
}

describe('the close example, one event at a time', () => {
  it('shows FIN-WAIT-1, CLOSE-WAIT, LAST-ACK, FIN-WAIT-2 and TIME-WAIT in the socket tables, in causal order', async () => {
    const {page, errors} = await open('/docs/close');
    const {firstSeen, captions} = await stepThrough(page, '/docs/close', KO, /소켓/);
    const order = ['FIN-WAIT-1', 'CLOSE-WAIT', 'LAST-ACK', 'FIN-WAIT-2', 'TIME-WAIT'].map((s) => firstSeen.get(s));
    // every one of them is shown at some step …
    expect(order.every((k) => k !== undefined), JSON.stringify([...firstSeen])).toBe(true);
    // … in the order the segments make them (RFC 9293 §3.3.2): the server's close, its FIN arriving, the client's
    // close, the ACK of the server's FIN arriving, the client's FIN arriving
    expect([...order].sort((a, b) => a! - b!)).toEqual(order);
    // the handshake's intermediate states too
    expect(firstSeen.get('SYN-SENT')).toBeLessThan(firstSeen.get('ESTABLISHED')!);
    // the caption words each change: who received what and the state it is in now
    expect(captions).toContain('t=20 ms · client 쪽 소켓이 FIN+ACK 세그먼트를 받아 CLOSE-WAIT 상태가 됐어요');
    expect(captions.some((c) => /server 쪽 소켓이 ACK 세그먼트를 받아 FIN-WAIT-2 상태가 됐어요$/.test(c))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the same in English', async () => {
    const {page} = await open('/en/docs/close');
    const {firstSeen, captions} = await stepThrough(page, '/en/docs/close', EN, /Socket/);
    const order = ['FIN-WAIT-1', 'CLOSE-WAIT', 'LAST-ACK', 'FIN-WAIT-2', 'TIME-WAIT'].map((s) => firstSeen.get(s));
    expect(order.every((k) => k !== undefined)).toBe(true);
    expect([...order].sort((a, b) => a! - b!)).toEqual(order);
    expect(captions).toContain('t=20 ms · client received FIN+ACK and is now CLOSE-WAIT');
    await page.close();
  });
});

describe('the timeline controls', () => {
  it('console lines appear at their moment; the slider\'s value text and the caption follow it', async () => {
    const {page} = await open('/docs/socket');
    const block = await wakeBlock(page.locator('[data-live-code]').first(), KO.editor);
    await block.getByRole('textbox', {name: KO.editor}).fill("console.log('first');\nconst fd = socket();\nconsole.log('second', fd);");
    await block.getByRole('button', {name: KO.run, exact: true}).click();
    const slider = block.getByRole('slider', {name: KO.slider, exact: true});
    await slider.waitFor();
    const output = block.getByRole('region', {name: '출력'});
    expect(await output.textContent()).toContain('second 3');

    // Home: the start, nothing printed yet
    await slider.focus();
    await page.keyboard.press('Home');
    expect(await slider.inputValue()).toBe('0');
    expect(await output.textContent()).not.toContain('first');
    const atStart = await slider.getAttribute('aria-valuetext');
    expect(atStart).toContain(((await caption(block)) ?? '').trim());

    // one arrow: the first line is printed, the second is not yet
    await page.keyboard.press('ArrowRight');
    expect(await caption(block)).toContain('프로그램이 출력했어요: first');
    expect(await output.textContent()).toContain('first');
    expect(await output.textContent()).not.toContain('second');
    expect(await slider.getAttribute('aria-valuetext')).not.toBe(atStart);

    // the next call: socket() returned 3, the descriptor is in the table, 'second' still not printed
    await block.getByRole('button', {name: KO.next, exact: true}).click();
    expect(await caption(block)).toContain('socket(AF_INET, SOCK_STREAM, 0) 호출이 돌아왔어요: 3');
    expect(await output.textContent()).not.toContain('second');

    // End: everything
    await slider.focus();
    await page.keyboard.press('End');
    expect(await output.textContent()).toContain('second 3');
    await page.close();
  });

  it('when Step reaches the end it is disabled and the focus moves to Back', async () => {
    const {page} = await open('/docs/socket');
    const block = await wakeBlock(page.locator('[data-live-code]').first(), KO.editor);
    await block.getByRole('textbox', {name: KO.editor}).fill('const fd = socket();');
    const step = block.getByRole('button', {name: KO.step, exact: true});
    await step.click();
    await block.getByRole('slider', {name: KO.slider}).waitFor();
    await step.focus();
    while (await step.isEnabled()) await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(KO.back);
    await page.close();
  });

  it('axe finds nothing with the block stopped mid-run, light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const s = colorScheme === 'dark' ? await openBrowser({colorScheme}) : session;
      try {
        const {page} = await open('/docs/close', s);
        const {slider, last} = await stepThrough(page, '/docs/close', KO, /소켓/).then((r) => ({slider: r.slider, last: r.last}));
        await slider.focus();
        await page.keyboard.press('Home');
        for (let k = 0; k < Math.floor(last / 2); k++) await page.keyboard.press('ArrowRight');
        expect(await axeViolations(page), colorScheme).toEqual([]);
        await page.close();
      } finally {
        if (s !== session) await s.close();
      }
    }
  });
});

describe('an example meant to end with an error', () => {
  it.each([
    ['/docs/connect', KO, /이 예제는 ECONNREFUSED 오류로 끝나도록 만들었어요/],
    ['/en/docs/connect', EN, /This example is meant to end with ECONNREFUSED/],
  ])('%s says the refused connect is the point, without a red error', async (path, names, says) => {
    const {page} = await open(path);
    const block = await wakeBlock(page.locator('[data-live-code]').filter({hasText: 'connect(fd, ip, 81)'}).first(), names.editor);
    await block.getByRole('button', {name: names.run, exact: true}).click();
    const status = block.locator('[data-status="error"]');
    await status.waitFor();
    expect(await status.textContent()).toMatch(says);
    expect(await status.locator('[data-expected="true"]').count()).toBe(1);
    expect(await status.textContent()).not.toMatch(/오류: |^Error: /);
    await page.close();
  });
});
