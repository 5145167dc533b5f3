/**
 * Text widths for the diagram's layout. In the browser a canvas measures with the page's own fonts; the
 * estimate (monospace: 0.62 em a character, 1 em for a wide Hangul/CJK one) is the floor, so a font that
 * has not loaded yet cannot make a label wider than its reserved box later.
 */
const SIZES = {label: 11, state: 10, host: 13} as const;
export type TextKind = keyof typeof SIZES;

const WIDE = /[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

export function estimateWidth(text: string, kind: TextKind): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : 0.62;
  return Math.ceil(em * SIZES[kind]) + 2;
}

let ctx: CanvasRenderingContext2D | null | undefined;
const fonts: Partial<Record<TextKind, string>> = {};

/** A measuring function using the fonts of `el` (the diagram's root), or the estimate without a canvas. */
export function measurerFor(el: Element | null): (text: string, kind: TextKind) => number {
  if (ctx === undefined) {
    try {
      ctx = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
    } catch {
      ctx = null;
    }
  }
  if (!ctx || !el || typeof getComputedStyle === 'undefined') return estimateWidth;
  const style = getComputedStyle(el);
  const mono = style.getPropertyValue('--ifm-font-family-monospace').trim() || 'monospace';
  const base = style.getPropertyValue('--ifm-font-family-base').trim() || 'sans-serif';
  fonts.label = `11px ${mono}`;
  fonts.state = `bold 10px ${base}`;
  fonts.host = `600 13px ${base}`;
  const c = ctx;
  const cache = new Map<string, number>();
  return (text, kind) => {
    const key = kind + '\u0000' + text;
    let w = cache.get(key);
    if (w === undefined) {
      c.font = fonts[kind]!;
      w = Math.max(Math.ceil(c.measureText(text).width) + 2, estimateWidth(text, kind));
      cache.set(key, w);
    }
    return w;
  };
}
