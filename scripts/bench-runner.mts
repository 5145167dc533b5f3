/**
 * What a run costs in the browser (issue 16: a fresh, sealed worker per run): ms from clicking Run to the outcome
 * being on screen, for the first run of a page (the worker's chunk loaded, started and sealed while the reader
 * reached for the block) and for a warm run (the next worker was pre-started while the reader read). Printed,
 * never asserted. With --compare DIR, the same is measured on a second build, rounds interleaved so the machine's
 * load falls on both alike.
 * Usage: npx tsx scripts/bench-runner.mts [--dir build] [--compare other-build] [--rounds N]
 */
import {mkdtempSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {startStaticServer} from '../e2e/static-server.ts';
import {CHROMIUM_ARGS} from '../e2e/chromium.ts';

const argv = process.argv.slice(2);
const arg = (name: string) => (argv.indexOf(name) >= 0 ? argv[argv.indexOf(name) + 1] : undefined);
const dirs = [path.resolve(arg('--dir') ?? 'build'), ...(arg('--compare') ? [path.resolve(arg('--compare')!)] : [])];
const ROUNDS = Math.max(1, Number(arg('--rounds') ?? 5) || 5);
const WARM_RUNS = 5;
const PAGE = '/docs/socket';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Click Run in the first block and wait for its outcome; ms (plain source text: no bundler helpers in the page). */
const RUN_ONCE = `(async () => {
  const root = document.querySelector('[data-live-code]');
  const button = [...root.querySelectorAll('button')].find((b) => /^(실행|Run)$/.test((b.textContent || '').trim()));
  const status = root.querySelector('[aria-live="polite"]');
  const before = status.textContent;
  const t0 = performance.now();
  const done = new Promise((resolve) => {
    const check = () => {
      const s = status.getAttribute('data-status');
      if (s && s !== 'running' && s !== 'idle' && status.textContent !== '') {
        obs.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - t0));
      }
    };
    const obs = new MutationObserver(check);
    obs.observe(status, {subtree: true, childList: true, characterData: true, attributes: true});
    setTimeout(() => resolve(NaN), 10000);
  });
  button.click();
  return done;
})()`;

async function measure(url: string): Promise<{first: number; warm: number[]}> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sl-bench-runner-'));
  const ctx = await chromium.launchPersistentContext(profile, {executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
  try {
    const page = await ctx.newPage();
    await page.goto(url + PAGE, {waitUntil: 'networkidle'});
    const block = page.locator('[data-live-code]').first();
    await block.scrollIntoViewIfNeeded();
    await block.getByRole('textbox').first().waitFor({timeout: 30_000});
    // the reader reaches for the block (the runner's chunk loads and its worker starts), then reads for a moment
    await block.hover();
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    const first = (await page.evaluate(RUN_ONCE)) as number;
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      await page.waitForTimeout(500);
      warm.push((await page.evaluate(RUN_ONCE)) as number);
    }
    return {first, warm};
  } finally {
    await ctx.close();
    rmSync(profile, {recursive: true, force: true, maxRetries: 5});
  }
}

const servers = await Promise.all(dirs.map((d) => startStaticServer(d)));
try {
  const firsts = dirs.map(() => [] as number[]);
  const warms = dirs.map(() => [] as number[]);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < dirs.length; i++) {
      const k = round % 2 === 0 ? i : dirs.length - 1 - i; // alternate the order
      const {first, warm} = await measure(servers[k].url);
      firsts[k].push(first);
      warms[k].push(...warm);
    }
  }
  dirs.forEach((d, i) => {
    console.log(
      `Run → outcome on ${path.relative(process.cwd(), d) || d} (${PAGE}): first run median ${median(firsts[i]).toFixed(1)} ms ` +
        `[${firsts[i].map((x) => x.toFixed(0)).join(', ')}], warm run median ${median(warms[i]).toFixed(1)} ms over ${warms[i].length} runs`,
    );
  });
} finally {
  await Promise.all(servers.map((s) => s.close()));
}
