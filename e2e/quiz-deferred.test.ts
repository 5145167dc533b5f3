/**
 * A chapter's quiz is not part of the page's start (src/components/Quiz/index.tsx): its chunks load when the reader
 * comes near or reaches into it, and until then the server's HTML stands in — answerable, with nothing lost. Checked
 * in Chromium on the built site, both locales, with the quiz's chunk held back to stand for a slow phone.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Page, Route} from 'playwright-core';
import {baseUrl, openBrowser, watchedPage, type Session} from './browser';

let session: Session;
beforeAll(async () => {
  session = await openBrowser({width: 412, height: 823, isMobile: true});
});
afterAll(async () => {
  await session?.close();
});

/** Whether a script body is the quiz UI's chunk (the one carrying the quiz's region label). */
const isQuizChunk = (body: string) => body.includes('quiz.region.label') && !body.includes('data-quiz-host');

/** A fresh page with no saved progress; `hold` keeps the quiz's chunk back until the returned release is called. */
async function open(path: string, hold = false): Promise<{page: Page; errors: string[]; quizLoads: () => number; release: () => void}> {
  const {page, errors} = await watchedPage(session);
  let loads = 0;
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/js\/.*\.js$/, async (route: Route) => {
    const response = await route.fetch();
    const body = await response.text();
    // the quiz's code run as a script: a `<link rel=prefetch>` of the same file (the stock build prefetches the chunks
    // of linked pages) only fetches it, and holding that back would keep the page from ever going network-idle
    // (not the entry: in the stock English build main.js carries every English message, the quiz's too)
    const entry = /\/(runtime~)?main\.[0-9a-f]+\.js$/.test(route.request().url());
    if (route.request().resourceType() === 'script' && !entry && isQuizChunk(body)) {
      loads++;
      if (hold) await held;
    }
    await route.fulfill({response, body});
  });
  await page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  await page.evaluate(() => localStorage.clear());
  await page.reload({waitUntil: 'networkidle'});
  await page.locator('html[data-has-hydrated="true"]').waitFor();
  loads = 0;
  return {page, errors, quizLoads: () => loads, release};
}

describe('the quiz waits for the reader', () => {
  it.each([
    ['/docs/socket', /^퀴즈: /],
    ['/en/docs/socket', /^Quiz: /],
  ])('%s: nothing of the quiz loads at the top of the page; scrolling near it makes it live', async (path, region) => {
    const {page, errors, quizLoads} = await open(path);
    await page.waitForTimeout(1500);
    expect(quizLoads()).toBe(0);
    expect(await page.locator('[data-quiz-host][data-quiz-live]').count()).toBe(0);
    // the questions are on the page all the same (the server's HTML)
    expect(await page.getByRole('region', {name: region}).locator('fieldset').count()).toBeGreaterThanOrEqual(5);

    await page.getByRole('region', {name: region}).scrollIntoViewIfNeeded();

    await page.locator('[data-quiz-host][data-quiz-live]').waitFor({timeout: 15_000});
    expect(quizLoads()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a choice picked and Check pressed while the quiz was still loading is graded once it is live', async () => {
    const {page, errors, release} = await open('/docs/socket', true);
    const q = page.locator('[data-quiz-host] fieldset').filter({hasText: '디스크립터를 가장 잘 설명한'});

    await q.getByRole('radio', {name: '포트 번호의 다른 이름'}).check();
    await q.getByRole('button', {name: '확인'}).click();
    // still the server's HTML: nothing graded yet, and the press did not reload the page
    expect(await page.locator('[data-quiz-host][data-quiz-live]').count()).toBe(0);
    expect(await q.textContent()).not.toContain('오답');

    release();

    await expect.poll(() => q.textContent(), {timeout: 15_000}).toContain('오답');
    await expect.poll(() => q.getByRole('radio', {name: '포트 번호의 다른 이름'}).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an answer typed while the quiz was loading stays in its box, with the focus, once it is live', async () => {
    const {page, errors, release} = await open('/en/docs/connect', true);
    const q = page.locator('[data-quiz-host] fieldset').filter({has: page.getByRole('textbox')}).first();
    const box = q.getByRole('textbox');

    await box.fill('80');
    release();
    await page.locator('[data-quiz-host][data-quiz-live]').waitFor({timeout: 15_000});

    await expect.poll(() => box.inputValue()).toBe('80');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    // and typing goes on in the live box
    await page.keyboard.type('8');
    await expect.poll(() => box.inputValue()).toBe('808');
    expect(errors).toEqual([]);
    await page.close();
  });
});
