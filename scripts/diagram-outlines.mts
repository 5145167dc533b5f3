/**
 * Diagram labels drawn as outlines (scripts/render-diagrams.mts). A diagram is an SVG shown through <img>: its text
 * could not use the page's fonts, so each file carried a cut of the Hangul font, and the browser decoded that font,
 * looked up system fonts for the Latin letters and shaped every label on the main thread the first time the picture
 * was painted — 53 ms of layout inside the image for /docs/socket's first diagram on this machine (trace, 412 px).
 * Outlines need none of that and look the same on every machine, with or without Korean fonts.
 *
 * Chromium lays the labels out once, at render time; `measureTexts` (run in that page) reads where each character
 * went, and `outlineTexts` replaces each <text> with the glyphs of the same fonts at those places: each distinct
 * glyph defined once, each character a <use> of it.
 * The picture's meaning for assistive technology is the <img>'s alt text and the SVG's <title>/<desc>, unchanged.
 */
import * as fontkit from 'fontkit';
import {hangulIn} from '../src/plugins/hangulFont.ts';

/** A label element of a rendered diagram, as Mermaid writes them (never nested). */
export const TEXT_ELEMENT = /<text\b[\s\S]*?<\/text>/g;

/** One label as Chromium laid it out: its characters with their glyph origins, in the label's own coordinates. */
export interface MeasuredText {
  /** the text element's transform attribute, if any (positions are in the space it sets up) */
  transform: string | null;
  chars: {ch: string; x: number; y: number; size: number; fill: string}[];
}

/**
 * Runs in the browser page that rendered the SVG (passed to page.evaluate): lays out `svgXml` in the document, then
 * returns every <text> in document order with each addressable character's start position (SVG 1.1
 * getStartPositionOfChar: the glyph origin on the baseline, after anchoring), size and fill.
 * A label whose characters cannot be matched to the DOM's count is an error, never a guess.
 */
export function measureTexts(svgXml: string): MeasuredText[] | {error: string} {
  const parsed = new DOMParser().parseFromString(svgXml, 'image/svg+xml');
  const svg = document.importNode(parsed.documentElement, true) as unknown as SVGSVGElement;
  document.body.appendChild(svg);
  try {
    const out: MeasuredText[] = [];
    for (const text of Array.from(svg.querySelectorAll('text'))) {
      // the characters as SVG addresses them (xml:space default): newlines gone, tabs as spaces, ends trimmed,
      // runs of spaces as one; each keeps the element that styles it
      const raw: {ch: string; el: Element}[] = [];
      const walk = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) for (const ch of n.textContent ?? '') if (ch !== '\n') raw.push({ch: ch === '\t' ? ' ' : ch, el: n.parentElement!});
      const chars: {ch: string; el: Element}[] = [];
      for (const c of raw) if (!(c.ch === ' ' && (chars.length === 0 || chars[chars.length - 1].ch === ' '))) chars.push(c);
      while (chars.length && chars[chars.length - 1].ch === ' ') chars.pop();
      const n = text.getNumberOfChars();
      if (n !== chars.length) return {error: `a label has ${n} addressable characters, ${chars.length} after collapsing: "${text.textContent}"`};
      // Chromium's start positions leave out dominant-baseline (Mermaid centres labels with `central`/`middle`): the
      // same label on the alphabetic baseline shows how far the glyphs were moved
      const plain = text.cloneNode(true) as SVGTextElement;
      for (const el of [plain, ...Array.from(plain.querySelectorAll('*'))] as SVGElement[]) {
        el.style.dominantBaseline = 'alphabetic';
        el.style.alignmentBaseline = 'baseline';
      }
      text.after(plain);
      const shift = text.getBBox().y - plain.getBBox().y;
      plain.remove();
      out.push({
        transform: text.getAttribute('transform'),
        chars: chars.map((c, i) => {
          const p = text.getStartPositionOfChar(i);
          const style = getComputedStyle(c.el);
          return {ch: c.ch, x: p.x, y: p.y + shift, size: parseFloat(style.fontSize), fill: style.fill};
        }),
      });
    }
    return out;
  } finally {
    svg.remove();
  }
}

export interface OutlineFonts {
  /** Hangul syllables and jamo, the unicode-range the site's font face covers (the site's font) */
  hangul: fontkit.Font;
  /** everything else (what system-ui resolved to when Chromium laid the labels out) */
  latin: fontkit.Font;
}

const num = (n: number) => String(Math.round(n * 100) / 100);
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * An outline as SVG path data in whole font units (1/128 px at 16 px) with relative commands: small numbers, about
 * a third fewer bytes than fontkit's absolute toSVG().
 */
function relativePath(commands: {command: string; args: number[]}[]): string {
  const letter: Record<string, string> = {moveTo: 'm', lineTo: 'l', quadraticCurveTo: 'q', bezierCurveTo: 'c', closePath: 'z'};
  let [x, y] = [0, 0];
  let [startX, startY] = [0, 0];
  let d = '';
  for (const {command, args} of commands) {
    if (command === 'closePath') {
      d += 'z';
      [x, y] = [startX, startY];
      continue;
    }
    const abs = args.map(Math.round);
    const rel = abs.map((v, i) => v - (i % 2 ? y : x));
    d += letter[command] + rel.join(' ').replace(/ -/g, '-');
    [x, y] = abs.slice(-2);
    if (command === 'moveTo') [startX, startY] = [x, y];
  }
  return d;
}

/**
 * Each distinct glyph once, in font units, in <defs>; each character a <use> of it scaled and flipped onto its
 * baseline (a label's glyphs repeat: a third of the bytes of writing every outline out where it is drawn).
 */
class Glyphs {
  private readonly ids = new Map<string, string>();
  private readonly defs: string[] = [];

  constructor(private readonly fonts: OutlineFonts) {}

  /** one character drawn at (x, y) on its baseline, or '' for one with no outline (a space) */
  use(c: MeasuredText['chars'][number]): string {
    const font = hangulIn(c.ch).size > 0 ? this.fonts.hangul : this.fonts.latin;
    const cp = c.ch.codePointAt(0)!;
    if (!font.hasGlyphForCodePoint(cp)) throw new Error(`no glyph for "${c.ch}" (U+${cp.toString(16)}) in ${font.familyName}`);
    const glyph = font.glyphForCodePoint(cp);
    const key = `${font.postscriptName}:${glyph.id}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      const d = relativePath(glyph.path.commands);
      id = d ? `g${this.ids.size}` : '';
      this.ids.set(key, id);
      // fill comes from the label (the <use>); the diagram's own stylesheet styles shapes, and this is text
      if (d) this.defs.push(`<path id="${id}" style="fill:inherit;stroke:none" d="${d}"/>`);
    }
    if (!id) return '';
    const k = c.size / font.unitsPerEm;
    // the scale keeps 6 significant digits (16 px / 2048 units is 0.0078125); places need hundredths of a pixel
    const scale = Number(k.toPrecision(6));
    return `<use href="#${id}" transform="matrix(${scale} 0 0 ${-scale} ${num(c.x)} ${num(c.y)})"/>`;
  }

  get svgDefs(): string {
    return this.defs.length ? `<defs>${this.defs.join('')}</defs>` : '';
  }
}

/** One label: its characters' glyphs in a group per colour (inline style, as above), in the label's own space. */
function labelOutline(label: MeasuredText, glyphs: Glyphs): string {
  const groups: {fill: string; uses: string[]}[] = [];
  for (const c of label.chars) {
    const use = glyphs.use(c);
    if (!use) continue;
    if (groups.at(-1)?.fill !== c.fill) groups.push({fill: c.fill, uses: []});
    groups.at(-1)!.uses.push(use);
  }
  const body = groups.map((g) => `<g style="fill:${attr(g.fill)};stroke:none">${g.uses.join('')}</g>`).join('');
  return label.transform ? `<g transform="${attr(label.transform)}">${body}</g>` : body;
}

/**
 * The SVG with its n-th <text> replaced by the n-th label's outlines, and the glyphs they use defined once, first.
 */
export function outlineTexts(svg: string, labels: MeasuredText[], fonts: OutlineFonts): string {
  const glyphs = new Glyphs(fonts);
  let i = 0;
  const out = svg.replace(TEXT_ELEMENT, () => {
    const label = labels[i++];
    if (!label) throw new Error('more <text> elements than measured labels');
    return labelOutline(label, glyphs);
  });
  if (i !== labels.length) throw new Error(`${labels.length} labels measured, ${i} <text> elements replaced`);
  return out.replace(/^<svg\b[^>]*>/, (open) => open + glyphs.svgDefs);
}
