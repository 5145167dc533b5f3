/**
 * Issue #19 in Chromium on the built site: search that understands Korean (both locales, loaded on first use),
 * reading and running offline after one visit (the site's service worker), nothing lost while a page loads (Run
 * pressed before hydration or before the live part arrives), progress export → reset → import, a bad progress file
 * refused, and Back returning to where the reader was.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Page} from 'playwright-core';
import {baseUrl, openBrowser, wakeBlock, watchedPage, type Session} from './browser';

const CHAPTERS = ['intro', 'overview', 'socket', 'connect', 'read-write', 'close', 'http', 'review', 'glossary'];

let session: Session;
beforeAll(async () => {
  session = await openBrowser();
});
afterAll(async () => {
  await session?.close();
});

async function open(p: string, s: Session = session): Promise<Page> {
  const {page} = await watchedPage(s);
  const res = await page.goto(baseUrl() + p, {waitUntil: 'networkidle'});
  expect(res?.status()).toBe(200);
  return page;
}

/** the links of the results list, in order, as paths */
async function resultPaths(page: Page): Promise<string[]> {
  const links = page.locator('[data-search-result]');
  await links.first().waitFor({timeout: 15_000});
  return links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe('search', () => {
  it.each([
    ['/docs/intro', '검색', '디스크립터를', '/docs/socket', /디스크립터/],
    ['/en/docs/intro', 'Search', 'descriptor', '/en/docs/socket', /descriptor/i],
  ])('on %s the box "%s" finds the socket chapter first for %s, matched words marked', async (p, name, query, first, marked) => {
    const page = await open(p);
    const indexRequests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('search-index')) indexRequests.push(r.url());
    });
    await page.waitForTimeout(300);
    // nothing of the search is loaded before the reader reaches for it
    expect(indexRequests).toEqual([]);
    const box = page.getByRole('searchbox', {name, exact: true});
    await box.fill(query);
    const paths = await resultPaths(page);
    expect(paths[0]).toBe(first);
    // a page searches its own locale's pages
    expect(paths.every((x) => x.startsWith('/en/') === p.startsWith('/en/'))).toBe(true);
    const marks = await page.locator('[data-search-result]').first().locator('mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.join(' ')).toMatch(marked);
    expect(indexRequests).toHaveLength(1);
    await page.close();
  });

  it('a Korean word is found inside a longer one and in any inflected form (스크립터, 소켓을)', async () => {
    const page = await open('/docs/glossary');
    const box = page.getByRole('searchbox', {name: '검색', exact: true});
    await box.fill('스크립터');
    expect(await resultPaths(page)).toContain('/docs/socket');
    await box.fill('소켓을');
    await page.waitForFunction(() => document.querySelector('[data-search-result] mark')?.textContent?.includes('소켓'));
    expect((await resultPaths(page)).length).toBeGreaterThan(1);
    await page.close();
  });

  it('/ and Ctrl+K put the cursor in the box; Enter follows the first result', async () => {
    const page = await open('/docs/overview');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('검색');
    await page.locator('main').click({position: {x: 5, y: 5}});
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('검색');
    await page.keyboard.type('TIME-WAIT');
    const first = page.locator('[data-search-result]').first();
    await first.waitFor();
    const href = await first.getAttribute('href'); // the result is itself the link
    expect(href).toMatch(/\/docs\//);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === new URL(href!, page.url()).pathname);
    await page.close();
  });
});

describe('offline after one visit', () => {
  it('every chapter of both locales opens, a block runs and search answers with the network off', async () => {
    const s = await openBrowser({serviceWorkers: 'allow'});
    try {
      const {page, errors, externalRequests} = await watchedPage(s);
      expect((await page.goto(baseUrl() + '/docs/intro', {waitUntil: 'networkidle'}))?.status()).toBe(200);
      // the worker has precached the whole build once it is active and controls the page
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
          await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, {once: true}));
        }
      });
      await s.context.setOffline(true);
      for (const id of CHAPTERS) {
        for (const p of [`/docs/${id}`, `/en/docs/${id}`]) {
          const res = await page.goto(baseUrl() + p, {waitUntil: 'load'});
          expect(res?.ok(), p).toBe(true);
          await page.locator('h1').first().waitFor();
        }
      }
      await page.goto(baseUrl() + '/docs/socket', {waitUntil: 'load'});
      const block = await wakeBlock(page.locator('[data-live-code]').first(), '코드 편집기');
      await block.getByRole('button', {name: '실행', exact: true}).click();
      await block.getByRole('table', {name: /디스크립터 표/}).first().waitFor({timeout: 15_000});
      await page.getByRole('searchbox', {name: '검색', exact: true}).fill('디스크립터');
      expect((await resultPaths(page))[0]).toBe('/docs/socket');
      expect(errors).toEqual([]);
      expect(externalRequests).toEqual([]);
    } finally {
      await s.context.setOffline(false);
      await s.close();
    }
  });
});

describe('nothing lost while loading', () => {
  it('Run pressed before the page has hydrated is kept, and the block runs once it is live', async () => {
    const s = await openBrowser();
    try {
      // the app's scripts arrive 3 s late, as on a slow phone: the server's HTML is there to tap long before
      await s.context.route(/\/assets\/js\/.*\.js$/, async (route) => {
        await new Promise((r) => setTimeout(r, 3000));
        await route.continue();
      });
      const {page} = await watchedPage(s);
      await page.goto(baseUrl() + '/docs/socket', {waitUntil: 'domcontentloaded'});
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-has-hydrated'))).not.toBe('true');
      const block = page.locator('[data-live-code]').first();
      await block.getByRole('button', {name: '실행', exact: true}).click();
      // acted on once ready: the run's descriptor table appears without a second tap
      await block.getByRole('table', {name: /디스크립터 표/}).first().waitFor({timeout: 30_000});
    } finally {
      await s.close();
    }
  });

  it('a quiz answer chosen and checked before the page has hydrated is kept and checked once it is live', async () => {
    const s = await openBrowser();
    try {
      await s.context.route(/\/assets\/js\/.*\.js$/, async (route) => {
        await new Promise((r) => setTimeout(r, 3000));
        await route.continue();
      });
      const {page} = await watchedPage(s);
      await page.goto(baseUrl() + '/docs/socket', {waitUntil: 'domcontentloaded'});
      const question = page.locator('[data-quiz-host] fieldset').filter({has: page.getByRole('radio')}).first();
      await question.getByRole('radio').nth(1).check();
      await question.getByRole('button', {name: '확인', exact: true}).click();
      expect(await page.evaluate(() => document.documentElement.getAttribute('data-has-hydrated'))).not.toBe('true');
      // no reload (the form did not submit natively), and the answer is checked once the quiz is live
      await question.getByText(/^(정답|오답)/).first().waitFor({timeout: 30_000});
      expect(await question.getByRole('radio').nth(1).isChecked()).toBe(true);
      expect(new URL(page.url()).search).toBe('');
    } finally {
      await s.close();
    }
  });

  it('Run pressed while the live part is still loading says so, then runs', async () => {
    const s = await openBrowser();
    try {
      await s.context.route(/\/assets\/js\/livecode[^/]*\.js$/, async (route) => {
        await new Promise((r) => setTimeout(r, 2500));
        await route.continue();
      });
      const page = await open('/docs/connect', s);
      const block = page.locator('[data-live-code]').last();
      await block.scrollIntoViewIfNeeded();
      await block.getByRole('button', {name: '실행', exact: true}).click();
      await block.getByText('실행기를 불러오는 중이에요').waitFor({timeout: 2000});
      await block.getByRole('table', {name: /디스크립터 표/}).first().waitFor({timeout: 30_000});
    } finally {
      await s.close();
    }
  });

  it('a live part that failed to load offers a retry that works', async () => {
    const s = await openBrowser();
    try {
      let fail = true;
      await s.context.route(/\/assets\/js\/livecode[^/]*\.js$/, (route) => (fail ? route.abort() : route.continue()));
      const page = await open('/docs/socket', s);
      const block = page.locator('[data-live-code]').first();
      await block.getByRole('button', {name: '실행', exact: true}).click();
      const retry = block.getByRole('button', {name: '다시 불러오기', exact: true});
      await retry.waitFor({timeout: 15_000});
      fail = false;
      await retry.click();
      await block.getByRole('textbox', {name: '코드 편집기'}).waitFor({timeout: 15_000});
    } finally {
      await s.close();
    }
  });
});

describe('progress export and import', () => {
  it('export → reset → import gives back every answer and edit', async () => {
    const s = await openBrowser();
    try {
      const page = await open('/docs/socket', s);
      // an edited block and a checked quiz answer
      const block = await wakeBlock(page.locator('[data-live-code]').first(), '코드 편집기');
      await block.getByRole('textbox', {name: '코드 편집기'}).fill('const fd = socket();\nconsole.log("mine", fd);');
      const question = page
        .getByRole('region', {name: /^퀴즈/})
        .locator('fieldset')
        .filter({has: page.getByRole('radio')})
        .first();
      await question.scrollIntoViewIfNeeded();
      // the quiz may still be hydrating: a click before then is kept by the early-input script, not checked
      const radio = question.getByRole('radio').first();
      await expect.poll(async () => {
        await radio.check({timeout: 2000}).catch(() => {});
        return radio.isChecked();
      }, {timeout: 20_000}).toBe(true);
      await question.getByRole('button', {name: '확인', exact: true}).click();
      await question.getByText(/정답|오답/).first().waitFor();
      const saved = () =>
        page.evaluate(() => Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('socketlab:')).sort().map((k) => [k, localStorage.getItem(k)])));
      const before = await saved();
      expect(Object.keys(before).some((k) => k.startsWith('socketlab:v1:code:'))).toBe(true);
      expect(before['socketlab:quiz:v1']).toBeTruthy();

      await page.goto(baseUrl() + '/docs/review', {waitUntil: 'networkidle'});
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', {name: '진도 내보내기', exact: true}).click(),
      ]);
      const file = path.join(os.tmpdir(), `sl-progress-${process.pid}.json`);
      await download.saveAs(file);
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({format: 'socket-lab-progress', version: 1});

      await page.evaluate(() => localStorage.clear());
      await page.reload({waitUntil: 'networkidle'});
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.getByRole('button', {name: '진도 가져오기', exact: true}).click(),
      ]);
      await chooser.setFiles(file);
      await page.getByText(/가져왔어요\. 퀴즈 답: 새로 1개/).waitFor();
      expect(await saved()).toEqual(before);

      // the chapter shows them again
      await page.goto(baseUrl() + '/docs/socket', {waitUntil: 'networkidle'});
      const again = await wakeBlock(page.locator('[data-live-code]').first(), '코드 편집기');
      expect(await again.getByRole('textbox', {name: '코드 편집기'}).inputValue()).toContain('"mine"');
    } finally {
      await s.close();
    }
  });

  it('a file that is not a progress file is refused in the reader’s language and changes nothing', async () => {
    const page = await open('/en/docs/review');
    await page.evaluate(() => localStorage.setItem('socketlab:quiz:v1', JSON.stringify({version: 1, answers: {}})));
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    const file = path.join(os.tmpdir(), `sl-not-progress-${process.pid}.json`);
    writeFileSync(file, '{"name": "something else"}');
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', {name: 'Import progress', exact: true}).click(),
    ]);
    await chooser.setFiles(file);
    await page.getByText(/not a Socket Lab progress file.*Nothing was changed/).waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
    await page.close();
  });
});

describe('Back', () => {
  it('after following a glossary link, Back returns to where the reader was', async () => {
    const page = await open('/docs/socket');
    const link = page.locator('article a[href*="/docs/glossary#"]').last();
    await link.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 40);
    await page.waitForTimeout(200);
    const y = await page.evaluate(() => window.scrollY);
    expect(y).toBeGreaterThan(300);
    await link.click();
    await page.waitForURL(/\/docs\/glossary#/);
    await page.goBack();
    await page.waitForURL(/\/docs\/socket$/);
    await page.waitForTimeout(300);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThan(40);
    await page.close();
  });
});
