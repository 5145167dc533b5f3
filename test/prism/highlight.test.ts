/**
 * src/prism draws code blocks without prism-react-renderer's <Highlight> in the browser, so what it draws must be
 * what <Highlight> would: the same lines and tokens, and the same style per token in each of the site's themes.
 * The reference is prism-react-renderer itself, rendered on the server with each theme.
 */
import {createElement, type CSSProperties} from 'react';
import {renderToStaticMarkup} from 'react-dom/server';
import {describe, expect, it} from 'vitest';
import {Highlight, normalizeTokens, themes, type PrismTheme} from 'prism-react-renderer';
import {accessibleTheme} from '../../src/theme/prismContrast';
import {ADDITIONAL_LANGUAGES, tokenize} from '../../src/prism/highlight';
import {dualRootStyle, dualTokenStyle, plainLines, themeDict, type TokenLine} from '../../src/prism/tokens';
import config from '../../docusaurus.config';

const LIGHT = accessibleTheme(themes.github);
const DARK = accessibleTheme(themes.dracula);

const SAMPLES: [language: string, code: string][] = [
  ['ts', 'const fd = socket(AF_INET, SOCK_STREAM); // 3\n\nconnect(fd, {host: "www.example.com", port: 80});\n'],
  ['c', '#include <sys/socket.h>\nint fd = socket(AF_INET, SOCK_STREAM, 0);\n/* a comment */\n'],
  ['http', 'GET /index.html HTTP/1.1\nHost: www.example.com\nConnection: keep-alive\n'],
  ['bash', 'ss -tan | grep 80 # sockets\n'],
  // a namespace is the one token the light theme dims with opacity
  ['markup', '<svg:rect x="1"/>'],
  ['text', 'no grammar: one plain line\nand another'],
];

/** What <Highlight> hands its children: lines of tokens and each token's props, under one theme. */
function reference(code: string, language: string, theme: PrismTheme) {
  let out: {lines: TokenLine[]; styles: (CSSProperties | undefined)[][]; root: CSSProperties} | null = null;
  renderToStaticMarkup(
    createElement(Highlight, {
      code,
      language,
      theme,
      children: ({tokens, getTokenProps, style}) => {
        out = {lines: tokens, styles: tokens.map((line) => line.map((token) => getTokenProps({token}).style)), root: style};
        return null;
      },
    }),
  );
  return out!;
}

/** The custom properties one side (l or d) of a dual style carries, as plain CSS properties. */
function side(style: CSSProperties | undefined, prefix: 'l' | 'd'): Record<string, unknown> {
  const names: Record<string, string> = {'': 'color', b: 'backgroundColor', s: 'fontStyle', w: 'fontWeight', o: 'opacity', t: 'textDecorationLine'};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(style ?? {})) {
    const m = new RegExp(`^--${prefix}(.*)$`).exec(k);
    if (m) out[names[m[1]]] = v;
  }
  return out;
}
const defined = (style: CSSProperties | undefined) =>
  Object.fromEntries(Object.entries(style ?? {}).filter(([k, v]) => v !== undefined && k !== 'display'));

describe('tokenize', () => {
  it.each(SAMPLES)('%s: the same lines and tokens as prism-react-renderer', (language, code) => {
    expect(tokenize(code, language)).toEqual(reference(code, language, LIGHT).lines);
  });

  it('knows every language the site config adds (themeConfig.prism.additionalLanguages)', () => {
    const configured = (config.themeConfig as {prism: {additionalLanguages: string[]}}).prism.additionalLanguages;
    expect([...ADDITIONAL_LANGUAGES].sort()).toEqual([...configured].sort());
    // a registered grammar gives tokens other than plain text
    for (const language of configured) {
      const sample = SAMPLES.find(([l]) => l === language)?.[1] ?? 'x';
      expect(tokenize(sample, language).flat().some((t) => t.types[0] !== 'plain'), language).toBe(true);
    }
  });

  it('unhighlighted lines have the shape of prism-react-renderer\'s for text without a grammar', () => {
    const code = 'first\n\nthird';
    expect(plainLines(code)).toEqual(normalizeTokens([code]));
  });
});

describe('colours of both modes at once', () => {
  it.each(SAMPLES)('%s: each token carries exactly the light and the dark style <Highlight> would give it', (language, code) => {
    const light = reference(code, language, LIGHT);
    const dark = reference(code, language, DARK);
    const l = themeDict(LIGHT, language);
    const d = themeDict(DARK, language);
    tokenize(code, language).forEach((line, i) =>
      line.forEach((token, k) => {
        const dual = dualTokenStyle(token, l, d);
        expect(side(dual, 'l'), `${language} line ${i} token ${k}`).toEqual(defined(light.styles[i][k]));
        expect(side(dual, 'd'), `${language} line ${i} token ${k}`).toEqual(defined(dark.styles[i][k]));
        // an empty line keeps its height, as <Highlight> makes it
        expect(dual?.display).toBe(light.styles[i][k]?.display);
      }),
    );
  });

  it('the code area carries both themes\' text and background colours', () => {
    const root = dualRootStyle(themeDict(LIGHT, 'ts'), themeDict(DARK, 'ts'));
    expect(side(root, 'l')).toEqual(defined(reference('x', 'ts', LIGHT).root));
    expect(side(root, 'd')).toEqual(defined(reference('x', 'ts', DARK).root));
    expect(side(root, 'l')).not.toEqual(side(root, 'd'));
  });
});
