/**
 * Highlighted code for the site's code blocks (static blocks, runnable blocks, quiz programs), without Prism on the
 * page's critical path.
 *
 * Prism is most of what a code block costs a phone: building its grammars is about a fifth of Docusaurus's main
 * bundle at start-up, and tokenizing every block again while hydrating is more. Yet on a page that comes from the
 * server the highlighted HTML is already there. So:
 * - on the server the highlighter is imported directly (./now.server.ts) and the HTML carries highlighted code;
 * - while the page hydrates, a block keeps that HTML as it is (its lines are not rendered by React at all; colours
 *   for both modes are in the HTML, see ./tokens.ts) and needs no Prism;
 * - a block drawn in the browser later (client-side navigation, a runnable block's editor, the lab) asks for the
 *   highlighter, a chunk of its own; until it is there the code shows unhighlighted, so it is never missing.
 */
import {useCallback, useEffect, useMemo, useState, type CSSProperties, type HTMLAttributes} from 'react';
import {useThemeConfig} from '@docusaurus/theme-common';
import type {PrismTheme} from 'prism-react-renderer';
import {tokenizeNow} from '@site/src/prism/now';
import {loadOnce} from '../lib/loadOnce';
import {countLines, dualRootStyle, dualTokenStyle, plainLines, themeDict, type Token, type Tokenize, type TokenLine} from './tokens';
import styles from './tokens.module.css';

export type {Token, TokenLine, Tokenize} from './tokens';

/** On the server the highlighter is at hand; in the browser it is a chunk of its own, loaded once when needed. */
const highlighter = loadOnce<Tokenize>(() => import(/* webpackChunkName: "prism" */ './highlight').then((m) => m.tokenize), tokenizeNow);

/** Load the highlighter's chunk (once; a failed load, offline, may be retried later). */
export const loadHighlighter = highlighter.load;

/** Docusaurus's client build defines this: true when the page is hydrated from server HTML (production). */
const HYDRATES = Boolean(process.env.HYDRATE_CLIENT_ENTRY);

function isHydrating(): boolean {
  // the server writes data-has-hydrated="false"; Docusaurus sets "true" after hydration
  return typeof document !== 'undefined' && document.documentElement.dataset.hasHydrated !== 'true';
}

export interface CodeLines {
  /** The lines to render, or null: keep the server's HTML of the lines (spread `keptProps` on their container). */
  lines: TokenLine[] | null;
  /** how many lines the code has, kept or not (a gutter needs it) */
  lineCount: number;
  /** For the container of the lines when `lines` is null. */
  keptProps: HTMLAttributes<HTMLElement> & {ref: (el: HTMLElement | null) => void};
  /** `prism-code language-x`, as prism-react-renderer names the code element */
  className: string;
  /** turns the carried colours into colours: on the code area, and on anything inside it that repeats its background */
  colorsClass: string;
  /** for the code area: its text and background colours, both modes */
  style: CSSProperties;
  getLineProps: (input: {line: TokenLine; className?: string}) => {className: string};
  getTokenProps: (input: {token: Token}) => {className: string; style?: CSSProperties; children: string};
}

/** A block's code as lines of tokens, in the shape prism-react-renderer's <Highlight> hands its children. */
export function useCodeLines(code: string, language: string): CodeLines {
  // Decided when the block mounts: hydrating keeps the HTML. Read from the DOM (Docusaurus marks <html> once the
  // page has hydrated), not from useIsBrowser(): a context would re-render every block when it flips, in one
  // blocking task right after hydration — the very cost this avoids.
  const [keptAtMount, setKeep] = useState(() => HYDRATES && isHydrating());
  // The server's HTML shows the code the block mounted with. Once the code changes (the reader edits a quiz's
  // program, hydrated with the page), that HTML is out of date: draw the lines from then on.
  const [mountedCode] = useState(code);
  const keep = keptAtMount && code === mountedCode;
  const [tokenize, setTokenize] = useState<Tokenize | null>(() => highlighter.current());
  useEffect(() => {
    if (keep || tokenize) return;
    let mounted = true;
    loadHighlighter().then(
      (t) => mounted && setTokenize(() => t),
      () => {
        /* offline: the code stays unhighlighted, and readable */
      },
    );
    return () => {
      mounted = false;
    };
  }, [keep, tokenize]);

  // If React rendered the block afresh after all (a hydration mismatch elsewhere makes React re-render a whole
  // subtree), there is no server HTML to keep: draw the lines.
  const keptRef = useCallback((el: HTMLElement | null) => {
    if (el && !el.hasChildNodes()) setKeep(false);
  }, []);

  const {prism} = useThemeConfig() as unknown as {prism: {theme: PrismTheme; darkTheme?: PrismTheme}};
  const lang = language.toLowerCase();
  const light = useMemo(() => themeDict(prism.theme, lang), [prism.theme, lang]);
  const dark = useMemo(() => themeDict(prism.darkTheme ?? prism.theme, lang), [prism.darkTheme, prism.theme, lang]);
  const lines = useMemo(
    () => (keep ? null : tokenize ? tokenize(code, lang) : plainLines(code)),
    [keep, tokenize, code, lang],
  );
  return {
    lines,
    lineCount: lines ? lines.length : countLines(code),
    keptProps: {dangerouslySetInnerHTML: {__html: ''}, suppressHydrationWarning: true, ref: keptRef},
    className: `prism-code language-${lang}`,
    colorsClass: styles.tokens,
    style: useMemo(() => dualRootStyle(light, dark), [light, dark]),
    getLineProps: ({className}) => ({className: className ? `token-line ${className}` : 'token-line'}),
    getTokenProps: ({token}) => ({
      className: ['token', ...token.types].join(' '),
      style: dualTokenStyle(token, light, dark),
      children: token.content,
    }),
  };
}
