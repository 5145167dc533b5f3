/**
 * Issue #6: the HTTP lab in the built site, in Chromium. Changing the image count and running changes
 * the counts and the waterfall; a connection's sequence diagram opens; a mode's program opens as a
 * runnable block; the same in English; axe finds nothing in the lab (light and dark); a 360 px phone gets no
 * sideways page scroll.
 *
 * Expected counts follow from the protocols (see test/lab/programs.test.ts): HTTP/1.0 sequential opens
 * one connection per resource (N + 1), HTTP/1.1 persistent and pipelined open one.
 */
import {axeViolations} from './axe';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator} from 'playwright-core';
import type {Page} from 'playwright-core';
import {baseUrl, openBrowser, sidewaysOverflow, watchedPage, type Session} from './browser';

const KO = {
  region: 'HTTP 실험실',
  images: '이미지 수',
  rtt: '왕복 시간',
  loss: '패킷 손실',
  think: '서버 처리 시간',
  run: '실행',
  results: '결과',
  connections: '연결',
  modes: ['HTTP/1.0 순차', 'HTTP/1.0 병렬', 'HTTP/1.1 지속', 'HTTP/1.1 연결 6개', 'HTTP/1.1 파이프라인'],
  waterfall: (mode: string) => `${mode}의 워터폴: 연결마다 한 줄`,
  diagram: (n: number) => `연결 ${n}의 시퀀스 다이어그램`,
  showCode: '코드 보기',
  editor: '코드 편집기',
  done: '실행을 마쳤습니다.',
};
const EN = {
  region: 'HTTP lab',
  images: 'Images',
  rtt: 'Round-trip time',
  loss: 'Packet loss',
  think: 'Server think time',
  run: 'Run',
  results: 'Results',
  connections: 'Connections',
  modes: ['HTTP/1.0 sequential', 'HTTP/1.0 parallel', 'HTTP/1.1 persistent', 'HTTP/1.1 six connections', 'HTTP/1.1 pipelined'],
  waterfall: (mode: string) => `Waterfall of ${mode}: one row per connection`,
  done: 'Done.',
};

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function openLab(path: string, name: string, s: Session = session) {
  const watched = await watchedPage(s);
  const response = await watched.page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  expect(response?.status()).toBe(200);
  const lab = watched.page.getByRole('region', {name, exact: true});
  await lab.scrollIntoViewIfNeeded();
  return {...watched, lab};
}

/** Sets the inputs, presses Run and waits for the live region to announce the end. */
async function runLab(lab: Locator, words: typeof KO | typeof EN, images: number, rtt: number, lossPct = 0, thinkMs = 0) {
  await lab.getByRole('spinbutton', {name: words.images, exact: true}).fill(String(images));
  await lab.getByRole('spinbutton', {name: words.rtt, exact: true}).fill(String(rtt));
  await lab.getByRole('spinbutton', {name: words.loss, exact: true}).fill(String(lossPct));
  await lab.getByRole('spinbutton', {name: words.think, exact: true}).fill(String(thinkMs));
  const runs = Number(await lab.getAttribute('data-runs'));
  await lab.getByRole('button', {name: words.run, exact: true}).first().click();
  await expect.poll(async () => Number(await lab.getAttribute('data-runs')), {timeout: 30_000}).toBe(runs + 1);
  // the live region announces the end
  expect(await lab.getByRole('status').first().textContent()).toContain(words.done);
}

/** The numbers of one mode's row, by column header. */
async function row(lab: Locator, words: typeof KO | typeof EN, mode: string): Promise<Record<string, string>> {
  const table = lab.getByRole('table', {name: words.results, exact: true});
  const headers = await table.getByRole('columnheader').allTextContents();
  const r = table.getByRole('row').filter({has: lab.page().getByRole('rowheader', {name: mode, exact: true})});
  const cells = [await r.getByRole('rowheader').textContent(), ...(await r.getByRole('cell').allTextContents())];
  return Object.fromEntries(headers.map((h, i) => [h, cells[i] ?? '']));
}

function waterfallRows(lab: Locator, name: string): Locator {
  return lab.getByRole('list', {name, exact: true}).getByRole('listitem');
}

/** How many rows a mode's waterfall shows (it loads lazily after the run: wait for it). */
async function expectWaterfallRows(lab: Locator, name: string, n: number) {
  await expect.poll(async () => waterfallRows(lab, name).count(), {timeout: 15_000}).toBe(n);
}

describe('the HTTP lab (Korean)', () => {
  it('names its region, inputs, button, table, rows and the Connections column exactly', async () => {
    const {lab} = await openLab('/docs/http', KO.region);
    await lab.getByRole('spinbutton', {name: KO.images, exact: true}).waitFor();
    await lab.getByRole('spinbutton', {name: KO.rtt, exact: true}).waitFor();
    await lab.getByRole('spinbutton', {name: KO.loss, exact: true}).waitFor();
    await lab.getByRole('spinbutton', {name: KO.think, exact: true}).waitFor();
    await lab.getByRole('button', {name: KO.run, exact: true}).first().waitFor();
    const table = lab.getByRole('table', {name: KO.results, exact: true});
    await table.getByRole('columnheader', {name: KO.connections, exact: true}).waitFor();
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(KO.modes);
  });

  it('changing N and running changes the counts and the waterfall', async () => {
    const {lab, errors, externalRequests} = await openLab('/docs/http', KO.region);

    await runLab(lab, KO, 2, 100);
    // HTML + 2 images: sequential HTTP/1.0 opens 3 connections, HTTP/1.1 one; the browsers' way opens one more
    // for the second image while the first connection fetches the first (min(N, 6) = 2)
    expect((await row(lab, KO, KO.modes[0]))[KO.connections]).toBe('3');
    expect((await row(lab, KO, KO.modes[2]))[KO.connections]).toBe('1');
    expect((await row(lab, KO, KO.modes[3]))[KO.connections]).toBe('2');
    expect((await row(lab, KO, KO.modes[4]))[KO.connections]).toBe('1');
    await expectWaterfallRows(lab, KO.waterfall(KO.modes[0]), 3);
    await expectWaterfallRows(lab, KO.waterfall(KO.modes[3]), 2);
    await expectWaterfallRows(lab, KO.waterfall(KO.modes[4]), 1);
    const firstSentence = await lab.locator('[data-explanation]').textContent();
    expect(firstSentence).toMatch(/배 빨랐습니다/);

    await runLab(lab, KO, 7, 100);
    expect((await row(lab, KO, KO.modes[0]))[KO.connections]).toBe('8');
    expect((await row(lab, KO, KO.modes[1]))[KO.connections]).toBe('8');
    await expectWaterfallRows(lab, KO.waterfall(KO.modes[0]), 8);
    await expectWaterfallRows(lab, KO.waterfall(KO.modes[2]), 1);
    // the sentence is computed from the numbers: more images, another sentence
    expect(await lab.locator('[data-explanation]').textContent()).not.toBe(firstSentence);

    expect(errors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('opens a connection’s sequence diagram and a mode’s program as a runnable block; axe finds nothing', async () => {
    const {page, lab} = await openLab('/docs/http', KO.region);
    await runLab(lab, KO, 3, 50);
    const rows = waterfallRows(lab, KO.waterfall(KO.modes[0]));
    await rows.nth(1).getByRole('button', {name: KO.diagram(2), exact: true}).click();
    // the diagram shows this connection's segments: its SYN among them
    await expect
      .poll(async () => lab.locator('[data-segment]').count(), {timeout: 15_000})
      .toBeGreaterThanOrEqual(8);
    await expect(lab.getByRole('button', {name: /^client:\d+ → www\.example\.com:80, SYN seq=/}).count()).resolves.toBe(1);

    await lab.getByText(KO.showCode).first().click();
    const editor = lab.getByRole('textbox', {name: KO.editor, exact: true}).first();
    await editor.waitFor({timeout: 30_000});
    expect(await editor.inputValue()).toContain('/page/3.html');

    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('the HTTP lab: packet loss and server think time', () => {
  const time = async (mode: string) => Number((await row(lab_, KO, mode))['총 시간'].replace(/[^\d.]/g, ''));
  let lab_: Locator;

  it('think time makes pipelining wait for every response ahead; six connections think in parallel', async () => {
    const {lab, errors} = await openLab('/docs/http', KO.region);
    lab_ = lab;
    // N = 6, R = 100, T = 200 (test/lab/programs.test.ts derives these): pipelined 3 R + (N + 1) T = 1700 ms,
    // persistent (N + 2) R + (N + 1) T = 2200 ms
    await runLab(lab, KO, 6, 100, 0, 200);
    expect(await time(KO.modes[4])).toBe(1700);
    expect(await time(KO.modes[2])).toBe(2200);
    expect(await time(KO.modes[3])).toBeLessThan(1700);
    expect(errors).toEqual([]);
  });

  it('loss makes the stack retransmit: the single connection waits at least one 200 ms timeout longer', async () => {
    const {lab, errors} = await openLab('/docs/http', KO.region);
    lab_ = lab;
    await runLab(lab, KO, 10, 100);
    const clean = await time(KO.modes[2]);
    const cleanSegments = Number((await row(lab, KO, KO.modes[2]))['세그먼트']);
    // the same choices, 10 % loss: at this seed segments of the persistent connection are lost (test/lab/programs.test.ts)
    await runLab(lab, KO, 10, 100, 10);
    expect(await time(KO.modes[2])).toBeGreaterThanOrEqual(clean + 200);
    expect(Number((await row(lab, KO, KO.modes[2]))['세그먼트'])).toBeGreaterThan(cleanSegments);
    // the note on TLS's round trips is next to the lab
    expect(await lab.textContent()).toContain('TLS 1.3은 1 RTT, TLS 1.2는 2 RTT');
    expect(errors).toEqual([]);
  });
});

describe('the HTTP lab (English)', () => {
  it('runs under its English names', async () => {
    const {page, lab, errors} = await openLab('/en/docs/http', EN.region);
    const table = lab.getByRole('table', {name: EN.results, exact: true});
    expect(await table.getByRole('rowheader').allTextContents()).toEqual(EN.modes);
    await table.getByRole('columnheader', {name: EN.connections, exact: true}).waitFor();

    await lab.getByRole('spinbutton', {name: EN.loss, exact: true}).waitFor();
    await lab.getByRole('spinbutton', {name: EN.think, exact: true}).waitFor();
    await runLab(lab, EN, 4, 200);
    expect((await row(lab, EN, EN.modes[0]))[EN.connections]).toBe('5');
    expect((await row(lab, EN, EN.modes[3]))[EN.connections]).toBe('4');
    expect(await lab.textContent()).toContain('1 RTT with TLS 1.3 and 2 RTT with TLS 1.2');
    await expectWaterfallRows(lab, EN.waterfall(EN.modes[0]), 5);
    expect(await lab.locator('[data-explanation]').textContent()).toMatch(/faster than/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the HTTP lab on a phone in dark mode', () => {
  it('fits 360 px without sideways page scroll and axe finds nothing after a run', async () => {
    const phone = await openBrowser({width: 360, height: 740, colorScheme: 'dark', isMobile: true});
    try {
      const {page, lab} = await openLab('/docs/http', KO.region, phone);
      await runLab(lab, KO, 20, 500);
      expect((await row(lab, KO, KO.modes[0]))[KO.connections]).toBe('21');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

