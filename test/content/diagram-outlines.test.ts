/**
 * Diagram labels as outlines (scripts/diagram-outlines.mts): each character becomes its font's glyph, in font units
 * scaled to the character's size, flipped (fonts count y upwards, SVG downwards) and put on its baseline where the
 * browser had laid it out. Expectations come from the font files themselves (fontkit's glyph bounding boxes). The
 * render script also compares every outlined file with the text it replaced, drawn in Chromium.
 */
import {execFileSync} from 'node:child_process';
import path from 'node:path';
import * as fontkit from 'fontkit';
import {describe, expect, it} from 'vitest';
import {outlineTexts, type MeasuredText, type OutlineFonts} from '../../scripts/diagram-outlines.mts';
import {SITE_ROOT} from '../../src/remark/mermaidBlocks';

const hangul = fontkit.openSync(path.join(SITE_ROOT, 'static/fonts/hangul-400.woff2')) as fontkit.Font;
// any system font with Latin letters: the one fontconfig gives for sans-serif
const latin = fontkit.openSync(execFileSync('fc-match', ['-f', '%{file}', 'sans-serif'], {encoding: 'utf8'}).trim()) as fontkit.Font;
const fonts: OutlineFonts = {hangul, latin};

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60"><rect/><text x="1" y="2">가 A가</text></svg>';
const char = (ch: string, x: number, size = 16, fill = 'rgb(51, 51, 51)') => ({ch, x, y: 40, size, fill});
const LABEL: MeasuredText = {transform: null, chars: [char('가', 10), char(' ', 26), char('A', 30, 32), char('가', 60)]};

/** The box around the absolute points (ends and control points) of path data written with relative commands. */
function bbox(d: string): {minX: number; minY: number; maxX: number; maxY: number} {
  const xs: number[] = [];
  const ys: number[] = [];
  let [x, y] = [0, 0];
  let start = [0, 0];
  for (const [, cmd, nums] of d.matchAll(/([mlqcz])([^mlqcz]*)/g)) {
    const n = (nums.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    if (cmd === 'z') {
      [x, y] = start; // closing a subpath returns to its start
      continue;
    }
    const pts: [number, number][] = [];
    for (let i = 0; i < n.length; i += 2) pts.push([x + n[i], y + n[i + 1]]);
    for (const [px, py] of pts) {
      xs.push(px);
      ys.push(py);
    }
    [x, y] = pts[pts.length - 1];
    if (cmd === 'm') start = [x, y];
  }
  return {minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys)};
}

describe('outlineTexts', () => {
  const out = outlineTexts(SVG, [LABEL], fonts);
  const uses = [...out.matchAll(/<use href="#(g\d+)" transform="matrix\(([^)]*)\)"\/>/g)].map((m) => ({id: m[1], m: m[2].split(' ').map(Number)}));
  const def = (id: string) => new RegExp(`<path id="${id}"[^>]* d="([^"]+)"`).exec(out)![1];

  it('replaces the text with one <use> per drawn character; a space draws nothing', () => {
    expect(out).not.toMatch(/<text\b/);
    expect(out).toMatch(/<rect\/>/);
    expect(uses).toHaveLength(3);
  });

  it('a glyph drawn twice is defined once, before everything else in the picture', () => {
    expect(uses[0].id).toBe(uses[2].id);
    expect(out.match(/<path id=/g)).toHaveLength(2);
    expect(out).toMatch(/^<svg\b[^>]*><defs><path id="g0"/);
  });

  it("each character is its font's glyph: the outline's points span the glyph's control box in font units", () => {
    for (const [use, font, ch] of [[uses[0], hangul, '가'], [uses[1], latin, 'A']] as const) {
      const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
      const box = bbox(def(use.id));
      for (const k of ['minX', 'minY', 'maxX', 'maxY'] as const) expect(Math.abs(box[k] - glyph.path.cbox[k]), `${ch} ${k}`).toBeLessThanOrEqual(1);
    }
  });

  it('scaled to its size, flipped, with its origin on the baseline where it was laid out', () => {
    const [a, b] = [uses[0].m, uses[1].m];
    expect(a[0]).toBeCloseTo(16 / hangul.unitsPerEm, 6);
    expect(a.slice(1, 3)).toEqual([0, 0]);
    expect(a[3]).toBeCloseTo(-16 / hangul.unitsPerEm, 6);
    expect(a.slice(4)).toEqual([10, 40]);
    expect(b[0]).toBeCloseTo(32 / latin.unitsPerEm, 6);
    expect(b.slice(4)).toEqual([30, 40]);
  });

  it("keeps each label's colour against the diagram's stylesheet (inline style), and its transform", () => {
    expect(out).toMatch(/<g style="fill:rgb\(51, 51, 51\);stroke:none"><use/);
    const moved = outlineTexts(SVG, [{...LABEL, transform: 'translate(5, 6)'}], fonts);
    expect(moved).toMatch(/<g transform="translate\(5, 6\)"><g style="fill:/);
  });

  it('refuses a character no font draws, and labels that do not match the texts', () => {
    // a Chinese character: neither the Hangul font nor a Latin one has it
    expect(() => outlineTexts(SVG, [{transform: null, chars: [char('漢', 0)]}], fonts)).toThrow(/U\+6f22/);
    expect(() => outlineTexts(SVG, [], fonts)).toThrow(/more <text> elements/);
    expect(() => outlineTexts(SVG, [LABEL, LABEL], fonts)).toThrow(/2 labels measured, 1/);
  });
});
