/**
 * The site's Hangul font (scripts/hangul-font.py writes static/fonts/hangul-400.woff2: NanumGothic cut to
 * the syllables the site uses, renamed, SIL OFL in static/fonts/OFL.txt). Without it a machine with no Korean font
 * shows every syllable as an empty box, and Chromium spends most of a Korean page's first layout looking for a
 * fallback font run by run. src/css/custom.css puts the family first in both font stacks of Korean pages (and of
 * words marked lang="ko" on English ones); unicode-range keeps Latin text, digits and code in the system's fonts.
 *
 * The @font-face rules are written into each page's head rather than the stylesheet, so the font keeps its plain
 * /fonts/ address (webpack would rename it with a hash the preload below could not know). Korean pages preload the
 * regular weight, so the first layout already has it; `swap` shows text at once if it is slow. English pages use
 * Hangul only in a few words (the language menu's 한국어) and fetch it on demand.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';

export const HANGUL_FAMILY = 'Socket Lab Hangul';
export const HANGUL_RANGE = 'U+1100-11FF, U+3131-318E, U+AC00-D7A3';

/** The Hangul characters a text holds (the blocks HANGUL_RANGE gives the font: jamo, compatibility jamo, syllables). */
export function hangulIn(text: string): Set<string> {
  return new Set(text.match(/[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]/g) ?? []);
}
/** One weight: bold Hangul is drawn from it (font-synthesis), so bold text never waits for a second file and then
 * reflows when it comes (Lighthouse measured that shift at 0.038 on /docs/read-write with a bold file on demand). */
export const HANGUL_WEIGHTS = [400] as const;
export const hangulFontFile = (weight: number) => `fonts/hangul-${weight}.woff2`;

export function fontFaceCss(baseUrl: string): string {
  return HANGUL_WEIGHTS.map(
    (weight) =>
      `@font-face{font-family:'${HANGUL_FAMILY}';font-style:normal;font-weight:${weight};font-display:swap;` +
      `src:url(${baseUrl}${hangulFontFile(weight)}) format('woff2');unicode-range:${HANGUL_RANGE}}`,
  ).join('');
}

export default function hangulFont(context: LoadContext): Plugin {
  // every locale's build has its own copy of static/ under its baseUrl (/ or /en/)
  const root = context.siteConfig.baseUrl;
  return {
    name: 'socket-lab-hangul-font',
    injectHtmlTags() {
      const preload =
        context.i18n.currentLocale === context.i18n.defaultLocale
          ? [
              {
                tagName: 'link',
                // fetched in CORS mode, as the @font-face rule fetches it, or the browser would fetch it twice
                attributes: {rel: 'preload', as: 'font', type: 'font/woff2', href: root + hangulFontFile(400), crossorigin: 'anonymous'},
              },
            ]
          : [];
      return {headTags: [...preload, {tagName: 'style', innerHTML: fontFaceCss(root)}]};
    },
  };
}
