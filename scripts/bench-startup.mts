/**
 * Start-up patches, A/B (npm run bench, after bench-browser): the same pages of two or more builds, loaded in turn
 * (A, B, A, B … so the machine's load falls on all alike), each load in a fresh browser context (cold cache) with
 * the CPU slowed 4× as Lighthouse's phone is. Figures are medians with their spread, printed, never asserted.
 * Lighthouse's score scatters ±8 points here, too coarse for patches worth a few milliseconds, so this reads the
 * page's own timings instead:
 *  - fcp: first contentful paint; hydrated: when Docusaurus marks <html data-has-hydrated="true">;
 *  - tbt: blocking time, Σ(long task − 50 ms) from the first paint until 3 s after hydration (Lighthouse's TBT, with
 *    a fixed end instead of TTI); longest: the longest task;
 *  - script: main-thread script time (Chrome's ScriptDuration) until then; js: gzip KB of the scripts loaded.
 * Usage: npx tsx scripts/bench-startup.mts [--runs 15] [--page /docs/socket]… name=dir name=dir@/page …
 *   (the first build is the baseline the others are compared with; npm run bench:startup: stock vs patched).
 *   `name=dir@/page` loads that page of that build in every row instead of the row's page: e.g.
 *   `blank=build-blank@/docs/page` puts a blank Docusaurus site's docs page (scripts/bench/blank-site) beside ours.
 */
import path from 'node:path';
import {gzipSync} from 'node:zlib';
import {chromium, type Browser} from 'playwright-core';
import {startStaticServer} from '../e2e/static-server.ts';
import {CHROMIUM_ARGS} from '../e2e/chromium.ts';

const argv = process.argv.slice(2);
const opt = (name: string): string[] => argv.flatMap((a, i) => (a === name ? [argv[i + 1]] : []));
const RUNS = Number(opt('--runs')[0] ?? 15);
const PAGES = opt('--page').length ? opt('--page') : ['/docs/socket', '/docs/http', '/docs/glossary'];
const VARIANTS = argv
  .filter((a, i) => a.includes('=') && !argv[i - 1]?.startsWith('--'))
  .map((a) => {
    const [name, spec] = a.split('=');
    const [dir, page] = spec.split('@');
    return {name, dir: path.resolve(dir), page: page || null};
  });
if (VARIANTS.length < 2) throw new Error('bench-startup: name at least two builds, e.g. stock=build-stock patched=build');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const METRICS = ['fcp', 'hydrated', 'tbt', 'longest', 'script', 'js'] as const;
type Sample = Record<(typeof METRICS)[number], number>;

/** Before any script of the page: record when hydration is marked, and every long task. */
const INIT = `(() => {
  window.__sl = {longtasks: [], hydrated: NaN};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__sl.longtasks.push([e.startTime, e.duration]); })
    .observe({type: 'longtask', buffered: true});
  // the document, not <html>: an init script may run before the parser has made <html>
  new MutationObserver((_, obs) => {
    if (document.documentElement?.dataset.hasHydrated === 'true') { window.__sl.hydrated = performance.now(); obs.disconnect(); }
  }).observe(document, {attributes: true, subtree: true, attributeFilter: ['data-has-hydrated']});
})()`;

async function load(browser: Browser, url: string): Promise<Sample> {
  const ctx = await browser.newContext({viewport: {width: 412, height: 823}, serviceWorkers: 'block'});
  try {
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', {rate: 4});
    await cdp.send('Performance.enable');
    await page.addInitScript(INIT);
    const scripts: Promise<number>[] = [];
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') scripts.push(res.body().then((b) => gzipSync(b, {level: 9}).length, () => 0));
    });
    await page.goto(url, {waitUntil: 'load'});
    await page.waitForFunction("document.documentElement.dataset.hasHydrated === 'true'", undefined, {timeout: 30_000});
    await page.waitForTimeout(3000);
    const seen = (await page.evaluate(`(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      hydrated: window.__sl.hydrated, longtasks: window.__sl.longtasks }))()`)) as {fcp: number; hydrated: number; longtasks: [number, number][]};
    const {metrics} = (await cdp.send('Performance.getMetrics')) as {metrics: {name: string; value: number}[]};
    const counted = seen.longtasks.filter(([start]) => start + 1 >= seen.fcp && start <= seen.hydrated + 3000);
    return {
      fcp: seen.fcp,
      hydrated: seen.hydrated,
      tbt: counted.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0),
      longest: Math.max(0, ...seen.longtasks.map(([, d]) => d)),
      script: (metrics.find((m) => m.name === 'ScriptDuration')?.value ?? NaN) * 1000,
      js: (await Promise.all(scripts)).reduce((a, b) => a + b, 0) / 1024,
    };
  } finally {
    await ctx.close();
  }
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (s.length - 1) * q;
  return s[Math.floor(at)] + (s[Math.ceil(at)] - s[Math.floor(at)]) * (at - Math.floor(at));
};
/** median [first quartile–third quartile] */
const summary = (xs: number[]) => `${quantile(xs, 0.5).toFixed(1)} [${quantile(xs, 0.25).toFixed(1)}–${quantile(xs, 0.75).toFixed(1)}]`;

const servers = await Promise.all(VARIANTS.map((v) => startStaticServer(v.dir)));
const browser = await chromium.launch({executablePath: CHROMIUM, args: CHROMIUM_ARGS});
try {
  console.log(`Start-up A/B: ${VARIANTS.map((v) => `${v.name} (${path.relative(process.cwd(), v.dir)}${v.page ? ` ${v.page}` : ''})`).join(' vs ')}; ${RUNS} loads each, interleaved, CPU ×4`);
  for (const pageUrl of PAGES) {
    const samples = VARIANTS.map(() => [] as Sample[]);
    const failed = VARIANTS.map(() => 0);
    for (let r = 0; r < RUNS; r++) {
      // alternate which build goes first, so neither always follows the other
      const order = VARIANTS.map((_, i) => i);
      if (r % 2) order.reverse();
      for (const i of order) {
        // a load that never hydrates is counted and left out, not allowed to end the whole comparison
        const sample = await load(browser, servers[i].url + (VARIANTS[i].page ?? pageUrl)).catch(() => null);
        if (sample) samples[i].push(sample);
        else failed[i]++;
      }
    }
    console.log(`  ${pageUrl} — median [quartiles], ms (js: KB gzip)`);
    for (const [i, n] of failed.entries()) if (n) console.log(`    ${VARIANTS[i].name}: ${n} of ${RUNS} loads never hydrated (left out)`);
    for (const metric of METRICS) {
      const base = quantile(samples[0].map((s) => s[metric]), 0.5);
      const cells = samples.map((ss, i) => {
        const xs = ss.map((s) => s[metric]).filter((x) => !Number.isNaN(x));
        const delta = quantile(xs, 0.5) - base;
        return `${VARIANTS[i].name} ${summary(xs)}${i ? ` (${delta >= 0 ? '+' : ''}${delta.toFixed(1)})` : ''}`;
      });
      console.log(`    ${metric.padEnd(8)} ${cells.join('   ')}`);
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
}
