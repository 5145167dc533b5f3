import {themes} from 'prism-react-renderer';
import {describe, expect, it} from 'vitest';
import {accessibleTheme, contrastRatio, withContrast} from '../../src/theme/prismContrast';

describe('WCAG contrast arithmetic', () => {
  it('black on white is 21:1 and a colour on itself is 1:1 (WCAG 2.x definition)', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#777777')).toBeCloseTo(1, 5);
  });
  it('#767676 on white is the well-known 4.54:1 AA limit', () => {
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  it('leaves a colour that already passes untouched, darkens a faint one on a light background', () => {
    expect(withContrast('#000000', '#ffffff', 4.5)).toBe('#000000');
    const moved = withContrast('#36acaa', '#f6f8fa', 4.6);
    expect(contrastRatio(moved, '#f6f8fa')).toBeGreaterThanOrEqual(4.6);
  });
});

describe('the site code themes', () => {
  it.each([
    ['github (light)', themes.github],
    ['dracula (dark)', themes.dracula],
  ])('every token of %s reaches AA on its background after adjustment', (_name, stock) => {
    const theme = accessibleTheme(stock);
    const bg = theme.plain.backgroundColor!;
    expect(contrastRatio(theme.plain.color!, bg)).toBeGreaterThanOrEqual(4.5);
    for (const s of theme.styles) if (s.style.color) expect(contrastRatio(s.style.color, bg)).toBeGreaterThanOrEqual(4.5);
    // the stock theme really needed it: at least one token was below AA before
    expect(stock.styles.some((s) => s.style.color && contrastRatio(s.style.color, bg) < 4.5)).toBe(true);
  });

  it('writes every colour as #rrggbb, and a colour that already passes is the same colour', () => {
    const stock = themes.dracula;
    const theme = accessibleTheme(stock);
    const colours = [theme.plain.color!, theme.plain.backgroundColor!, ...theme.styles.flatMap((s) => (s.style.color ? [s.style.color] : []))];
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    // dracula writes its keyword colour as rgb(189, 147, 249), which passes AA on its background as it is
    const keyword = (t: typeof stock) => t.styles.find((s) => s.types.includes('keyword'))!.style.color!;
    expect(keyword(stock)).toBe('rgb(189, 147, 249)');
    expect(keyword(theme)).toBe('#bd93f9');
  });
});
