/**
 * Phone keyboards "improve" punctuation as the reader types: iOS Smart Punctuation and some Android keyboards turn
 * ' and " into curly quotes (‘ ’ “ ”), -- into a dash (—) and ... into one character (…). In code these break the
 * program with a syntax error whose cause the reader cannot see, since ‘ and ' look almost alike.
 *
 * This module finds such characters where code is (never inside a string, template text, regular expression or
 * comment the reader wrote: console.log('“hi”') must still print “hi”) and puts back what the reader meant:
 * - a curly-quoted string in code position (‘…’, “…”, or a straight quote closed by a curly one) becomes a straight one;
 * - a dash becomes `--` where an increment operator stands (i—, —i) and `-` between two operands (a – b);
 * - … becomes `...`.
 * Pure and line-preserving (nothing here adds or removes a newline), so line numbers stay the reader's; columns move
 * where one character became two or three, and `typedColumn` maps them back.
 */

export type SmartKind = 'single-quote' | 'double-quote' | 'dash' | 'ellipsis';

export const SINGLE_QUOTES = '‘’‚‛′';
export const DOUBLE_QUOTES = '“”„‟″';
export const DASHES = '–—−‒';
export const ELLIPSIS = '…';

export function smartKind(ch: string): SmartKind | null {
  if (SINGLE_QUOTES.includes(ch)) return 'single-quote';
  if (DOUBLE_QUOTES.includes(ch)) return 'double-quote';
  if (DASHES.includes(ch)) return 'dash';
  if (ch === ELLIPSIS) return 'ellipsis';
  return null;
}

/** One replacement in the reader's code: `from` at offset `index` (1-based line and column) became `to`. */
export interface PunctuationChange {
  index: number;
  line: number;
  column: number;
  from: string;
  to: string;
  kind: SmartKind;
}

/** A smart character standing where code is, found by `scan`. */
export interface StraySmart {
  index: number;
  line: number;
  column: number;
  char: string;
  kind: SmartKind;
}

export interface Straightened {
  /** the code to run */
  code: string;
  /** what changed, in source order (empty: `code` is the reader's code as typed) */
  changes: PunctuationChange[];
}

const IDENT_PART = /[\p{L}\p{N}_$\u200c\u200d]/u;
const IDENT_START = /[\p{L}_$]/u;
/** after these words a `/` starts a regular expression, as after an operator */
const KEYWORDS_BEFORE_EXPRESSION = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

type Prev = 'start' | 'operand' | 'operator';

/**
 * Walks the code as a JavaScript tokenizer would at the level that matters here: strings, template literals (with
 * `${…}` nested to any depth), comments, regular expressions (a `/` where an expression may start), words and
 * punctuation. Every smart character in code position becomes a change (what the reader meant), except a curly quote
 * that closes nothing on its line: that one is left as a stray for the syntax error to name.
 */
function walk(code: string, out: {changes: PunctuationChange[]; strays: StraySmart[]}): void {
  const lineStarts = [0];
  for (let k = 0; k < code.length; k++) if (code[k] === '\n') lineStarts.push(k + 1);
  const where = (index: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= index) lo = mid;
      else hi = mid - 1;
    }
    return {line: lo + 1, column: index - lineStarts[lo] + 1};
  };
  const change = (index: number, from: string, to: string, kind: PunctuationChange['kind']) =>
    out.changes.push({index, ...where(index), from, to, kind});
  const stray = (index: number, kind: SmartKind) => out.strays.push({index, ...where(index), char: code[index], kind});

  let i = 0;
  let prev: Prev = 'start';
  let lastWord = '';
  /** open `${` of template literals: the brace depth inside each, innermost last */
  const templates: number[] = [];

  const lineEnd = (from: number) => {
    const nl = code.indexOf('\n', from);
    return nl === -1 ? code.length : nl;
  };

  /** Template text from i (just after ` or the } closing a `${`): to the closing ` (consumed) or a `${` (consumed). */
  const templateText = () => {
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '\\') i++;
      else if (c === '`') {
        i++;
        prev = 'operand';
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        templates.push(0);
        i += 2;
        prev = 'start';
        return;
      }
    }
  };

  /**
   * A string opened at i by `open` (straight or curly). A curly-opened string closes at the next quote of the same
   * kind, straight or curly, on its line (a phone keyboard makes every quote curly, so a straight one there is the
   * author's code meeting the reader's typing: ‘a' + 'b’ is 'a' + 'b'); ’ between two letters is an apostrophe
   * (it’s), not a closer. A straight-opened string closes at its straight quote and keeps any curly ones as text,
   * unless it would otherwise run off the end of its line (the phone turned only the closing quote): then its last
   * curly quote of the same kind closes it.
   */
  const quoted = (open: string) => {
    const start = i;
    const single = open === "'" || SINGLE_QUOTES.includes(open);
    const straight = single ? "'" : '"';
    const curlySet = single ? SINGLE_QUOTES : DOUBLE_QUOTES;
    const curlyOpen = open !== straight;
    const end = lineEnd(start + 1);
    let close = -1;
    let lastCurly = -1;
    for (let k = start + 1; k < end; k++) {
      const c = code[k];
      if (c === '\\') {
        k++;
        continue;
      }
      if (c === straight) {
        close = k;
        break;
      }
      if (curlySet.includes(c)) {
        const apostrophe = single && c === '’' && IDENT_PART.test(code[k - 1] ?? '') && IDENT_PART.test(code[k + 1] ?? '');
        if (apostrophe) continue;
        if (curlyOpen) {
          close = k;
          break;
        }
        lastCurly = k;
      }
    }
    if (!curlyOpen && close === -1 && lastCurly !== -1) close = lastCurly;
    if (close === -1) {
      // never closed on its line: an unclosed straight string is the parser's to report; a lone curly quote is a stray
      if (curlyOpen) {
        stray(start, single ? 'single-quote' : 'double-quote');
        i = start + 1;
        prev = 'operand';
      } else {
        i = end;
        prev = 'operand';
      }
      return;
    }
    const kind: SmartKind = single ? 'single-quote' : 'double-quote';
    if (curlyOpen) change(start, open, straight, kind);
    if (code[close] !== straight) change(close, code[close], straight, kind);
    i = close + 1;
    prev = 'operand';
  };

  /** The next character that is not a space or tab, from `from`. */
  const nextSolid = (from: number) => {
    let k = from;
    while (k < code.length && (code[k] === ' ' || code[k] === '\t')) k++;
    return code[k] ?? '';
  };
  const startsOperand = (c: string) => c !== '' && (IDENT_START.test(c) || /[0-9("'`[!~.]/.test(c) || smartKind(c)?.endsWith('quote'));

  const dash = (c: string) => {
    const next = nextSolid(i + 1);
    let to: string;
    if (prev === 'operand') to = startsOperand(next) ? '-' : '--';
    else to = c === '—' && IDENT_START.test(code[i + 1] ?? '') ? '--' : '-';
    change(i, c, to, 'dash');
    // i-- leaves an operand behind; a binary or prefix minus leaves room for one
    prev = prev === 'operand' && to === '--' ? 'operand' : 'operator';
    i++;
  };

  while (i < code.length) {
    const c = code[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\ufeff') {
      i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '/') {
      i = lineEnd(i);
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      i = close === -1 ? code.length : close + 2;
      continue;
    }
    if (c === '/' && (prev !== 'operand' || KEYWORDS_BEFORE_EXPRESSION.has(lastWord))) {
      let inClass = false;
      const end = lineEnd(i);
      for (i++; i < end; i++) {
        if (code[i] === '\\') i++;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
        else if (code[i] === '/' && !inClass) break;
      }
      i++;
      while (i < code.length && IDENT_PART.test(code[i])) i++;
      prev = 'operand';
      lastWord = '';
      continue;
    }
    if (c === "'" || c === '"' || SINGLE_QUOTES.includes(c) || DOUBLE_QUOTES.includes(c)) {
      quoted(c);
      lastWord = '';
      continue;
    }
    if (c === '`') {
      i++;
      templateText();
      lastWord = '';
      continue;
    }
    if (c === '{' && templates.length > 0) {
      templates[templates.length - 1]++;
    } else if (c === '}' && templates.length > 0) {
      if (templates[templates.length - 1] === 0) {
        templates.pop();
        i++;
        templateText();
        lastWord = '';
        continue;
      }
      templates[templates.length - 1]--;
    }
    if (DASHES.includes(c)) {
      dash(c);
      lastWord = '';
      continue;
    }
    if (c === ELLIPSIS) {
      change(i, c, '...', 'ellipsis');
      i++;
      prev = 'operator';
      lastWord = '';
      continue;
    }
    if (IDENT_PART.test(c)) {
      const start = i;
      while (i < code.length && IDENT_PART.test(code[i])) i++;
      lastWord = code.slice(start, i);
      prev = KEYWORDS_BEFORE_EXPRESSION.has(lastWord) ? 'operator' : 'operand';
      continue;
    }
    lastWord = '';
    if ((c === '+' || c === '-') && code[i + 1] === c) {
      // x++ / x-- leave the operand standing; ++x / --x wait for one
      i += 2;
      continue;
    }
    // other punctuation: `)` and `]` end an operand, everything else leaves room for one
    prev = c === ')' || c === ']' ? 'operand' : 'operator';
    i++;
  }
}

/** The reader's code with the smart punctuation in code positions put back, and a list of what changed. */
export function straighten(code: string): Straightened {
  const out = {changes: [] as PunctuationChange[], strays: [] as StraySmart[]};
  walk(code, out);
  if (out.changes.length === 0) return {code, changes: []};
  const changes = out.changes.sort((a, b) => a.index - b.index);
  let text = '';
  let at = 0;
  for (const ch of changes) {
    text += code.slice(at, ch.index) + ch.to;
    at = ch.index + ch.from.length;
  }
  return {code: text + code.slice(at), changes};
}

/**
 * Every smart character standing where code is, whether `straighten` would put it back or not: none of them is valid
 * JavaScript there, so the first one is what a syntax error at or after it is about.
 */
export function straySmartPunctuation(code: string): StraySmart[] {
  const out = {changes: [] as PunctuationChange[], strays: [] as StraySmart[]};
  walk(code, out);
  const converted = out.changes.map(
    (ch): StraySmart => ({index: ch.index, line: ch.line, column: ch.column, char: ch.from, kind: ch.kind}),
  );
  return [...converted, ...out.strays].sort((a, b) => a.index - b.index);
}

/**
 * The reader's column for a column of the converted code on the same line (both 1-based): each change before it on
 * that line moved it by the difference in length.
 */
export function typedColumn(changes: readonly PunctuationChange[], line: number, column: number): number {
  let shift = 0;
  for (const ch of changes) {
    if (ch.line !== line) continue;
    const convertedColumn = ch.column + shift;
    if (convertedColumn >= column) break;
    const grew = ch.to.length - ch.from.length;
    // a column inside the replacement (the second `-` of `--`) is the smart character itself
    if (column < convertedColumn + ch.to.length) return ch.column;
    shift += grew;
  }
  return column - shift;
}
