/**
 * Bench figure 7 (scripts/bench-browser.mts): the main thread's work when a chapter diagram (static/diagrams, an
 * SVG shown through <img>) is painted for the first time — style, layout and paint inside the picture, from a
 * Chromium trace. Each diagram in a page of its own, as a reader scrolling to it meets it. Diagrams whose labels were
 * text paid for decoding a font, looking up system fonts and shaping every label here; outlined labels
 * (scripts/diagram-outlines.mts) leave only the drawing. Measured on this machine, text → outlines, interleaved:
 * the first diagram a fresh browser paints, 142–169 → 28 ms (7 loads each); this figure, one browser for all 20
 * diagrams (its font caches warm after the first), median 19–20 → 7–8 ms (two runs each).
 */
import {readdirSync} from 'node:fs';
import path from 'node:path';
import type {BrowserContext} from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
}

/** Total time of the events, each counted once: the picture's own layout runs inside the page's Paint. */
function outermost(events: TraceEvent[]): number {
  let end = -Infinity;
  let total = 0;
  for (const e of [...events].sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    end = e.ts + (e.dur ?? 0);
    total += (e.dur ?? 0) / 1000;
  }
  return total;
}

/** Milliseconds of main-thread style, layout and paint while one diagram is first drawn, for each light diagram. */
export async function diagramFirstPaint(ctx: BrowserContext, siteUrl: string, siteDir: string): Promise<number[]> {
  const files = readdirSync(path.join(siteDir, 'diagrams')).filter((f) => f.endsWith('-light.svg'));
  const out: number[] = [];
  for (const file of files) {
    const page = await ctx.newPage();
    await page.goto(siteUrl + '/404.html');
    const cdp = await ctx.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', {traceConfig: {includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline']}});
    await page.evaluate(async (src) => {
      const img = document.createElement('img');
      img.src = src;
      img.style.cssText = 'position:fixed;top:0;left:0;width:360px;z-index:9';
      document.body.append(img);
      await img.decode();
      // two frames: the one that lays the picture out, and the one that paints it
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }, `/diagrams/${file}`);
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    out.push(outermost(events.filter((e) => e.ph === 'X' && ['Paint', 'Layout', 'UpdateLayoutTree', 'PrePaint'].includes(e.name))));
    await page.close();
  }
  return out;
}
