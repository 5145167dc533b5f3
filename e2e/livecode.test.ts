/**
 * Issue #4 (UI): runnable code blocks in the built site, in Chromium. A chapter's block loads its
 * editor, runs in the worker, shows descriptor 3; Step/Back change the tables (one event at a time: e2e/timeline.test.ts); an endless loop is
 * stopped while the page keeps answering; a syntax error shows line:column; an arrow of the sequence
 * diagram marks the line that sent it; the same in English; axe finds nothing on the page with each
 * inspector open (light and dark),
 * and a 360 px phone gets no sideways page scroll.
 */
import {axeViolations} from './axe';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {openBrowser, openPage, sidewaysOverflow, wakeBlock, type Session} from './browser';

const KO = {
  editor: '코드 편집기',
  run: '실행',
  step: '한 단계',
  back: '이전',
  descriptor: /디스크립터 표/,
  diagramTab: '시퀀스 다이어그램',
  running: '실행 중',
  timeout: '2초가 지나 멈췄습니다',
  tabs: ['디스크립터와 소켓', '버퍼', '시퀀스 다이어그램', '호출 기록'],
};
const EN = {editor: 'Code editor', run: 'Run', descriptor: /Descriptor table of client/};

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

/** The first runnable block of the page, scrolled to so its live part loads. */
async function firstBlock(page: Page, editorName = KO.editor): Promise<Locator> {
  return wakeBlock(page.locator('[data-live-code]').first(), editorName);
}

async function setCode(block: Locator, code: string, editorName = KO.editor) {
  await block.getByRole('textbox', {name: editorName}).fill(code);
}

/** The run's status line (a polite live region; the timeline's caption is another one) */
function status(block: Locator): Locator {
  return block.locator('[data-status]');
}

/** Press Run and wait for the outcome (the status line says `data-status` ok/error/…, in any locale). */
async function run(block: Locator, name = KO.run) {
  await block.getByRole('button', {name, exact: true}).click();
  await block.locator('[data-status]:not([data-status="running"]):not([data-status="idle"])').waitFor({timeout: 15_000});
}

function descriptorRow(block: Locator, table: RegExp, fd: number): Locator {
  return block
    .getByRole('table', {name: table})
    .first()
    .getByRole('row')
    .filter({has: block.page().getByRole('rowheader', {name: String(fd), exact: true})});
}

describe('a runnable block in a chapter', () => {
  it('runs the chapter example in the worker and shows descriptor 3 of client', async () => {
    const {page, errors} = await open('/docs/socket');
    const block = await firstBlock(page);
    await run(block);
    await expect(descriptorRow(block, KO.descriptor, 3).count()).resolves.toBe(1);
    // the row shows the socket descriptor 3 points to: new, so CLOSED and without a peer
    expect(await descriptorRow(block, KO.descriptor, 3).textContent()).toMatch(/CLOSED/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Step and Back replay the run one event at a time and change the tables', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    await setCode(block, 'const a = socket();\nconst b = socket();\nclose(a);');
    const step = block.getByRole('button', {name: KO.step, exact: true});
    const slider = block.getByRole('slider', {name: '타임라인', exact: true});
    // Step on a block not yet run: it runs and stands at the first event, socket() on line 1 entering
    await step.click();
    await slider.waitFor();
    expect(await slider.inputValue()).toBe('1');
    expect(await descriptorRow(block, KO.descriptor, 3).count()).toBe(0);
    expect(await block.locator('[data-line="1"]').getAttribute('data-marks')).toContain('current');

    // socket() returned: descriptor 3 only
    await step.click();
    expect(await descriptorRow(block, KO.descriptor, 3).count()).toBe(1);
    expect(await descriptorRow(block, KO.descriptor, 4).count()).toBe(0);
    const firstTables = await block.getByRole('table', {name: KO.descriptor}).first().textContent();

    // the second socket() entering, then returning 4
    await step.click();
    await step.click();
    expect(await descriptorRow(block, KO.descriptor, 4).count()).toBe(1);
    expect(await block.getByRole('table', {name: KO.descriptor}).first().textContent()).not.toBe(firstTables);
    expect(await block.locator('[data-line="2"]').getAttribute('data-marks')).toContain('current');

    await block.getByRole('button', {name: KO.back, exact: true}).click();
    await block.getByRole('button', {name: KO.back, exact: true}).click();
    expect(await slider.inputValue()).toBe('2');
    expect(await block.getByRole('table', {name: KO.descriptor}).first().textContent()).toBe(firstTables);
    await page.close();
  });

  it('an endless loop is stopped after 2 s while the page keeps scrolling and answering clicks', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    // a quick run first, so the inspectors' tabs are there to click during the next one
    await setCode(block, 'const fd = socket();');
    await run(block);
    await setCode(block, 'while (true) {}');
    await block.getByRole('button', {name: KO.run, exact: true}).click();
    await status(block).getByText(KO.running).waitFor();

    const scrolledFrom = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => window.scrollY !== y, scrolledFrom);
    const tab = block.getByRole('tab', {name: KO.tabs[3]});
    await tab.click();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    // all of that happened while the program was still running (before its 2 s limit): the page was never blocked.
    // No wall-clock bound here: a loaded machine may be slow, but only a blocked page scrolls after the limit.
    expect(await status(block).textContent()).toContain(KO.running);

    await status(block).getByText(KO.timeout).waitFor({timeout: 10_000});
    // a fresh worker takes over: the next run works
    await setCode(block, 'const fd = socket();\nconsole.log(fd);');
    await run(block);
    expect(await block.getByRole('region', {name: '출력'}).textContent()).toContain('3');
    await page.close();
  });

  it('a syntax error shows line:column and marks the line', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    await setCode(block, 'const a = 1;\nconst b = ;');
    await run(block);
    expect(await status(block).textContent()).toMatch(/\(2:\d+\)/);
    expect(await block.locator('[data-line="2"]').getAttribute('data-marks')).toContain('error');
    expect(await block.getByRole('textbox', {name: KO.editor}).getAttribute('aria-invalid')).toBe('true');
    await page.close();
  });

  it('selecting a segment highlights the line that sent it, and a line highlights its segments', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    await setCode(block, "const fd = socket();\nconnect(fd, resolve('www.example.com'), 80);\nclose(fd);");
    await run(block);
    await block.getByRole('tab', {name: KO.diagramTab}).click();
    // connect() sends the SYN (RFC 9293 §3.5): selecting it marks line 2
    const syn = block.getByRole('button', {name: /^client:\d+ → www\.example\.com:80, SYN seq=0/});
    await syn.click();
    expect(await syn.getAttribute('aria-pressed')).toBe('true');
    expect(await block.locator('[data-line="2"]').getAttribute('data-marks')).toContain('selected');
    expect(await block.locator('[data-line="1"]').getAttribute('data-marks')).toBeNull();
    // keyboard: Enter on the focused arrow selects it as well
    await syn.focus();
    await page.keyboard.press('Enter');
    expect(await syn.getAttribute('aria-pressed')).toBe('true');

    // close() sends the client's FIN: clicking line 3's number marks it (the segments it set off on
    // the server's side may be marked too), and none of the handshake's, which belong to line 2
    await block.locator('[data-line="3"]').click();
    const related = await block.locator('[data-related="true"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(related.some((name) => /^client:\d+ → www\.example\.com:80, FIN/.test(name ?? ''))).toBe(true);
    expect(related.some((name) => /, SYN/.test(name ?? ''))).toBe(false);
    await page.close();
  });
});

describe('English', () => {
  it('the same block runs under /en/ with English names', async () => {
    const {page, errors} = await open('/en/docs/socket');
    const block = await firstBlock(page, EN.editor);
    await run(block, EN.run);
    expect(await descriptorRow(block, EN.descriptor, 3).count()).toBe(1);
    for (const name of ['Reset', 'Step', 'Back']) {
      expect(await block.getByRole('button', {name, exact: true}).count()).toBe(1);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a call that would wait forever, in each locale', () => {
  // the chapter's own example (expect=blocked): read() on a connection nobody writes to
  const blockedBlock = (page: Page) => page.locator('[data-live-code]').filter({hasText: /아무도 보내지 않으면|When nobody sends/}).first();

  it.each([
    ['/docs/read-write', KO.editor, KO.run, /read\(\d+\)/, /[a-z]{4,} [a-z]{4,}/],
    ['/en/docs/read-write', EN.editor, EN.run, /read\(\d+\): no more data will arrive/, /[\uac00-\ud7a3]/],
  ])('%s says why, in the page\'s language', async (path, editorName, runName, says, foreign) => {
    const {page, errors} = await open(path);
    const block = await wakeBlock(blockedBlock(page), editorName);
    await run(block, runName);
    expect(await block.locator('[data-status]').getAttribute('data-status')).toBe('blocked');
    const text = (await status(block).textContent()) ?? '';
    expect(text).toMatch(says);
    expect(text).not.toMatch(foreign);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('accessibility and phones', () => {
  async function runAndVisitTabs(page: Page, visit: (tab: string) => Promise<void>) {
    const block = await firstBlock(page);
    await setCode(block, "const fd = socket();\nconnect(fd, resolve('www.example.com'), 80);\nwrite(fd, 'GET / HTTP/1.0\\r\\n\\r\\n');\nconsole.log(read(fd, 100));\nclose(fd);");
    await run(block);
    for (const tab of KO.tabs) {
      await block.getByRole('tab', {name: tab}).click();
      await visit(tab);
    }
  }

  it('axe finds no violation on the chapter page with each inspector open', async () => {
    const {page} = await open('/docs/socket');
    await runAndVisitTabs(page, async (tab) => {
      expect(await axeViolations(page), tab).toEqual([]);
    });
    await page.close();
  });

  it('in dark mode too', async () => {
    const dark = await openBrowser({colorScheme: 'dark'});
    try {
      const {page} = await open('/docs/socket', dark);
      await runAndVisitTabs(page, async (tab) => {
        expect(await axeViolations(page), tab).toEqual([]);
      });
    } finally {
      await dark.close();
    }
  });

  it('a 360 px phone scrolls inside the block, never the page sideways', async () => {
    const phone = await openBrowser({width: 360, height: 740, isMobile: true});
    try {
      const {page} = await open('/docs/socket', phone);
      const fontSize = await (await firstBlock(page))
        .getByRole('textbox', {name: KO.editor})
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);
      await runAndVisitTabs(page, async (tab) => {
        expect(await sidewaysOverflow(page), tab).toBeLessThanOrEqual(0);
      });
    } finally {
      await phone.close();
    }
  });
});
