/**
 * Quizzes in Chromium against the built site: answers survive a reload, the keyboard alone is enough, a corrupted
 * saved entry gives a notice instead of a broken page, predict and code questions run in the worker, and axe finds
 * nothing on a chapter with its quiz or on the review page, in both locales.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Locator, Page} from 'playwright-core';
import {axeViolations} from './axe';
import {baseUrl, openBrowser, watchedPage, type Session, type WatchedPage} from './browser';
import {quizFor} from '../src/quiz/data';

const KEY = 'socketlab:quiz:v1';

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

/** A fresh page at `path` with no saved progress. */
async function open(path: string): Promise<WatchedPage> {
  const w = await watchedPage(session);
  await w.page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  await w.page.evaluate(() => localStorage.clear());
  await w.page.reload({waitUntil: 'networkidle'});
  return w;
}

function quizRegion(page: Page, name: RegExp): Locator {
  return page.getByRole('region', {name});
}

/**
 * Scrolls to the quiz as a reader does and waits for it to be live: until the reader comes near, a quiz is the
 * server's HTML (src/components/Quiz/index.tsx), which knows nothing of saved answers.
 */
async function reach(region: Locator): Promise<void> {
  await region.scrollIntoViewIfNeeded();
  await region.page().locator('[data-quiz-host][data-quiz-live]').waitFor({timeout: 15_000});
}

function question(region: Locator, legend: RegExp): Locator {
  return region.locator('fieldset').filter({has: region.page().locator('legend', {hasText: legend})});
}

describe('server rendering', () => {
  it.each([
    ['/docs/connect', '퀴즈: 3장 접속'],
    ['/en/docs/connect', 'Quiz: Chapter 3, connecting'],
  ])('%s carries the quiz and its questions in the HTML, before any JavaScript', async (p, label) => {
    const html = await (await fetch(baseUrl() + p)).text();

    expect(html).toContain(`aria-label="${label}"`);
    expect(html.match(/<fieldset>/g)?.length).toBe(quizFor('connect')!.questions.length);
  });

  it('the review page carries its progress table in the HTML', async () => {
    const html = await (await fetch(`${baseUrl()}/docs/review`)).text();
    expect(html).toContain('<caption>장별 진행 상황</caption>');
  });
});

describe('answers are saved', () => {
  it('answer, reload: the answer and its feedback are still there, with no console error', async () => {
    const {page, errors} = await open('/docs/connect');
    const region = quizRegion(page, /^퀴즈: /);
    const q = question(region, /웹 서버\(HTTP\)는 보통 몇 번 포트/);

    await q.getByRole('textbox', {name: '답'}).fill('80');
    await q.getByRole('button', {name: '확인'}).click();
    await expect.poll(() => q.textContent()).toContain('정답');

    await page.reload({waitUntil: 'networkidle'});
    await reach(quizRegion(page, /^퀴즈: /));

    const again = question(quizRegion(page, /^퀴즈: /), /웹 서버\(HTTP\)는 보통 몇 번 포트/);
    await expect.poll(() => again.getByRole('textbox', {name: '답'}).inputValue()).toBe('80');
    expect(await again.textContent()).toContain('정답');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the review page counts it and the retake view lists a wrong answer with its section link', async () => {
    const {page, errors} = await open('/docs/socket');
    const q = question(quizRegion(page, /^퀴즈: /), /디스크립터를 가장 잘 설명한/);
    await q.getByRole('radio', {name: '포트 번호의 다른 이름'}).check();
    await q.getByRole('button', {name: '확인'}).click();
    await expect.poll(() => q.textContent()).toContain('오답');

    await page.goto(`${baseUrl()}/docs/review`, {waitUntil: 'networkidle'});
    const row = page.getByRole('row', {name: /2장 소켓 만들기/});
    await expect.poll(() => row.locator('td').allTextContents()).toEqual(['1', '0', '1', expect.any(String)]);
    await page.getByRole('button', {name: '틀린 문제 다시 풀기'}).click();
    const retake = page.getByRole('region', {name: /^퀴즈: 틀린 문제/});
    expect(await retake.locator('fieldset').count()).toBe(1);
    expect(await retake.getByRole('link', {name: /2장 · 디스크립터는 번호표/}).getAttribute('href')).toBe(
      '/docs/socket#descriptor-is-a-tag',
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('picks a choice with Space, moves to Check with Tab and presses it with Enter', async () => {
    const {page} = await open('/docs/socket');
    const q = question(quizRegion(page, /^퀴즈: /), /디스크립터를 가장 잘 설명한/);

    await q.getByRole('radio').first().focus();
    await page.keyboard.press('ArrowDown'); // arrows move through the radio group (and select)
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('확인');
    await page.keyboard.press('Enter');

    await expect.poll(() => q.textContent()).toContain('정답');
    expect(await q.getByRole('radio', {name: '소켓을 구별하기 위한 번호표'}).isChecked()).toBe(true);
    await page.close();
  });

  it('types a short answer and submits it with Enter', async () => {
    const {page} = await open('/docs/close');
    const q = question(quizRegion(page, /^퀴즈: /), /이제 `?read\(\)`?는 몇 바이트/);

    await q.getByRole('textbox', {name: '답'}).focus();
    await page.keyboard.type('0');
    await page.keyboard.press('Enter');

    await expect.poll(() => q.textContent()).toContain('정답');
    await page.close();
  });
});

describe('corrupted saved progress', () => {
  it('is set aside with a visible notice; the quiz still works', async () => {
    const {page, errors} = await open('/docs/overview');
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"answers":{"x":'), KEY);

    await page.reload({waitUntil: 'networkidle'});

    const region = quizRegion(page, /^퀴즈: /);
    await reach(region);
    await expect.poll(async () => (await region.getByRole('status').allTextContents()).join(' ')).toContain('저장된 진행 상황을 읽을 수 없어 따로 보관했습니다');
    expect(await page.evaluate((key) => localStorage.getItem(`${key}:corrupt-1`), KEY)).toBe('{"version":1,"answers":{"x":');
    expect(await region.locator('fieldset').count()).toBeGreaterThanOrEqual(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a saved record of the right shape but the wrong answer type (issue 16)', () => {
  it('is set aside alone with a notice; the other answers stay and the question can be answered', async () => {
    const {page, errors} = await open('/en/docs/connect');
    const saved = {
      version: 1,
      answers: {
        // a multiple-choice question with a string answer: well formed, wrong for its question
        'connect-parameters': {answer: 'a', attempts: 1, correct: false},
        'connect-well-known-port': {answer: '80', attempts: 1, correct: true},
      },
    };
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(saved)] as const);
    await page.reload({waitUntil: 'networkidle'});

    const region = quizRegion(page, /^Quiz: /);
    await reach(region);
    await expect.poll(() => region.getByRole('status').first().textContent()).toContain('1 of your saved quiz records could not be read');
    const stored = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)!).answers, KEY);
    expect(Object.keys(stored)).toEqual(['connect-well-known-port']);
    expect(await page.evaluate((key) => localStorage.getItem(`${key}:corrupt-1`), KEY)).toBe(
      JSON.stringify({'connect-parameters': saved.answers['connect-parameters']}),
    );
    // the question is interactive: tick a box and check
    const q = region.locator('fieldset').filter({has: page.locator('input[type="checkbox"]')}).first();
    await q.locator('input[type="checkbox"]').first().check();
    await q.getByRole('button', {name: 'Check'}).click();
    await expect.poll(() => q.textContent()).toMatch(/Correct|Incorrect/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('running programs in the page', () => {
  it('a predict question, once answered, becomes a runnable block that prints the outcome', async () => {
    const {page, errors} = await open('/docs/socket');
    const q = question(quizRegion(page, /^퀴즈: /), /이 프로그램은 무엇을 출력할까요/);
    expect(await q.getByRole('button', {name: '실행'}).count()).toBe(0); // read-only before answering
    await q.getByRole('textbox', {name: '예상한 결과'}).fill('3');
    await q.getByRole('button', {name: '확인'}).click();

    await q.getByRole('button', {name: '실행'}).click();

    const output = q.getByRole('region', {name: '출력'});
    await expect.poll(() => output.textContent(), {timeout: 15_000}).toMatch(/^출력\s*3\s*$/);
    expect(errors).toEqual([]);
    await page.close();
  });

});

/**
 * A code challenge, as a reader does it: edit the program, press Check. Two things used to lose it (issue 23): the
 * highlighted layer under the transparent textarea kept the server's starter code after an edit (the reader saw
 * code other than what would run), and the editor's key hint, shown while it has the focus, vanished on the press
 * that took the focus away, so the Check button below moved up under the pointer and the release missed it.
 */
describe('a code challenge runs the edited program and is graded by its checker', () => {
  const program = 'const a = socket();\nclose(a);\nconst b = socket();\nconsole.log(a, b);';
  const cases = [
    {path: '/docs/socket', legend: /3을 두 번 돌려주도록/, editor: '코드 편집기', check: '확인', correct: '정답'},
    {path: '/en/docs/socket', legend: /returns 3 twice/, editor: 'Code editor', check: 'Check', correct: 'Correct'},
  ];

  it.each(cases)('$path, desktop: the edit is what is highlighted, run and graded', async (c) => {
    const {page, errors} = await open(c.path);
    const q = question(quizRegion(page, /^(퀴즈|Quiz): /), c.legend);
    const editor = q.getByRole('textbox', {name: c.editor});

    await editor.fill(program);
    await q.getByRole('button', {name: c.check}).click();

    await expect.poll(() => q.textContent(), {timeout: 15_000}).toContain(c.correct);
    expect(await q.textContent()).not.toMatch(/오답|Incorrect/);
    // the highlighted layer (the code a reader sees under the transparent textarea) shows the edit
    expect(await q.locator('pre[aria-hidden="true"]').first().innerText()).toBe(program);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(cases)('$path, on a 360 px phone: typed with taps, graded', async (c) => {
    const phone = await openBrowser({width: 360, height: 740, isMobile: true});
    try {
      const w = await watchedPage(phone);
      const {page, errors} = w;
      await page.goto(baseUrl() + c.path, {waitUntil: 'networkidle'});
      const q = question(quizRegion(page, /^(퀴즈|Quiz): /), c.legend);
      const editor = q.getByRole('textbox', {name: c.editor});
      await editor.tap();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(program);

      await q.getByRole('button', {name: c.check}).tap();

      await expect.poll(() => q.textContent(), {timeout: 15_000}).toContain(c.correct);
      expect(await q.locator('pre[aria-hidden="true"]').first().innerText()).toBe(program);
      expect(errors).toEqual([]);
    } finally {
      await phone.close();
    }
  });
});

describe('English', () => {
  it('has the English names: region "Quiz: …", button "Check", feedback "Correct" / "Incorrect"', async () => {
    const {page} = await open('/en/docs/connect');
    const region = quizRegion(page, /^Quiz: /);
    const q = question(region, /Which port does a web server/);

    await q.getByRole('textbox', {name: 'Answer'}).fill('8080');
    await q.getByRole('button', {name: 'Check'}).click();
    await expect.poll(() => q.textContent()).toContain('Incorrect');

    await q.getByRole('button', {name: 'Try again'}).click();
    await q.getByRole('textbox', {name: 'Answer'}).fill('80');
    await q.getByRole('button', {name: 'Check'}).click();
    await expect.poll(() => q.textContent()).toContain('Correct');
    expect(await q.textContent()).not.toContain('Incorrect');
    await page.close();
  });
});

describe('axe', () => {
  it.each(['/docs/close', '/en/docs/close'])('%s: no violation on the chapter with its quiz answered (feedback and solution shown)', async (p) => {
    const {page} = await open(p);
    const region = quizRegion(page, /^(퀴즈|Quiz): /);
    const q = region.locator('fieldset').first();
    await q.getByRole('radio').nth(1).check();
    await q.getByRole('button', {name: /^(확인|Check)$/}).click();
    await expect.poll(() => q.textContent()).toMatch(/오답|Incorrect/);
    await region.locator('details summary').first().click();

    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it.each(['/docs/review', '/en/docs/review'])('%s: no violation with the retake view and the reset confirmation open', async (p) => {
    const {page} = await open(p);
    await page.evaluate(
      (key) =>
        localStorage.setItem(key, JSON.stringify({version: 1, answers: {'connect-web-port': {answer: '8080', attempts: 1, correct: false}}})),
      KEY,
    );
    await page.reload({waitUntil: 'networkidle'});
    await page.getByRole('button', {name: /틀린 문제 다시 풀기|Retake wrong answers/}).click();
    await page.getByRole('button', {name: /진행 상황 초기화|Reset progress/}).click();
    expect(await page.locator('fieldset').count()).toBe(1);

    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
