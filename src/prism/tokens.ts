/**
 * Highlighted code as plain data, and its colours as CSS custom properties for both colour modes at once.
 *
 * Why both at once: a code block's highlighted HTML comes from the server and is kept as it is while the page
 * hydrates (no Prism on the page's critical path, see ./index.ts). Docusaurus renders light on the server and
 * switches to the reader's mode right after hydration; HTML that is never re-rendered cannot switch colours by
 * itself, so every token carries its light and its dark colour (`--l`, `--d`, …) and
 * tokens.module.css picks one by `html[data-theme]`. The colours are exactly prism-react-renderer's (same merge
 * rules, ported below), so the site's accessible themes (src/theme/prismContrast.ts) apply unchanged.
 *
 * Light module: types and style arithmetic only, no Prism.
 */
import type {CSSProperties} from 'react';
import type {PrismTheme} from 'prism-react-renderer';

/** One token of a line, as prism-react-renderer's normalizeTokens makes it. */
export interface Token {
  types: string[];
  content: string;
  empty?: boolean;
}
export type TokenLine = Token[];
export type Tokenize = (code: string, language: string) => TokenLine[];

type Style = Record<string, string | number | undefined>;
type Dict = Record<string, Style>;

/** The style per token type a theme gives, for one language (prism-react-renderer's themeToDict). */
export function themeDict(theme: PrismTheme, language: string): Dict {
  const dict: Dict = {};
  for (const entry of theme.styles) {
    if (entry.languages && !entry.languages.includes(language)) continue;
    for (const type of entry.types) dict[type] = {...dict[type], ...(entry.style as Style)};
  }
  dict.root = theme.plain as Style;
  dict.plain = {...(theme.plain as Style), backgroundColor: undefined};
  return dict;
}

/** A token's style in one theme (prism-react-renderer's useGetTokenProps: later types win). */
function tokenThemeStyle(dict: Dict, token: Token): Style | undefined {
  const {types, empty} = token;
  if (types.length === 1 && types[0] === 'plain') return undefined;
  if (types.length === 1 && !empty) return dict[types[0]];
  return Object.assign({}, ...types.map((t) => dict[t]));
}

/**
 * The properties the themes use, each carried as a short custom property per mode (`--l`/`--d` for the colour,
 * `--ls`/`--ds` for the font style, …; read by tokens.module.css). Short because every token of every block on a
 * page carries them: a chapter has a couple of thousand tokens.
 */
const CARRIED: Record<string, string> = {
  color: '',
  backgroundColor: 'b',
  fontStyle: 's',
  fontWeight: 'w',
  opacity: 'o',
  textDecorationLine: 't',
};

function carry(out: Style, prefix: 'l' | 'd', style: Style | undefined): void {
  if (!style) return;
  for (const [prop, value] of Object.entries(style)) {
    const name = CARRIED[prop];
    if (name !== undefined && value !== undefined) out[`--${prefix}${name}`] = value;
  }
}

/** Light and dark style of one token as custom properties; `empty` lines keep their height as in the stock theme. */
export function dualTokenStyle(token: Token, light: Dict, dark: Dict): CSSProperties | undefined {
  const out: Style = {};
  carry(out, 'l', tokenThemeStyle(light, token));
  carry(out, 'd', tokenThemeStyle(dark, token));
  if (token.empty) out.display = 'inline-block';
  return Object.keys(out).length ? (out as CSSProperties) : undefined;
}

/** The code area's own colours (text and background) in both modes. */
export function dualRootStyle(light: Dict, dark: Dict): CSSProperties {
  const out: Style = {};
  carry(out, 'l', light.root);
  carry(out, 'd', dark.root);
  return out as CSSProperties;
}

const NEWLINE = /\r\n|\r|\n/;

/** The number of lines of `code`, split as Prism's lines are. */
export function countLines(code: string): number {
  return code.split(NEWLINE).length;
}

/** Unhighlighted lines, shaped like tokenized ones: what a block shows while the highlighter loads (or if it cannot). */
export function plainLines(code: string): TokenLine[] {
  return code.split(NEWLINE).map((content) => (content ? [{types: ['plain'], content}] : [{types: ['plain'], content: '\n', empty: true}]));
}
