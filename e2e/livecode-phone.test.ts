/**
 * Issue #23 on the built site, in Chromium: typing Korean through an input method (Chromium's own composition, driven
 * over CDP as an IME drives it) arrives whole and the editor's keys stay out of it; a phone keyboard's curly quotes
 * are put back before a run or named in the syntax error; an edited block says so after a reload, with when; the
 * landing page's cards carry their chapters' numbers. Both locales.
 * Issue #19 (focus): the focus survives the placeholder → editor swap, and the key hint shows while the editor has it.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CDPSession, Locator, Page} from 'playwright-core';
import {baseUrl, openBrowser, wakeBlock, watchedPage, type Session} from './browser';

const KO = {editor: '코드 편집기', run: '실행', reset: '초기화'};
const EN = {editor: 'Code editor', run: 'Run', reset: 'Reset'};

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function open(path: string) {
  const watched = await watchedPage(session);
  const response = await watched.page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  expect(response?.status()).toBe(200);
  return watched;
}

async function firstBlock(page: Page, names = KO): Promise<Locator> {
  return wakeBlock(page.locator('[data-live-code]').first(), names.editor);
}

async function run(block: Locator, names = KO) {
  await block.getByRole('button', {name: names.run, exact: true}).click();
  await block.locator('[data-status]:not([data-status="running"]):not([data-status="idle"])').waitFor({timeout: 15_000});
}

/** The code as the highlighted layer under the textarea shows it. */
async function shownCode(block: Locator): Promise<string> {
  return block.locator('pre').first().evaluate((pre) => [...pre.children].map((line) => line.textContent).join('\n'));
}

/**
 * Dispatches, on the focused editor, a keydown as the page would see it during a composition, and says whether the
 * page cancelled it. `keyCode` cannot be set through the constructor, so it is defined on the event.
 */
async function keydownWhileComposing(page: Page, init: {key: string; isComposing: boolean; keyCode?: number}) {
  return page.evaluate(({key, isComposing, keyCode}) => {
    const ta = document.activeElement as HTMLTextAreaElement;
    const ev = new KeyboardEvent('keydown', {key, code: key === 'Process' ? '' : key, isComposing, bubbles: true, cancelable: true});
    if (keyCode !== undefined) Object.defineProperty(ev, 'keyCode', {get: () => keyCode});
    ta.dispatchEvent(ev);
    return ev.defaultPrevented;
  }, init);
}

/** One Hangul syllable the way a Korean IME types it: jamo by jamo in a composition, then committed. */
async function composeSyllable(cdp: CDPSession, steps: string[], between?: () => Promise<void>) {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', {text, selectionStart: text.length, selectionEnd: text.length});
    if (between) await between();
  }
  await cdp.send('Input.insertText', {text: steps[steps.length - 1]});
}

describe('typing Hangul through an input method', () => {
  it('안녕 arrives whole, once, in the editor and its highlighted layer; Tab and friends do nothing meanwhile', async () => {
    const {page, errors} = await open('/docs/socket');
    const block = await firstBlock(page);
    const ta = block.getByRole('textbox', {name: KO.editor});
    await ta.fill('');
    await ta.focus();
    const events: string[] = [];
    await page.exposeFunction('recordEvent', (e: string) => events.push(e));
    await page.evaluate(() => {
      const el = document.activeElement!;
      for (const type of ['compositionstart', 'compositionend']) {
        el.addEventListener(type, () => (window as unknown as {recordEvent: (e: string) => void}).recordEvent(type));
      }
    });
    const cdp = await page.context().newCDPSession(page);
    const prevented: boolean[] = [];
    // what a Korean IME sends for each key while a syllable is open, and the tracked case where the key says nothing
    const keysDuringComposition = async () => {
      prevented.push(await keydownWhileComposing(page, {key: 'Process', isComposing: true, keyCode: 229}));
      prevented.push(await keydownWhileComposing(page, {key: 'Tab', isComposing: true, keyCode: 229}));
      prevented.push(await keydownWhileComposing(page, {key: 'Tab', isComposing: false}));
      prevented.push(await keydownWhileComposing(page, {key: 'Escape', isComposing: true}));
    };
    await composeSyllable(cdp, ['ㅇ', '아', '안'], keysDuringComposition);
    await composeSyllable(cdp, ['ㄴ', '녀', '녕'], keysDuringComposition);

    expect(await ta.inputValue()).toBe('안녕');
    expect(await shownCode(block)).toBe('안녕');
    expect(prevented.every((p) => p === false)).toBe(true);
    expect(events).toEqual(['compositionstart', 'compositionend', 'compositionstart', 'compositionend']);

    // after the composition the keys are the editor's again: Tab indents at the caret
    await page.keyboard.press('Home');
    await page.keyboard.press('Tab');
    expect(await ta.inputValue()).toBe('  안녕');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a syllable composed inside a string is what the program prints', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    const ta = block.getByRole('textbox', {name: KO.editor});
    await ta.fill("console.log('');");
    await ta.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(13, 13));
    const cdp = await page.context().newCDPSession(page);
    await composeSyllable(cdp, ['ㅎ', '하', '한']);
    await composeSyllable(cdp, ['ㄱ', '그', '글']);
    expect(await ta.inputValue()).toBe("console.log('한글');");
    await run(block);
    expect(await block.getByRole('region', {name: '출력'}).textContent()).toContain('한글');
    await page.close();
  });
});

describe("a phone keyboard's smart punctuation", () => {
  it('curly quotes used as string quotes are put back for the run, and the reader is told what and where', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    const ta = block.getByRole('textbox', {name: KO.editor});
    await ta.fill('const fd = socket();\nconsole.log(‘fd:’, fd, “it’s”);');
    await run(block);
    expect(await block.locator('[data-status]').getAttribute('data-status')).toBe('ok');
    expect(await block.getByRole('region', {name: '출력'}).textContent()).toContain('fd: 3 it’s');
    const notice = await block.locator('[data-punctuation-notice]').textContent();
    expect(notice).toContain("2:13 ‘ → '");
    expect(notice).toContain("2:17 ’ → '");
    expect(notice).toContain('2:24 “ → "');
    expect(notice).toContain('휴대폰 키보드');
    // the editor keeps what the reader typed
    expect(await ta.inputValue()).toContain('‘fd:’');
    await page.close();
  });

  it('typographic quotes inside a string the reader wrote are printed as they are', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    await block.getByRole('textbox', {name: KO.editor}).fill("console.log('“hi” — ‘there’…');");
    await run(block);
    expect(await block.getByRole('region', {name: '출력'}).textContent()).toContain('“hi” — ‘there’…');
    expect(await block.locator('[data-punctuation-notice]').textContent()).toBe('');
    await page.close();
  });

  it('a curly quote left in code is named in the syntax error, with its line:column, in Korean', async () => {
    const {page} = await open('/docs/socket');
    const block = await firstBlock(page);
    await block.getByRole('textbox', {name: KO.editor}).fill('const fd = socket();\nconsole.log(‘fd);');
    await run(block);
    const status = block.locator('[data-status]');
    expect(await status.getAttribute('data-status')).toBe('syntax-error');
    expect(await status.textContent()).toMatch(/문법 오류: ‘ 는 둥근 따옴표입니다: 코드에는 곧은 따옴표 ' 를 쓰세요.*\(2:13\)/);
    expect(await block.locator('[data-line="2"]').getAttribute('data-marks')).toContain('error');
    await page.close();
  });

  it('in English: the notice and the syntax error', async () => {
    const {page} = await open('/en/docs/socket');
    const block = await firstBlock(page, EN);
    const ta = block.getByRole('textbox', {name: EN.editor});
    await ta.fill('let n = 2;\nn—;\nconsole.log(“n”, n);');
    await run(block, EN);
    expect(await block.getByRole('region', {name: 'Output'}).textContent()).toContain('n 1');
    const notice = await block.locator('[data-punctuation-notice]').textContent();
    expect(notice).toMatch(/^Punctuation a phone keyboard changed was put back/);
    expect(notice).toContain('2:2 — → --');
    await ta.fill('console.log(“hi);');
    await run(block, EN);
    expect(await block.locator('[data-status]').textContent()).toMatch(/“ is a curly quote: use a straight quote " in code.*\(1:13\)/);
    await page.close();
  });
});

describe('an edited block after a reload', () => {
  async function editedMark(block: Locator) {
    return block.locator('[data-edited]');
  }

  for (const [locale, names, path, pattern] of [
    ['ko', KO, '/docs/connect', /^수정됨 · \d{1,2}월 \d{1,2}일 \d\d:\d\d$/],
    ['en', EN, '/en/docs/connect', /^Edited · [A-Z][a-z]{2} \d{1,2}, \d\d:\d\d$/],
  ] as const) {
    it(`shows the reader's code under the mark with the time (${locale}); Reset removes both`, async () => {
      const {page} = await open(path);
      let block = await firstBlock(page, names);
      const original = await block.getByRole('textbox', {name: names.editor}).inputValue();
      expect(await (await editedMark(block)).count()).toBe(0);
      const edited = original.replace(/\b80\b/, '81') + '\n// mine';
      await block.getByRole('textbox', {name: names.editor}).fill(edited);

      await page.reload({waitUntil: 'networkidle'});
      block = await firstBlock(page, names);
      expect(await block.getByRole('textbox', {name: names.editor}).inputValue()).toBe(edited);
      const mark = await editedMark(block);
      expect(await mark.textContent()).toMatch(pattern);
      // the mark sits between the author's title and the code
      const [markBox, codeBox] = [await mark.boundingBox(), await block.locator('textarea').boundingBox()];
      expect(markBox!.y).toBeLessThan(codeBox!.y);
      expect(await mark.isVisible()).toBe(true);

      await block.getByRole('button', {name: names.reset, exact: true}).click();
      expect(await mark.count()).toBe(0);
      await page.reload({waitUntil: 'networkidle'});
      block = await firstBlock(page, names);
      expect(await block.getByRole('textbox', {name: names.editor}).inputValue()).toBe(original);
      expect(await (await editedMark(block)).count()).toBe(0);
      await page.close();
    });
  }

  it('an edit saved before times were kept still loads, marked without a time', async () => {
    const {page} = await open('/docs/connect');
    let block = await firstBlock(page);
    await block.getByRole('textbox', {name: KO.editor}).fill('close(3);');
    // rewrite the saved entry as the site wrote it before: {code} only
    const keys = await page.evaluate(() => {
      const found = Object.keys(localStorage).filter(
        (k) => k.startsWith('socketlab:v1:code:') && JSON.parse(localStorage.getItem(k)!).code === 'close(3);',
      );
      for (const k of found) localStorage.setItem(k, JSON.stringify({code: JSON.parse(localStorage.getItem(k)!).code}));
      return found;
    });
    expect(keys).toHaveLength(1);
    await page.reload({waitUntil: 'networkidle'});
    block = await firstBlock(page);
    expect(await block.getByRole('textbox', {name: KO.editor}).inputValue()).toBe('close(3);');
    expect(await block.locator('[data-edited]').textContent()).toBe('수정됨');
    await page.close();
  });
});

describe('the landing page', () => {
  for (const [path, label] of [
    ['/', (n: number) => `${n}장`],
    ['/en/', (n: number) => `Chapter ${n}`],
  ] as const) {
    it(`numbers each phase card as the chapter it leads to (${path})`, async () => {
      const {page} = await open(path);
      const cards = page.locator('main ol li a');
      expect(await cards.count()).toBe(4);
      const targets: Array<{href: string; text: string}> = [];
      for (const card of await cards.all()) {
        targets.push({href: (await card.getAttribute('href'))!, text: (await card.textContent())!});
      }
      for (const {href, text} of targets) {
        await page.goto(baseUrl() + href, {waitUntil: 'networkidle'});
        const title = (await page.locator('h1').first().textContent())!;
        const chapter = Number(/^(\d+)\./.exec(title)?.[1]);
        expect(chapter).toBeGreaterThan(0);
        expect(text.startsWith(label(chapter))).toBe(true);
      }
      await page.close();
    });
  }
});

describe('focus across the placeholder → editor swap, and the key hint (issue 19)', () => {
  /** The last runnable block of a long chapter: still a placeholder when the page opens. */
  async function placeholderBlock(page: Page): Promise<Locator> {
    const block = page.locator('[data-live-code]').last();
    expect(await block.locator('textarea').count()).toBe(0);
    return block;
  }

  it('Run pressed from the keyboard on a placeholder keeps the focus on Run, and the run happens', async () => {
    const {page} = await open('/docs/read-write');
    const block = await placeholderBlock(page);
    await block.getByRole('button', {name: KO.run, exact: true}).focus();
    await page.keyboard.press('Enter');
    await block.getByRole('textbox', {name: KO.editor}).waitFor({timeout: 30_000});
    await block.locator('[data-status]:not([data-status="running"]):not([data-status="idle"])').waitFor({timeout: 15_000});
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return {tag: el?.tagName, text: el?.textContent, inBlock: !!el?.closest('[data-live-code]')};
    });
    expect(focused).toEqual({tag: 'BUTTON', text: KO.run, inBlock: true});
    await page.close();
  });

  it('Tab onto a placeholder\'s code puts the caret in the editor', async () => {
    const {page} = await open('/docs/read-write');
    const block = await placeholderBlock(page);
    await block.getByRole('button', {name: KO.run, exact: true}).focus();
    // Run, then the disabled buttons are skipped: the next stop is the code
    await page.keyboard.press('Tab');
    await block.getByRole('textbox', {name: KO.editor}).waitFor({timeout: 30_000});
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA', null, {timeout: 5000});
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-live-code]'))).toBe(true);
    await page.close();
  });

  for (const [path, names, words] of [
    ['/docs/socket', KO, /Esc를 누른 뒤 Tab/],
    ['/en/docs/socket', EN, /Press Esc, then Tab/],
  ] as const) {
    it(`the Esc-then-Tab hint is on screen while the editor has the focus (${path})`, async () => {
      const {page} = await open(path);
      const block = await firstBlock(page, names);
      const ta = block.getByRole('textbox', {name: names.editor});
      const hintId = (await ta.getAttribute('aria-describedby'))!.split(' ')[0];
      const hint = page.locator(`[id="${hintId}"]`);
      expect(await hint.textContent()).toMatch(words);
      const size = async () => (await hint.boundingBox()) ?? {width: 0, height: 0};
      expect((await size()).width).toBeLessThanOrEqual(1);
      await ta.focus();
      expect((await size()).width).toBeGreaterThan(100);
      expect((await size()).height).toBeGreaterThan(8);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('TEXTAREA');
      // hidden a task after the focus left (after a press's click: src/components/LiveCode/pressTracking.ts)
      await expect.poll(async () => (await size()).width).toBeLessThanOrEqual(1);
      await page.close();
    });
  }
});
