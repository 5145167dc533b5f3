/**
 * Issue #4 (speed), as behaviour — speed itself is a benchmark (scripts/bench-browser.mts), never asserted here.
 * What keeps a chapter page cheap on a phone: hydration adopts the server's HTML of code blocks, runnable blocks
 * and the quiz instead of rebuilding it; nothing of the editor, runner or simulator loads with the page; a block's
 * live part arrives once the block is on screen (not before); and the code colours still follow dark mode, which
 * the stock CodeBlock got by rebuilding every block after hydration.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Page} from 'playwright-core';
import {themes, type PrismTheme} from 'prism-react-renderer';
import {accessibleTheme} from '../src/theme/prismContrast';
import {BOOK, baseUrl, openBrowser, wakeBlock, watchedPage, type Session} from './browser';

/** A phone-sized page on which every element the server sent is marked before any script runs. */
async function openMarked(session: Session, path: string) {
  const watched = await watchedPage(session);
  await watched.page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      // 'interactive': the HTML is parsed, deferred scripts (and so React) have not run yet
      if (document.readyState === 'interactive') for (const el of document.querySelectorAll('*')) el.setAttribute('data-from-server', '');
    });
  });
  const response = await watched.page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
  expect(response?.status()).toBe(200);
  await watched.page.locator('html[data-has-hydrated="true"]').waitFor();
  return watched;
}

/** Elements under `selector` that the browser built after load, leaving out what is client-only by design. */
function rebuilt(page: Page, selector: string): Promise<{roots: number; rebuiltRoots: number; rebuilt: number; all: number}> {
  return page.evaluate(`(() => {
    const roots = [...document.querySelectorAll(${JSON.stringify(selector)})];
    // the copy and word-wrap buttons of code blocks are not server-rendered on purpose (Docusaurus BrowserOnly)
    const clientOnly = (el) => Boolean(el.closest('[class*="buttonGroup"]'));
    let all = 0, rebuilt = 0;
    for (const root of roots)
      for (const el of [root, ...root.querySelectorAll('*')]) {
        if (clientOnly(el)) continue;
        all++;
        if (!el.hasAttribute('data-from-server')) rebuilt++;
      }
    return {roots: roots.length, rebuiltRoots: roots.filter((r) => !r.hasAttribute('data-from-server')).length, rebuilt, all};
  })()`);
}

/** Follows the page's "next chapter" link as a reader taps it, and waits until the next chapter is on screen. */
async function followNextPage(page: Page): Promise<void> {
  const next = page.locator('a.pagination-nav__link--next');
  const target = await next.getAttribute('href');
  expect(target).toBeTruthy();
  await next.click();
  await page.waitForURL((url) => url.pathname === target);
  await page.locator('article h1').filter({hasNotText: ''}).first().waitFor();
}

/**
 * A build with every start-up patch off (SOCKETLAB_STOCK=1, src/patches) starts the page the stock way: what these
 * two groups check is how the patches start it, so they are skipped there (what a reader sees is checked in both).
 */
const STOCK = process.env.SOCKETLAB_STOCK === '1';

describe.skipIf(STOCK)('a chapter page on a phone', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({width: 412, height: 823, isMobile: true});
  });
  afterAll(async () => {
    await session?.close();
  });

  it.each(['/docs/connect', '/en/docs/socket'])('%s keeps the server HTML of its code blocks, runnable blocks and quiz', async (path) => {
    const {page, errors} = await openMarked(session, path);

    for (const selector of ['article .theme-code-block', '[data-live-code]', '[data-quiz-host]']) {
      const r = await rebuilt(page, selector);
      expect(r.roots, selector).toBeGreaterThan(0);
      expect({selector, rebuiltRoots: r.rebuiltRoots, rebuilt: r.rebuilt}).toEqual({selector, rebuiltRoots: 0, rebuilt: 0});
    }
    // and it is hydrated: the quiz answers
    const q = page.locator('[data-quiz-host] fieldset').first();
    await q.getByRole('button', {name: /^(확인|Check)$/}).click();
    await expect.poll(() => q.textContent()).toMatch(/답을 고르거나|Pick or type/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('hydrates even when the quiz chunk cannot load: the page works and the questions stay on it', async () => {
    const {page} = await watchedPage(session);
    // the quiz UI's chunk (the one carrying the quiz's region label) fails, as it would offline
    await page.route(/\/assets\/js\/.*\.js$/, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      if (body.includes('quiz.region.label') && !body.includes('data-quiz-host')) await route.abort();
      else await route.fulfill({response, body});
    });
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();

    expect(await page.getByRole('region', {name: /^퀴즈: /}).locator('fieldset').count()).toBeGreaterThanOrEqual(5);
    // the runnable block above it still comes alive
    const block = page.locator('[data-live-code]').first();
    await wakeBlock(block, '코드 편집기');
    await page.close();
  });

  it('a code block checks whether it needs its word-wrap button only near the screen, and the button works (src/patches/wordWrapNearScreen)', async () => {
    const {page, errors} = await watchedPage(session);
    // every read of a <pre>'s scroll width (the stock check), kept with the element read
    await page.addInitScript(() => {
      const stock = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollWidth')!;
      const reads: Element[] = ((window as unknown as {__preWidthReads: Element[]}).__preWidthReads = []);
      Object.defineProperty(Element.prototype, 'scrollWidth', {
        configurable: true,
        get(this: Element) {
          if (this.tagName === 'PRE') reads.push(this);
          return stock.get!.call(this);
        },
      });
    });
    await page.goto(`${baseUrl()}/docs/http`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.waitForTimeout(500);
    // the chapter's ordinary code blocks (not the quiz's or a runnable block's), by how many screens down they start
    const blocks = await page.evaluate(() => {
      const reads = (window as unknown as {__preWidthReads: Element[]}).__preWidthReads;
      return [...document.querySelectorAll('.theme-doc-markdown pre')]
        .filter((pre) => !pre.closest('[data-quiz-host], [data-live-code], details'))
        .map((pre) => ({screens: pre.getBoundingClientRect().top / innerHeight, read: reads.includes(pre)}));
    });
    const far = blocks.filter((b) => b.screens > 2);
    expect(far.length).toBeGreaterThan(0);
    expect(far.filter((b) => b.read)).toEqual([]); // hydration left them alone
    // scrolled to, a block whose lines overflow the phone's width gets its button, which wraps the lines
    const block = page.locator('.theme-doc-markdown > .theme-code-block').last();
    await block.scrollIntoViewIfNeeded();
    const toggle = block.getByRole('button', {name: '줄 바꿈 전환'});
    await toggle.waitFor();
    expect(await block.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true);
    await toggle.click();
    await expect.poll(() => block.locator('code').evaluate((code) => getComputedStyle(code).whiteSpace)).toBe('pre-wrap');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays out a quiz card only when it comes near the screen, and keeps every card in the accessibility tree', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/docs/http`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    const cards = page.getByRole('region', {name: /^퀴즈: /}).getByRole('group');
    expect(await cards.count()).toBeGreaterThanOrEqual(10);
    const last = cards.filter({has: page.getByRole('radio')}).last();
    const rendered = () => last.evaluate((el) => el.checkVisibility({contentVisibilityAuto: true}));
    expect(await rendered()).toBe(false); // skipped: far below the first screen
    await last.scrollIntoViewIfNeeded();
    await expect.poll(rendered).toBe(true);
    await last.getByRole('button', {name: '확인'}).click();
    await expect.poll(() => last.textContent()).toMatch(/답을 고르거나/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('marks the app\'s entry script, and only it, for eager compilation (src/patches/compileHints)', async () => {
    const html = await (await fetch(`${baseUrl()}/docs/socket`)).text();
    const scripts = [...html.matchAll(/href="?([^" >]*\/assets\/js\/[^" >]+\.js)/g)].map((m) => m[1]);
    const firstLine = async (src: string) => (await (await fetch(new URL(src, baseUrl()))).text()).split('\n', 1)[0];
    const main = scripts.find((s) => /\/main\.[0-9a-f]+\.js$/.test(s));
    expect(main).toBeDefined();
    expect(await firstLine(main!)).toBe('//# allFunctionsCalledOnLoad');
    // a chunk loaded on demand, the runnable block's live part, is compiled lazily as usual
    const {page} = await watchedPage(session);
    const lazyScripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script' && /livecode/.test(r.url())) lazyScripts.push(r.url());
    });
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'networkidle'});
    const block = page.locator('[data-live-code]').first();
    await wakeBlock(block, '코드 편집기');
    expect(lazyScripts.length).toBeGreaterThan(0);
    for (const src of lazyScripts) expect(await firstLine(src)).not.toMatch(/allFunctionsCalledOnLoad/);
    await page.close();
  });

  it.each(['/docs/connect', '/en/docs/http'])(
    '%s loads, hydrates and follows a link without building ICU\'s collator (src/patches/ordinalKeySort)',
    async (path) => {
      const {page, errors} = await watchedPage(session);
      // count every way a page builds the collator: the first localeCompare, or Intl.Collator itself
      await page.addInitScript(`(() => {
        const seen = (window.__collator = {localeCompare: 0, Collator: 0});
        const localeCompare = String.prototype.localeCompare;
        String.prototype.localeCompare = function (...args) { seen.localeCompare++; return localeCompare.apply(this, args); };
        const Collator = Intl.Collator;
        Intl.Collator = new Proxy(Collator, {
          construct(target, args) { seen.Collator++; return new target(...args); },
          apply(target, self, args) { seen.Collator++; return target.apply(self, args); },
        });
      })()`);
      await page.goto(baseUrl() + path, {waitUntil: 'networkidle'});
      await page.locator('html[data-has-hydrated="true"]').waitFor();
      await followNextPage(page);
      await page.waitForTimeout(500); // the idle work after a navigation (blocks waking)
      expect(await page.evaluate(() => (window as unknown as {__collator: object}).__collator)).toEqual({localeCompare: 0, Collator: 0});
      expect(errors).toEqual([]);
      await page.close();
    },
  );

  it('prefetches each chunk the visible links need once, none the page has, and a link still opens its page (src/patches/prefetchOnce)', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.waitForTimeout(1000); // the links' intersection callbacks, which prefetch
    const {prefetched, loaded} = await page.evaluate(() => ({
      prefetched: [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].map((l) => l.href),
      loaded: performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script').map((e) => e.name),
    }));
    expect(prefetched.length).toBeGreaterThan(0); // the pages the links lead to are still prefetched
    expect(new Set(prefetched).size).toBe(prefetched.length);
    expect(prefetched.filter((href) => loaded.includes(href))).toEqual([]);
    // following a link still works (its chunks come from the prefetch, or load as usual)
    await followNextPage(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('loads nothing of the editor, runner or simulator, and starts no worker, until a block is on screen', async () => {
    const {page} = await watchedPage(session);
    const scripts: string[] = [];
    let workers = 0;
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    page.on('worker', () => workers++);
    await page.goto(`${baseUrl()}/docs/read-write`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.waitForTimeout(1500); // idle time, in which an on-screen block would have woken

    const blocks = page.locator('[data-live-code]');
    expect(await blocks.count()).toBeGreaterThan(1);
    expect(await blocks.getByRole('textbox').count()).toBe(0);
    expect(scripts.filter((u) => /livecode|runner/.test(u))).toEqual([]);
    expect(workers).toBe(0);

    // on screen: the live part arrives (its chunk loads), and only this block's
    await wakeBlock(blocks.first(), '코드 편집기');
    expect(scripts.some((u) => /livecode/.test(u))).toBe(true);
    expect(await blocks.last().getByRole('textbox').count()).toBe(0);
    expect(workers).toBe(0); // the worker starts when the reader reaches for the block
    await page.close();
  });
});

describe.skipIf(STOCK)('first paint and highlighting', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({width: 412, height: 823, isMobile: true});
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the server HTML is painted before the app\'s scripts are started (src/patches/ssrTemplate)', async () => {
    const {page, errors} = await watchedPage(session);
    await page.addInitScript(() => {
      const w = window as unknown as {__scriptStart?: number};
      new MutationObserver((records, observer) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n instanceof HTMLScriptElement && /\/main\.[0-9a-f]+\.js$/.test(n.src)) {
              w.__scriptStart = performance.now();
              observer.disconnect();
            }
      }).observe(document, {childList: true, subtree: true});
    });
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    const {fcp, scriptStart} = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      scriptStart: (window as unknown as {__scriptStart?: number}).__scriptStart,
    }));
    expect(fcp).toBeTypeOf('number');
    expect(scriptStart).toBeTypeOf('number');
    expect(scriptStart!).toBeGreaterThanOrEqual(fcp!);
    // the HTML as served fetches main.js early (a preload) but has no <script> tag that would run it before painting
    const html = await (await page.request.get(`${baseUrl()}/docs/socket`)).text();
    expect(html).toMatch(/<link rel="?preload"? as="?script"?[^>]*href="?[^" >]*\/main\.[0-9a-f]+\.js/);
    expect(html).not.toMatch(/<script[^>]*src="?[^" >]*\/main\.[0-9a-f]+\.js/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a client-side navigation the new page\'s code is highlighted (the highlighter loads on demand)', async () => {
    const {page, errors} = await watchedPage(session);
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(`${baseUrl()}/docs/intro`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    const before = scripts.length;
    // follow a link inside the page, as a reader would: React Router renders the chapter in the browser
    await page.evaluate(() => {
      const link = [...document.querySelectorAll<HTMLAnchorElement>('article a[href]')].find((a) => /\/docs\/socket$/.test(a.pathname));
      if (!link) throw new Error('no link to /docs/socket in the introduction');
      link.click();
    });
    await page.waitForURL(/\/docs\/socket(#.*)?$/);
    expect(scripts.length).toBeGreaterThan(before); // a client-side navigation, not a page load
    const keyword = page.locator('article .theme-code-block .token.keyword').first();
    await keyword.waitFor({timeout: 30_000});
    // both colour modes travel with the token (src/prism/tokens.ts)
    expect(await keyword.getAttribute('style')).toMatch(/--l:.*--d:/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The colour a Prism theme gives a token type (later entries win, as in prism-react-renderer). */
function tokenColour(theme: PrismTheme, type: string): string {
  const entry = [...theme.styles].reverse().find((s) => s.types.includes(type) && !s.languages && s.style.color);
  return entry?.style.color ?? theme.plain.color!;
}

describe('dark mode', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({colorScheme: 'dark'});
  });
  afterAll(async () => {
    await session?.close();
  });

  it('code blocks, runnable blocks and quiz programs take the dark theme colours after hydration', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    // the site's dark theme (docusaurus.config.ts) and its keyword colour, as the browser writes colours
    const expected = await page.evaluate((c) => {
      const probe = document.createElement('span');
      probe.style.color = c;
      document.body.append(probe);
      const computed = getComputedStyle(probe).color;
      probe.remove();
      return computed;
    }, tokenColour(accessibleTheme(themes.dracula), 'keyword'));
    const light = tokenColour(accessibleTheme(themes.github), 'keyword');
    expect(expected).not.toBe(light);

    const colour = (selector: string) => page.locator(`${selector} .token.keyword`).first().evaluate((el) => getComputedStyle(el).color);
    for (const selector of ['article .theme-code-block', '[data-live-code]']) {
      await expect.poll(() => colour(selector), {message: selector}).toBe(expected);
    }
    // a quiz's programs: the patched build's server HTML carries both modes' colours, so even the plain quiz far below
    // is right; in either build the quiz, once the reader comes near it and it is live, draws them in the dark theme
    const quizCode = '[data-quiz-host] .theme-code-block';
    if (!STOCK) await expect.poll(() => colour(quizCode), {message: `${quizCode} (server HTML)`}).toBe(expected);
    await page.locator(quizCode).first().scrollIntoViewIfNeeded();
    await page.locator('[data-quiz-host][data-quiz-live]').first().waitFor({timeout: 15_000});
    await expect.poll(() => colour(quizCode), {message: `${quizCode} (live)`}).toBe(expected);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the offline worker', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({width: 412, height: 823, isMobile: true, serviceWorkers: 'allow'});
  });
  afterAll(async () => {
    await session?.close();
  });

  it('registers only once the page has hydrated and settled, so its precaching does not compete with the start (src/offline/register.ts)', async () => {
    const {page, errors} = await watchedPage(session);
    await page.goto(`${baseUrl()}/docs/socket`, {waitUntil: 'load'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    const registered = () => page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()));
    expect(await registered()).toBe(false);
    await expect.poll(registered, {timeout: 15_000, interval: 500}).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * src/css/custom.css: a chapter's blocks from its second section on are skipped (content-visibility: auto) until
 * they come near the screen. A block drawn on the first screen at its stand-in size, then for real, moves what lies
 * below it: the test loads every chapter at the narrowest and the tallest screen and lets no shift touch the text.
 */
describe('chapter blocks below the first screen', () => {
  const PAGES = [...BOOK.map((id) => `/docs/${id}`), '/en/docs/glossary', '/en/docs/http'];

  /**
   * Layout shifts from navigation to two seconds after hydration whose moved nodes lie in the chapter's text, page
   * after page in one tab. The first page is loaded once unmeasured: on a loaded machine the Hangul web font can
   * still be decoding at a cold tab's first paint, and its swap then widens table columns (a horizontal shift of
   * table text, before hydration). That is the font, not a skipped block; from the second load on the tab has the
   * font decoded, so what this measures is the blocks' stand-ins.
   */
  async function textShifts(page: Page, path: string): Promise<string[]> {
    await page.goto(baseUrl() + path, {waitUntil: 'load'});
    await page.locator('html[data-has-hydrated="true"]').waitFor();
    await page.waitForTimeout(2000);
    return page.evaluate(() => (window as unknown as {textShifts: string[]}).textShifts);
  }

  it.each([
    [360, 740],
    [1920, 1080],
  ])('no chapter text moves while a page loads at %i×%i px', async (width, height) => {
    const screen = await openBrowser({width, height, isMobile: width < 500});
    try {
      const {page, errors} = await watchedPage(screen);
      await page.addInitScript(() => {
        const shifts: string[] = [];
        (window as unknown as {textShifts: string[]}).textShifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as unknown as {value: number; sources: {node?: Node}[]}[]) {
            for (const s of entry.sources) {
              const el = s.node instanceof Element ? s.node : s.node?.parentElement;
              if (el?.closest('.theme-doc-markdown')) shifts.push(`${el.tagName} ${el.textContent?.slice(0, 30)}: ${entry.value.toFixed(4)}`);
            }
          }
        }).observe({type: 'layout-shift', buffered: true});
      });
      await textShifts(page, PAGES[0]); // the tab's first load: the font arrives (see above)
      for (const path of PAGES) expect(await textShifts(page, path), path).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await screen.close();
    }
  });

  it('skips a later section\'s runnable block until it nears the screen; the opening is drawn at once', async () => {
    const phone = await openBrowser({width: 412, height: 823, isMobile: true});
    try {
      const {page, errors} = await watchedPage(phone);
      await page.goto(`${baseUrl()}/docs/read-write`, {waitUntil: 'networkidle'});
      // a skipped block's own box stays (its stand-in); what is skipped is its content, so ask its first child
      const drawn = (selector: string) =>
        page.locator(selector).evaluate((el) => el.firstElementChild!.checkVisibility({contentVisibilityAuto: true}));
      expect(await drawn('.theme-doc-markdown > .theme-admonition >> nth=0')).toBe(true);
      const lastBlock = '.theme-doc-markdown > [data-live-code] >> nth=-1';
      expect(await drawn(lastBlock)).toBe(false);
      await page.locator(lastBlock).scrollIntoViewIfNeeded();
      await expect.poll(() => drawn(lastBlock)).toBe(true);
      expect(errors).toEqual([]);
      await page.close();
    } finally {
      await phone.close();
    }
  });
});
