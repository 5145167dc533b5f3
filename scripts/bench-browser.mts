/**
 * Browser benchmarks on the built site (`npm run build` first). Figures are printed, never asserted:
 *  1. JavaScript a chapter page loads (gzip) before any interaction, compared with a blank Docusaurus site's docs page
 *     (scripts/bench/blank-site, built into build-blank: Docusaurus as it comes, same version) — goal: no more — and
 *     with our own plain docs page (goal: at most +40 KB);
 *  2. Lighthouse mobile performance of every chapter page (both locales), our plain page and the blank site's docs
 *     page, side by side: the rounds are interleaved (every page once a round, the order turning each round), so the
 *     machine's load falls on all alike — goal: a chapter's median at or above the blank page's median of the same run. Single runs
 *     on a shared machine scatter by ten points or more, so each page is run several times (--lighthouse-runs N,
 *     default 3) and the median is the figure, with the range beside it;
 *  3. time from clicking Run to the inspectors and the timeline being drawn, median over the chapter examples — goal:
 *     at most 50 ms; and one step of the timeline (Back, from the run's end) redrawn — goal: within a frame, 16 ms;
 *  4. the same for a 1 MB transfer typed into a block (scripts/bench/transfer1mb.ts) — goal: drawn within 300 ms,
 *     a step within 16 ms.
 *  5. a 1 MB transfer: Run → sequence diagram drawn, with the diagram tab open (scripts/bench-diagram.mts) — goal: 300 ms.
 *  6. search on first use (both locales): what the page fetches when the box is first used (gzip; before that a page
 *     loads nothing for search, so figure 1 is the JavaScript a chapter page loads before any search) and the time
 *     from typing the query to the first result on screen.
 *  7. a chapter diagram painted for the first time: main-thread style, layout and paint, median over the diagrams
 *     (scripts/bench-diagram-paint.mts) — goal: under 50 ms, no long task while the reader scrolls to it.
 * Lighthouse also reports each page's accessibility score (goal: 100).
 * Usage: npx tsx scripts/bench-browser.mts [--dir build] [--blank build-blank] [--skip-lighthouse] [--lighthouse-runs N]
 *   [--lighthouse-only] [--lighthouse-page /docs/socket]… (only those pages, beside the blank one)
 */
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {chromium, type BrowserContext} from 'playwright-core';
import {startStaticServer} from '../e2e/static-server.ts';
import {CHROMIUM_ARGS} from '../e2e/chromium.ts';
import {megabyteRunToDiagram} from './bench-diagram.mts';
import {diagramFirstPaint} from './bench-diagram-paint.mts';
import {TRANSFER_1MB} from './bench/transfer1mb.ts';

const argv = process.argv.slice(2);
const dirArg = argv.indexOf('--dir');
const dir = path.resolve(dirArg >= 0 ? argv[dirArg + 1] : 'build');
const blankArg = argv.indexOf('--blank');
/** the blank Docusaurus site (npm run bench:browser builds it when missing) and its docs page */
const blankDir = path.resolve(blankArg >= 0 ? argv[blankArg + 1] : 'build-blank');
const BLANK_PAGE = '/docs/page';
const onlyPages = argv.flatMap((a, i) => (argv[i - 1] === '--lighthouse-page' ? [a] : []));
const CHAPTERS = ['/docs/overview', '/docs/socket', '/docs/connect', '/docs/read-write', '/docs/close', '/docs/http'];
const PLAIN = '/docs/glossary';
const runsArg = argv.indexOf('--lighthouse-runs');
const LIGHTHOUSE_RUNS = runsArg >= 0 ? Math.max(1, Number(argv[runsArg + 1]) || 1) : 3;

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

async function withContext<T>(fn: (ctx: BrowserContext) => Promise<T>): Promise<T> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sl-bench-'));
  const ctx = await chromium.launchPersistentContext(profile, {executablePath: CHROMIUM, args: CHROMIUM_ARGS});
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
    rmSync(profile, {recursive: true, force: true, maxRetries: 5});
  }
}

/** gzip bytes of every script the page loads before any interaction (no scrolling). */
async function scriptWeight(ctx: BrowserContext, url: string): Promise<number> {
  const page = await ctx.newPage();
  const bodies: Promise<number>[] = [];
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') bodies.push(res.body().then((b) => gzipSync(b, {level: 9}).length, () => 0));
  });
  await page.goto(url, {waitUntil: 'networkidle'});
  await page.waitForTimeout(500);
  const total = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await page.close();
  return total;
}

/**
 * In the page: ms from clicking the button named `name` in block `i` until `ready` holds, plus the frame that paints it.
 * Plain source text, so the bundler's helpers (e.g. __name) never end up inside the page.
 */
function clickUntil(i: number, name: string, ready: string): string {
  return `(async () => {
    const root = document.querySelectorAll('[data-live-code]')[${i}];
    const button = [...root.querySelectorAll('button')].find((b) => new RegExp(${JSON.stringify(name)}).test((b.textContent || '').trim()));
    if (!button || button.disabled) return NaN;
    const before = root.querySelector('[data-moment]')?.textContent ?? null;
    const ready = () => { ${ready} };
    const t0 = performance.now();
    const done = new Promise((resolve) => {
      const obs = new MutationObserver(() => {
        if (ready()) {
          obs.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - t0));
        }
      });
      obs.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
      setTimeout(() => resolve(NaN), 15000);
    });
    button.click();
    return done;
  })()`;
}

/** Everything drawn after Run: the descriptor table (the open inspector tab) and the timeline slider. */
const DRAWN = `return [...root.querySelectorAll('caption')].some((c) => /디스크립터|Descriptor/.test(c.textContent || '')) &&
  root.querySelector('input[type=range]') !== null && root.querySelector('[data-status]')?.getAttribute('data-status') !== 'running';`;
/** One step redrawn: the caption says another moment. */
const STEPPED = `const now = root.querySelector('[data-moment]')?.textContent ?? null; return now !== null && now !== before;`;

/** Run → drawn and one step (Back from the end), in ms, for every runnable block of the page. */
async function runAndStep(ctx: BrowserContext, url: string): Promise<{run: number[]; step: number[]}> {
  const page = await ctx.newPage();
  await page.goto(url, {waitUntil: 'networkidle'});
  const count = await page.locator('[data-live-code]').count();
  const out = {run: [] as number[], step: [] as number[]};
  for (let i = 0; i < count; i++) {
    const block = page.locator('[data-live-code]').nth(i);
    await block.scrollIntoViewIfNeeded();
    // Let the live part load, as it does for a reader who scrolls to the block and reads it first.
    await block.getByRole('textbox').first().waitFor({timeout: 10_000}).catch(() => undefined);
    await page.waitForLoadState('networkidle');
    const run = (await page.evaluate(clickUntil(i, '^(실행|Run)$', DRAWN))) as number;
    if (!Number.isNaN(run)) out.run.push(run);
    for (let k = 0; k < 3; k++) {
      const step = (await page.evaluate(clickUntil(i, '^(이전|Back)$', STEPPED))) as number;
      if (!Number.isNaN(step)) out.step.push(step);
    }
  }
  await page.close();
  return out;
}

/** The 1 MB transfer typed into the first block of a chapter: Run → drawn (several runs), then steps. */
async function transfer1mb(ctx: BrowserContext, url: string): Promise<{run: number[]; step: number[]; events: string}> {
  const page = await ctx.newPage();
  await page.goto(url, {waitUntil: 'networkidle'});
  const block = page.locator('[data-live-code]').first();
  await block.scrollIntoViewIfNeeded();
  const editor = block.getByRole('textbox').first();
  await editor.waitFor({timeout: 10_000});
  await editor.fill(TRANSFER_1MB);
  const out = {run: [] as number[], step: [] as number[], events: ''};
  for (let k = 0; k < 5; k++) {
    const run = (await page.evaluate(clickUntil(0, '^(실행|Run)$', DRAWN))) as number;
    if (!Number.isNaN(run)) out.run.push(run);
  }
  for (let k = 0; k < 15; k++) {
    const step = (await page.evaluate(clickUntil(0, '^(이전|Back)$', STEPPED))) as number;
    if (!Number.isNaN(step)) out.step.push(step);
  }
  out.events = (await block.locator('input[type=range]').getAttribute('max')) ?? '?';
  await page.close();
  return out;
}

/** What the first use of the search box fetches (gzip bytes) and how long until the first result is on screen. */
async function searchFirstUse(ctx: BrowserContext, url: string, label: string, query: string): Promise<{bytes: number; ms: number}> {
  const page = await ctx.newPage();
  await page.goto(url, {waitUntil: 'networkidle'});
  await page.waitForTimeout(500);
  const bodies: Promise<number>[] = [];
  page.on('response', (res) => {
    if (!res.url().startsWith('data:')) bodies.push(res.body().then((b) => gzipSync(b, {level: 9}).length, () => 0));
  });
  const box = page.getByRole('searchbox', {name: label, exact: true});
  const t0 = Date.now();
  await box.fill(query);
  await page.locator('[data-search-result]').first().waitFor({timeout: 15_000});
  const ms = Date.now() - t0;
  await page.waitForLoadState('networkidle');
  const bytes = (await Promise.all(bodies)).reduce((a, b) => a + b, 0);
  await page.close();
  return {bytes, ms};
}

interface LighthouseRun {
  score: number;
  accessibility: number | null;
  metrics: string;
}

async function lighthouseRun(url: string): Promise<LighthouseRun | null> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sl-lh-'));
  const port = 9300 + Math.floor(Math.random() * 500);
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: 'ignore',
  });
  try {
    await new Promise((r) => setTimeout(r, 1500));
    const {default: lighthouse} = await import('lighthouse');
    const result = await lighthouse(url, {port, output: 'json', onlyCategories: ['performance', 'accessibility'], logLevel: 'error'});
    const lhr = result?.lhr;
    const score = lhr?.categories.performance.score;
    if (!lhr || score == null) return null;
    const m = (id: string) => lhr.audits[id]?.displayValue ?? 'n/a';
    const a11y = lhr.categories.accessibility?.score;
    return {
      score: Math.round(score * 100),
      accessibility: a11y == null ? null : Math.round(a11y * 100),
      metrics: `FCP ${m('first-contentful-paint')}, LCP ${m('largest-contentful-paint')}, TBT ${m('total-blocking-time')}, CLS ${m('cumulative-layout-shift')}`,
    };
  } finally {
    proc.kill();
    // Chromium (or a helper process of it) may still be writing its profile for a moment after the signal:
    // try a few times, and if the folder still will not go, leave it in the temp dir rather than lose the figures.
    if (proc.exitCode === null) await new Promise((r) => proc.once('exit', r));
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        rmSync(profile, {recursive: true, force: true, maxRetries: 3});
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }
}

const server = await startStaticServer(dir);
const blankServer = await startStaticServer(blankDir);
try {
  if (!argv.includes('--lighthouse-only')) await withContext(async (ctx) => {
    const blank = await scriptWeight(ctx, blankServer.url + BLANK_PAGE);
    const plain = await scriptWeight(ctx, server.url + PLAIN);
    const kb = (n: number) => `${n >= 0 ? '+' : ''}${(n / 1024).toFixed(1)} KB`;
    console.log(`JavaScript (gzip) before any interaction: blank Docusaurus docs page ${(blank / 1024).toFixed(1)} KB; our plain docs page ${PLAIN} ${(plain / 1024).toFixed(1)} KB`);
    for (const chapter of [...CHAPTERS, ...CHAPTERS.map((p) => `/en${p}`)]) {
      const w = await scriptWeight(ctx, server.url + chapter);
      console.log(`  ${chapter}: ${(w / 1024).toFixed(1)} KB: ${kb(w - blank)} vs blank (goal: ≤ +0), ${kb(w - plain)} vs plain (goal: ≤ +40)`);
    }
    // the playground loads its live part (editor, inspectors, codec) as soon as it is up: counted here too
    for (const p of ['/playground', '/en/playground']) {
      const w = await scriptWeight(ctx, server.url + p);
      console.log(`  ${p} (its live part included): ${(w / 1024).toFixed(1)} KB, ${((w - plain) / 1024).toFixed(1)} KB more (goal: at most 40 KB more)`);
    }
    const runs: number[] = [];
    const steps: number[] = [];
    for (const chapter of CHAPTERS) {
      const r = await runAndStep(ctx, server.url + chapter);
      runs.push(...r.run);
      steps.push(...r.step);
    }
    const range = (xs: number[]) => `min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
    console.log(`Run → inspectors and timeline drawn: median ${median(runs).toFixed(1)} ms over ${runs.length} examples (${range(runs)}; goal: at most 50 ms)`);
    console.log(`One timeline step redrawn: median ${median(steps).toFixed(1)} ms over ${steps.length} steps (${range(steps)}; goal: at most 16 ms)`);
    const big = await transfer1mb(ctx, server.url + '/docs/read-write');
    console.log(`1 MB transfer (${big.events} moments): Run → drawn median ${median(big.run).toFixed(1)} ms over ${big.run.length} runs (${range(big.run)}; goal: at most 300 ms)`);
    console.log(`  one step redrawn: median ${median(big.step).toFixed(1)} ms over ${big.step.length} steps (${range(big.step)}; goal: at most 16 ms)`);
    const mb = await megabyteRunToDiagram(ctx, server.url + '/docs/socket');
    console.log(`1 MB transfer, Run → sequence diagram drawn: median ${median(mb).toFixed(1)} ms over ${mb.length} runs (goal: at most 300 ms)`);
    for (const [page, label, query] of [
      ['/docs/socket', '검색', '디스크립터를'],
      ['/en/docs/socket', 'Search', 'descriptor'],
    ] as const) {
      const first = await searchFirstUse(ctx, server.url + page, label, query);
      console.log(`Search on first use ${page} (“${query}”): ${(first.bytes / 1024).toFixed(1)} KB fetched (gzip), first results after ${first.ms} ms`);
    }
    const paints = await diagramFirstPaint(ctx, server.url, dir);
    console.log(`A diagram painted for the first time: median ${median(paints).toFixed(1)} ms of main thread over ${paints.length} diagrams (${range(paints)}; goal: under 50 ms)`);
  });
  if (!argv.includes('--skip-lighthouse')) {
    const pages = [{name: `blank ${BLANK_PAGE}`, url: blankServer.url + BLANK_PAGE}].concat(
      (onlyPages.length ? onlyPages : [PLAIN, ...CHAPTERS, ...CHAPTERS.map((p) => `/en${p}`), '/playground']).map((p) => ({name: p, url: server.url + p})),
    );
    const runs = pages.map(() => [] as LighthouseRun[]);
    // interleaved: round after round of every page, so a busy minute on the machine hits all pages alike. The order
    // turns each round, and each run waits 2 s for the last browser's teardown: a fixed order would give one page (the
    // blank one, first) the quietest moment of every round.
    for (let round = 0; round < LIGHTHOUSE_RUNS; round++) {
      for (let k = 0; k < pages.length; k++) {
        const i = (k + round) % pages.length;
        await new Promise((r) => setTimeout(r, 2000));
        const run = await lighthouseRun(pages[i].url);
        if (run) runs[i].push(run);
      }
    }
    const blankMedian = median(runs[0].map((r) => r.score));
    for (const [i, p] of pages.entries()) {
      const scores = runs[i].map((r) => r.score);
      const mid = runs[i].slice().sort((a, b) => a.score - b.score)[Math.floor((runs[i].length - 1) / 2)];
      const vsBlank = i === 0 ? '(the yardstick)' : `(${median(scores) - blankMedian >= 0 ? '+' : ''}${median(scores) - blankMedian} vs blank; goal: ≥ +0)`;
      console.log(
        `Lighthouse mobile performance ${p.name}: median ${runs[i].length ? median(scores) : 'n/a'} of ${runs[i].length} runs [${scores.join(', ')}] ${vsBlank}` +
          (mid ? `\n    median run: ${mid.metrics}` : '') +
          `\n    accessibility: [${runs[i].map((r) => r.accessibility ?? 'n/a').join(', ')}] (goal: 100)`,
      );
    }
  }
} finally {
  await server.close();
  await blankServer.close();
}
