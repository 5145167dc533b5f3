/**
 * Code colours that every reader can read. None of prism-react-renderer's stock themes reaches
 * WCAG AA (4.5:1) for every token on its own background (github's numbers are 2.6:1, dracula's comments
 * 3.0:1), so the site's themes are the stock ones with each too-faint colour moved towards black (light
 * themes) or white (dark themes) just far enough. Used by docusaurus.config.ts at build time.
 */
import type {PrismTheme} from 'prism-react-renderer';

type RGB = [number, number, number];

export function parseColor(color: string): RGB {
  const c = color.trim();
  const rgb = c.match(/^rgba?\(([^)]+)\)$/);
  if (rgb) {
    const [r, g, b] = rgb[1].split(',').map((v) => Number.parseFloat(v));
    return [r, g, b];
  }
  let hex = c.replace(/^#/, '');
  if (hex.length === 3) hex = [...hex].map((x) => x + x).join('');
  if (!/^[0-9a-f]{6}$/i.test(hex)) throw new Error(`unsupported colour: ${color}`);
  return [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)) as RGB;
}

/** Relative luminance, WCAG 2.x. */
function luminance([r, g, b]: RGB): number {
  const f = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(parseColor(a)), luminance(parseColor(b))].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const toHex = (rgb: RGB) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Any colour parseColor reads, as #rrggbb. */
export const hex = (color: string) => toHex(parseColor(color));

/** The colour moved towards black or white (whichever the background is not) until it reaches `min`. */
export function withContrast(color: string, background: string, min: number): string {
  if (contrastRatio(color, background) >= min) return color;
  const target: RGB = luminance(parseColor(background)) > 0.5 ? [0, 0, 0] : [255, 255, 255];
  const from = parseColor(color);
  for (let t = 0.02; t <= 1; t += 0.02) {
    const mixed = toHex(from.map((v, i) => v + (target[i] - v) * t) as RGB);
    if (contrastRatio(mixed, background) >= min) return mixed;
  }
  return toHex(target);
}

/** A copy of `theme` in which the plain text and every token colour reach `min` (default 4.6: AA with room). */
export function accessibleTheme(theme: PrismTheme, min = 4.6): PrismTheme {
  const bg = theme.plain.backgroundColor ?? '#ffffff';
  // written as #rrggbb: the shortest form, and every token on a page carries its colours (src/prism/tokens.ts)
  const fix = (color: string) => hex(withContrast(color, bg, min));
  return {
    plain: {...theme.plain, color: fix(theme.plain.color ?? '#000000'), backgroundColor: hex(bg)},
    styles: theme.styles.map((s) => (s.style.color ? {...s, style: {...s.style, color: fix(s.style.color)}} : s)),
  };
}
