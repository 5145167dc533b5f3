/**
 * Browser benchmark of the sequence diagram on a long run: a 1 MB echo transfer (about 2,000 segments and
 * 4,500 trace events), from clicking Run to the diagram's first arrows on screen. Goal: at most 300 ms.
 * Used by bench-browser.mts; figures are printed, never asserted.
 */
import type {BrowserContext} from 'playwright-core';

/** 16 round trips of 64 KiB through echo.example.com: 1 MiB each way */
export const MEGABYTE_PROGRAM = `const fd = socket();
connect(fd, resolve('echo.example.com'), 7);
const chunk = 'x'.repeat(65536);
for (let i = 0; i < 16; i++) {
  write(fd, chunk);
  let got = 0;
  while (got < chunk.length) got += read(fd, 65536).length;
}
close(fd);`;

/** ms from Run to the diagram drawn, `runs` times, on the first runnable block of `url`. */
export async function megabyteRunToDiagram(ctx: BrowserContext, url: string, runs = 5): Promise<number[]> {
  const page = await ctx.newPage();
  await page.goto(url, {waitUntil: 'networkidle'});
  const block = page.locator('[data-live-code]').first();
  await block.scrollIntoViewIfNeeded();
  const editor = block.getByRole('textbox').first();
  await editor.waitFor({timeout: 10_000});
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    // a run without segments first, with the diagram's tab open, so the next run's drawing is what is timed
    await editor.fill('const fd = socket();');
    await block.getByRole('button', {name: /^(실행|Run)$/}).click();
    await block.getByRole('tab', {name: /시퀀스 다이어그램|Sequence diagram/}).click();
    await block.locator('[data-status="ok"]').waitFor({timeout: 10_000});
    await editor.fill(MEGABYTE_PROGRAM);
    const ms = (await page.evaluate(`(async () => {
      const root = document.querySelector('[data-live-code]');
      const button = [...root.querySelectorAll('button')].find((b) => /^(실행|Run)$/.test((b.textContent || '').trim()));
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (root.querySelector('[data-segment]')) {
            obs.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        obs.observe(root, {subtree: true, childList: true});
        setTimeout(() => resolve(NaN), 10000);
      });
      button.click();
      return done;
    })()`)) as number;
    if (!Number.isNaN(ms)) times.push(ms);
  }
  await page.close();
  return times;
}
