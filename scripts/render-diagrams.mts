/**
 * Renders every ```mermaid block of both locales to static SVGs, so readers never download Mermaid (~180 KB gzip):
 *   npx tsx scripts/render-diagrams.mts [--check]
 * For each block (keyed by a hash of its source) it writes static/diagrams/<hash>-light.svg and <hash>-dark.svg and
 * deletes files no block needs any more. The SVGs are committed: building the site needs neither Chromium nor Mermaid.
 * With --check it renders nothing and exits 1 if a file is missing or stale (the content test checks the same).
 *
 * Mermaid runs in Debian's Chromium (playwright-core), loaded from node_modules: nothing comes from the network.
 * The labels are then drawn as outlines (./diagram-outlines.mts): a picture carries no font and lays out no text when
 * the reader's browser first paints it. Each file is checked against the text it replaces, drawn in the same page.
 */
import {mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync, existsSync} from 'node:fs';
import {createRequire} from 'node:module';
import os from 'node:os';
import path from 'node:path';
import {chromium} from 'playwright-core';
import {CHROMIUM_ARGS} from '../e2e/chromium.ts';
import {HANGUL_FAMILY, HANGUL_RANGE, hangulFontFile} from '../src/plugins/hangulFont.ts';
import {execFileSync} from 'node:child_process';
import * as fontkit from 'fontkit';
import type {Page} from 'playwright-core';
import {TEXT_ELEMENT, measureTexts, outlineTexts, type MeasuredText, type OutlineFonts} from './diagram-outlines.mts';
import {
  DIAGRAMS_DIR,
  SITE_ROOT,
  VARIANTS,
  accessibleText,
  contentFiles,
  diagramHash,
  findMermaidBlocks,
  normalizeSource,
  svgFileName,
  svgSize,
  type Variant,
} from '../src/remark/mermaidBlocks.ts';

/** The site's font stack (src/css/custom.css --ifm-font-family-base), so diagram text looks like the page's. */
const FONT_FAMILY = `'${HANGUL_FAMILY}', system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, sans-serif`;
/** The site's Hangul font (src/plugins/hangulFont.ts): Mermaid measures labels with it, and they are drawn from it. */
const HANGUL_FONT = path.join(SITE_ROOT, 'static', hangulFontFile(400));

/**
 * Mermaid settings per variant. Light: 'neutral' on the page's white. Dark: 'dark' with the site's dark page colour
 * (Infima #1b1b1d) as background and the dark code blocks' colour (Dracula #282a36) for boxes, so a diagram sits on
 * the page like the code next to it. Labels are plain SVG text (htmlLabels off): an SVG shown through <img> must not
 * depend on HTML in foreignObject, which some browsers do not draw in images.
 */
const THEMES: Record<Variant, Record<string, unknown>> = {
  light: {
    theme: 'neutral',
    themeVariables: {fontFamily: FONT_FAMILY, background: '#ffffff'},
  },
  dark: {
    theme: 'dark',
    themeVariables: {
      fontFamily: FONT_FAMILY,
      darkMode: true,
      background: '#1b1b1d',
      mainBkg: '#282a36',
      primaryColor: '#282a36',
      secondaryColor: '#2f3140',
      tertiaryColor: '#1b1b1d',
      primaryBorderColor: '#9aa0b4',
      lineColor: '#c9ccd8',
      textColor: '#e3e3e3',
      primaryTextColor: '#f0f0f0',
      actorBkg: '#282a36',
      actorBorder: '#9aa0b4',
      actorTextColor: '#f0f0f0',
      actorLineColor: '#9aa0b4',
      signalColor: '#e3e3e3',
      signalTextColor: '#f0f0f0',
      labelBoxBkgColor: '#282a36',
      labelTextColor: '#f0f0f0',
      noteBkgColor: '#3b3f52',
      noteTextColor: '#f0f0f0',
      noteBorderColor: '#9aa0b4',
      clusterBkg: '#22232b',
      clusterBorder: '#9aa0b4',
      edgeLabelBackground: '#1b1b1d',
    },
  },
};

const COMMON_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  fontFamily: FONT_FAMILY,
  htmlLabels: false,
  flowchart: {htmlLabels: false, useMaxWidth: false},
  // Narrower than Mermaid's defaults (150 px actors, 50 px apart): a two-party exchange then fits a phone column
  // nearly at full size; text a little larger, as a scaled-down diagram still has to be read.
  sequence: {
    useMaxWidth: false,
    mirrorActors: true,
    width: 120,
    actorMargin: 36,
    diagramMarginX: 8,
    diagramMarginY: 8,
    actorFontSize: 16,
    noteFontSize: 15,
    messageFontSize: 16,
  },
};

interface Job {
  hash: string;
  source: string;
  where: string[];
}

function collectJobs(): Map<string, Job> {
  const jobs = new Map<string, Job>();
  for (const file of contentFiles()) {
    for (const block of findMermaidBlocks(readFileSync(file, 'utf8'), path.relative(SITE_ROOT, file))) {
      const hash = diagramHash(block.source);
      const job = jobs.get(hash) ?? {hash, source: normalizeSource(block.source), where: []};
      job.where.push(`${block.file}:${block.line}`);
      jobs.set(hash, job);
      if (!accessibleText(block.source).title) console.warn(`warning: ${block.file}:${block.line} has no accTitle`);
    }
  }
  return jobs;
}

/**
 * Mermaid sizes the root <svg> for inline use (width 100%, max-width in a style). Files shown through <img> need a
 * natural size instead: width/height = the viewBox, so the page can reserve the box and scale it down with CSS.
 */
function withNaturalSize(svg: string): string {
  const size = svgSize(svg);
  if (!size) throw new Error('rendered SVG has no viewBox');
  return svg.replace(/^<svg\b[^>]*>/, (open) =>
    open
      .replace(/\s(width|height)="[^"]*"/g, '')
      .replace(/\sstyle="[^"]*"/, '')
      .replace(/^<svg/, `<svg width="${size.width}" height="${size.height}"`),
  );
}

function fontFace(woff2: Buffer): string {
  return `@font-face{font-family:'${HANGUL_FAMILY}';src:url(data:font/woff2;base64,${woff2.toString('base64')}) format('woff2');unicode-range:${HANGUL_RANGE}}`;
}

/** The fonts Chromium drew the labels with here: the site's Hangul font, and the file system-ui resolves to. */
function outlineFonts(): OutlineFonts {
  const systemUi = execFileSync('fc-match', ['-f', '%{file}', 'system-ui'], {encoding: 'utf8'}).trim();
  return {
    hangul: fontkit.openSync(HANGUL_FONT) as fontkit.Font,
    latin: fontkit.openSync(systemUi) as fontkit.Font,
  };
}

/**
 * How far the outlined picture is from the text one, both drawn inline in the render page (where the labels have the
 * real fonts): of the pixels the labels ink (those that change when the labels are left out), the share that differ
 * between the two, on grey levels averaged over 3×3 pixels. Text is hinted and snapped to whole pixels, outlines are
 * not, so edges differ by a fraction of a pixel; a label in the wrong place or font differs in whole strokes.
 */
async function pixelDifference(page: Page, textSvg: string, outlinedSvg: string): Promise<number> {
  const shot = async (svg: string) => {
    await page.evaluate((markup) => {
      const holder = document.createElement('div');
      holder.id = 'shot';
      holder.style.cssText = 'position:absolute;left:0;top:0;background:#808080;line-height:0';
      holder.innerHTML = markup;
      document.body.appendChild(holder);
    }, svg);
    const png = await page.locator('#shot').screenshot();
    await page.evaluate(() => document.getElementById('shot')!.remove());
    return 'data:image/png;base64,' + png.toString('base64');
  };
  const blank = textSvg.replace(TEXT_ELEMENT, '');
  const shots = [await shot(textSvg), await shot(outlinedSvg), await shot(blank)];
  return page.evaluate(async (shots) => {
    const pixels = async (src: string) => {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.width, img.height];
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height);
    };
    const [text, outlined, blank] = await Promise.all(shots.map(pixels));
    if (outlined.width !== text.width || outlined.height !== text.height) return 1;
    const {width: w, height: h} = text;
    const grey = (d: Uint8ClampedArray, x: number, y: number) => {
      let sum = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const i = (Math.min(h - 1, Math.max(0, y + dy)) * w + Math.min(w - 1, Math.max(0, x + dx))) * 4;
        sum += d[i] + d[i + 1] + d[i + 2];
      }
      return sum / 27;
    };
    let ink = 0;
    let off = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const t = grey(text.data, x, y);
        if (Math.abs(t - grey(blank.data, x, y)) > 32) ink++;
        if (Math.abs(t - grey(outlined.data, x, y)) > 32) off++;
      }
    }
    return ink ? off / ink : off ? 1 : 0;
  }, shots);
}

/**
 * Above this share of the labels' ink differing, an outlined diagram is refused. Measured on the 40 files: at most
 * 23% when right (hinting), at least 48% with every label moved 3 px, about 100% in the wrong colour.
 */
const MAX_PIXEL_DIFFERENCE = 0.35;

async function render(jobs: Job[]): Promise<Map<string, string>> {
  const require = createRequire(import.meta.url);
  const bundle = path.join(path.dirname(require.resolve('mermaid/package.json')), 'dist', 'mermaid.min.js');
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sl-diagrams-'));
  const context = await chromium.launchPersistentContext(profile, {executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS});
  const out = new Map<string, string>();
  const fonts = outlineFonts();
  let worst = 0;
  try {
    const page = await context.newPage();
    // Nothing may come from outside: Mermaid is read from disk, fonts are the system's.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const face = fontFace(readFileSync(HANGUL_FONT));
    await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${face}</style></head><body style="font-family:${FONT_FAMILY}"></body></html>`);
    // tsx keeps function names with an __name() helper that the functions handed to page.evaluate bring along
    await page.evaluate('globalThis.__name = (f) => f');
    // Mermaid sizes boxes by measuring text: the Hangul font has to be there before the first diagram
    await page.evaluate((family) => document.fonts.load(`16px '${family}'`, '가'), HANGUL_FAMILY);
    await page.addScriptTag({path: bundle});
    for (const job of jobs) {
      for (const variant of VARIANTS) {
        const config = {...COMMON_CONFIG, ...THEMES[variant]};
        const id = `d${job.hash}-${variant}`;
        const result = await page.evaluate(
          async ({source, id, config}) => {
            const mermaid = (window as unknown as {mermaid: {initialize(c: unknown): void; render(id: string, s: string): Promise<{svg: string}>}}).mermaid;
            mermaid.initialize(config);
            const {svg} = await mermaid.render(id, source);
            // Re-serialize as XML: an .svg file must be well-formed XML, Mermaid returns HTML serialization.
            const holder = document.createElement('div');
            holder.innerHTML = svg;
            const xml = new XMLSerializer().serializeToString(holder.querySelector('svg')!);
            const parsed = new DOMParser().parseFromString(xml, 'image/svg+xml');
            const error = parsed.querySelector('parsererror');
            return {xml, error: error ? error.textContent : null};
          },
          {source: job.source, id, config},
        );
        if (result.error) throw new Error(`${job.where[0]} (${variant}): rendered SVG is not well-formed XML: ${result.error}`);
        const where = `${job.where[0]} (${variant})`;
        const labels = await page.evaluate(measureTexts, result.xml);
        if ('error' in labels) throw new Error(`${where}: ${labels.error}`);
        const sized = withNaturalSize(result.xml);
        const outlined = outlineTexts(sized, labels as MeasuredText[], fonts);
        const off = await pixelDifference(page, sized, outlined);
        if (off > MAX_PIXEL_DIFFERENCE) throw new Error(`${where}: the outlined labels differ from the text in ${(off * 100).toFixed(1)}% of their ink`);
        worst = Math.max(worst, off);
        out.set(svgFileName(job.hash, variant), outlined + '\n');
      }
      console.log(`rendered ${job.hash} (${job.where.join(', ')})`);
    }
    console.log(`outlined labels against the text: at most ${(worst * 100).toFixed(1)}% of their ink differs`);
  } finally {
    await context.close();
    rmSync(profile, {recursive: true, force: true});
  }
  return out;
}

const check = process.argv.includes('--check');
const jobs = collectJobs();
const wanted = new Set([...jobs.keys()].flatMap((hash) => VARIANTS.map((v) => svgFileName(hash, v))));
const existing = existsSync(DIAGRAMS_DIR) ? readdirSync(DIAGRAMS_DIR).filter((f) => f.endsWith('.svg')) : [];
const stale = existing.filter((f) => !wanted.has(f));
const missing = [...wanted].filter((f) => !existing.includes(f));

if (check) {
  for (const f of missing) console.error(`missing: static/diagrams/${f}`);
  for (const f of stale) console.error(`stale: static/diagrams/${f}`);
  process.exit(missing.length || stale.length ? 1 : 0);
}

mkdirSync(DIAGRAMS_DIR, {recursive: true});
// Re-render everything (cheap: a few seconds), so a change of theme settings reaches every file.
const rendered = await render([...jobs.values()]);
for (const [file, svg] of rendered) writeFileSync(path.join(DIAGRAMS_DIR, file), svg);
for (const f of stale) {
  unlinkSync(path.join(DIAGRAMS_DIR, f));
  console.log(`removed stale ${f}`);
}
console.log(`${jobs.size} diagrams, ${rendered.size} files in ${path.relative(SITE_ROOT, DIAGRAMS_DIR)}`);
