/**
 * The site's Hangul font (static/fonts, written by scripts/hangul-font.py, served by src/plugins/hangulFont.ts):
 * it must hold every Hangul character the site's text uses, or a reader with no Korean font of their own sees empty
 * boxes for it; and as a Modified Version under the SIL OFL it may not carry the original's reserved names.
 * The characters are read from the sources here, independently of the script that cut the font.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import {describe, expect, it} from 'vitest';
import hangulFont, {HANGUL_FAMILY, HANGUL_WEIGHTS, fontFaceCss, hangulFontFile} from '../../src/plugins/hangulFont';
import {filesBelow} from '../files';

const ROOT = path.resolve(__dirname, '../..');
const SOURCES = ['docs', 'i18n', 'src'].flatMap((dir) => filesBelow(path.join(ROOT, dir), /\.(mdx?|tsx?|json|css)$/));
SOURCES.push(path.join(ROOT, 'docusaurus.config.ts'), path.join(ROOT, 'sidebars.ts'));
// the chapters show these programs with their Korean comments (src/remark/exampleFiles.ts)
SOURCES.push(...filesBelow(path.join(ROOT, 'examples'), /\.(py|c)$/));

/** Hangul syllables and jamo: the blocks the @font-face unicode-range gives to the font. */
const isHangul = (cp: number) => (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e);

function siteHangul(): Map<number, string> {
  const where = new Map<number, string>();
  for (const file of SOURCES) {
    for (const ch of readFileSync(file, 'utf8')) {
      const cp = ch.codePointAt(0)!;
      if (isHangul(cp) && !where.has(cp)) where.set(cp, path.relative(ROOT, file));
    }
  }
  return where;
}

const fonts = HANGUL_WEIGHTS.map((weight) => {
  const file = path.join(ROOT, 'static', hangulFontFile(weight));
  return {weight, file, font: fontkit.openSync(file) as fontkit.Font};
});

describe('the Hangul font covers the site', () => {
  it('the sources use Hangul at all (the scan reads the chapters)', () => {
    // a scan that found nothing would make the coverage check below pass vacuously
    expect(siteHangul().size).toBeGreaterThan(300);
    expect(siteHangul().has('소'.codePointAt(0)!)).toBe(true);
  });

  it.each(fonts.map((f) => [f.weight, f]))('weight %s has a glyph for every Hangul character the site uses', (_w, {font}) => {
    const missing = [...siteHangul()].filter(([cp]) => !font.hasGlyphForCodePoint(cp)).map(([cp, file]) => `${String.fromCodePoint(cp)} (${file})`);
    // when this fails: /usr/bin/python3 scripts/hangul-font.py (npm run fonts), then commit static/fonts
    expect(missing).toEqual([]);
  });

  it.each(fonts.map((f) => [f.weight, f]))('weight %s is named Socket Lab Hangul, never by a reserved Nanum name', (_w, {font}) => {
    expect(font.familyName).toBe(HANGUL_FAMILY);
    for (const name of [font.familyName, font.fullName, font.postscriptName]) expect(name).not.toMatch(/nanum/i);
  });

  it('the OFL travels with the font', () => {
    const ofl = readFileSync(path.join(ROOT, 'static/fonts/OFL.txt'), 'utf8');
    expect(ofl).toContain('SIL OPEN FONT LICENSE');
    expect(ofl).toContain('NAVER Corporation');
  });
});

describe('the plugin serves it', () => {
  const plugin = (locale: string) =>
    hangulFont({
      siteConfig: {baseUrl: locale === 'ko' ? '/' : `/${locale}/`},
      i18n: {currentLocale: locale, defaultLocale: 'ko'},
    } as never);
  type Tag = {tagName: string; attributes?: Record<string, string>; innerHTML?: string};
  const tags = (locale: string) => (plugin(locale).injectHtmlTags!({content: null}) as {headTags: Tag[]}).headTags;

  it('every @font-face names a file that exists', () => {
    const urls = [...fontFaceCss('/').matchAll(/url\(\/([^)]+)\)/g)].map((m) => m[1]);
    expect(urls.length).toBe(HANGUL_WEIGHTS.length);
    for (const url of urls) expect(existsSync(path.join(ROOT, 'static', url))).toBe(true);
  });

  it('Korean pages preload the regular weight from the address the @font-face uses', () => {
    const preload = tags('ko').find((t) => t.attributes?.rel === 'preload');
    expect(preload?.attributes).toMatchObject({as: 'font', type: 'font/woff2', crossorigin: 'anonymous'});
    const style = tags('ko').find((t) => t.tagName === 'style');
    expect(style?.innerHTML).toContain(`url(${preload!.attributes!.href})`);
  });

  it('English pages get the @font-face (the language menu says 한국어) but no preload', () => {
    expect(tags('en').some((t) => t.attributes?.rel === 'preload')).toBe(false);
    expect(tags('en').find((t) => t.tagName === 'style')?.innerHTML).toContain('url(/en/fonts/hangul-400.woff2)');
  });
});
