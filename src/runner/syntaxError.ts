/**
 * A program that does not parse, explained in the reader's language (words.ts) at the reader's line and column.
 *
 * Two things find syntax errors: sucrase while stripping the types (it says where, as an offset) and the engine when
 * it compiles the result (V8 does not say where for `new Function`). Both word them in English and for people who
 * know parsers ("Unexpected token", "Invalid or unexpected token"). Here the known kinds are recognised from that
 * text, located in the reader's code where the engine did not say (a small tokenizer below: strings, templates,
 * comments, regular expressions, words, numbers, punctuation) and worded for a learner. The parser's or engine's own
 * text stays in `RunError.engine`, which the page shows as such, secondary.
 */
import type {RunError} from './types';
import type {SyntaxWords, Words} from './words';
import {MAX_ERROR_CHARS} from './limits';

interface Token {
  kind: 'word' | 'num' | 'punct' | 'str' | 'template' | 'regex' | 'comment' | 'char';
  text: string;
  pos: number;
  /** a string, template, comment or regular expression that never ends */
  open?: boolean;
  /** a regular expression's body and flags */
  body?: string;
  flags?: string;
}

const ID_START = /[\p{ID_Start}$_\\]/u;
const ID_PART = /[\p{ID_Continue}$\u200c\u200d\\]/u;
const SPACE = /[\s\ufeff]/u;
const PUNCT = '{}()[];,<>+-*/%&|^!~?:=.@';
const CLOSERS: Record<string, string> = {'(': ')', '[': ']', '{': '}'};
/** after these words a `/` starts a regular expression, as after an operator */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);
/** words that can never name a variable in a Socket Lab program (strict mode code) */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let',
  'package', 'private', 'protected', 'public', 'static', 'yield', 'await',
]);
const DECLARES = new Set(['let', 'const', 'var', 'function', 'class']);

/** The code as tokens, far enough to find brackets, strings and stray characters; brackets of `${` are punct '{'. */
function tokenize(code: string): Token[] {
  const out: Token[] = [];
  /** open brackets; `template` marks the `{` of a `${` */
  const stack: boolean[] = [];
  let i = 0;
  const prevAllowsRegex = () => {
    const p = out[out.length - 1];
    if (!p) return true;
    if (p.kind === 'punct') return !(p.text === ')' || p.text === ']');
    if (p.kind === 'word') return BEFORE_EXPRESSION.has(p.text);
    return false;
  };
  /** template text from `i` (just after ` or the } closing a ${…}) to its end or the next ${ */
  const templateText = (start: number) => {
    for (; i < code.length; i++) {
      if (code[i] === '\\') i++;
      else if (code[i] === '`') {
        i++;
        out.push({kind: 'template', text: code.slice(start, i), pos: start});
        return;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        out.push({kind: 'template', text: code.slice(start, i), pos: start});
        out.push({kind: 'punct', text: '{', pos: i + 1});
        stack.push(true);
        i += 2;
        return;
      }
    }
    out.push({kind: 'template', text: code.slice(start), pos: start, open: true});
  };
  while (i < code.length) {
    const c = code[i];
    const start = i;
    if (SPACE.test(c)) {
      i++;
    } else if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && code[i + 1] === '*') {
      const close = code.indexOf('*/', i + 2);
      i = close < 0 ? code.length : close + 2;
      out.push({kind: 'comment', text: code.slice(start, i), pos: start, open: close < 0});
    } else if (c === '/' && prevAllowsRegex()) {
      let inClass = false;
      let closed = false;
      for (i++; i < code.length && code[i] !== '\n'; i++) {
        if (code[i] === '\\') i++;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
        else if (code[i] === '/' && !inClass) {
          closed = true;
          break;
        }
      }
      const bodyEnd = i;
      if (closed) i++;
      const flagsStart = i;
      while (closed && i < code.length && ID_PART.test(code[i])) i++;
      out.push({kind: 'regex', text: code.slice(start, i), pos: start, open: !closed, body: code.slice(start + 1, bodyEnd), flags: code.slice(flagsStart, i)});
    } else if (c === "'" || c === '"') {
      for (i++; i < code.length && code[i] !== c && code[i] !== '\n'; i++) if (code[i] === '\\') i++;
      const open = code[i] !== c;
      if (!open) i++;
      out.push({kind: 'str', text: code.slice(start, i), pos: start, open});
    } else if (c === '`') {
      i++;
      templateText(start);
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] ?? ''))) {
      for (i++; i < code.length; i++) {
        if ((code[i] === '+' || code[i] === '-') && /[eE]/.test(code[i - 1]) && !/^0[xX]/.test(code.slice(start, i))) continue;
        if (!/[\p{ID_Continue}.]/u.test(code[i])) break;
      }
      out.push({kind: 'num', text: code.slice(start, i), pos: start});
    } else if (ID_START.test(c) || (c === '#' && ID_START.test(code[i + 1] ?? ''))) {
      for (i++; i < code.length && ID_PART.test(code[i]); i++);
      out.push({kind: 'word', text: code.slice(start, i), pos: start});
    } else if (c === '}' && stack.length > 0 && stack[stack.length - 1]) {
      stack.pop();
      out.push({kind: 'punct', text: '}', pos: i});
      i++;
      templateText(i);
    } else if (PUNCT.includes(c)) {
      if (c in CLOSERS) stack.push(false);
      else if (c === ')' || c === ']' || c === '}') stack.pop();
      out.push({kind: 'punct', text: c, pos: i});
      i++;
    } else {
      const ch = String.fromCodePoint(code.codePointAt(i)!);
      out.push({kind: 'char', text: ch, pos: i});
      i += ch.length;
    }
  }
  return out;
}

type Brackets = {unclosed: Token | null; stray: Token | null};

/** The innermost bracket still open at the end, or the first closer that closes nothing (`stray`). */
function brackets(tokens: Token[]): Brackets {
  const stack: Token[] = [];
  for (const t of tokens) {
    if (t.kind !== 'punct') continue;
    if (t.text in CLOSERS) stack.push(t);
    else if (t.text === ')' || t.text === ']' || t.text === '}') {
      const top = stack.pop();
      if (!top) return {unclosed: null, stray: t};
      // a mismatch (`(]`): the parser's own message is right about where
      if (CLOSERS[top.text] !== t.text) return {unclosed: null, stray: null};
    }
  }
  return {unclosed: stack[stack.length - 1] ?? null, stray: null};
}

export interface SourcePoint {
  line: number;
  column: number;
}

export function positionOf(code: string, pos: number): SourcePoint {
  const before = code.slice(0, pos);
  const line = before.split('\n').length;
  return {line, column: pos - (before.lastIndexOf('\n') + 1) + 1};
}

/** A character no JavaScript token may start with, worded for what it probably is. */
function strayCharText(w: SyntaxWords, ch: string): string {
  if ('‘’‚‛′'.includes(ch)) return w.smartQuote(ch, "'");
  if ('“”„‟″'.includes(ch)) return w.smartQuote(ch, '"');
  if ('–—−‒'.includes(ch)) return w.smartDash(ch);
  if (ch === '…') return w.smartEllipsis(ch);
  // a Korean input method's full-width forms: （ ） ； ， ＝ …
  const narrow = ch.normalize('NFKC');
  if (narrow !== ch && narrow.length === 1 && narrow.charCodeAt(0) < 0x7f) return w.fullWidth(ch, narrow);
  return w.invalidChar(ch, `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The token at offset `pos` (or the first after it). */
function tokenAt(tokens: Token[], pos: number): Token | null {
  return tokens.find((t) => t.pos + t.text.length > pos && t.kind !== 'comment') ?? null;
}

function shown(t: Token): string {
  return t.text.length > 20 ? `${t.text.slice(0, 20)}…` : t.text;
}

interface Explained {
  message: string;
  pos?: number;
}

function cleanParserMessage(e: unknown): string {
  const err = e as {message?: string};
  return String(err?.message ?? e)
    .replace(/^Error transforming [^:]*:\s*/, '')
    .replace(/\s*\(\d+:\d+\)\s*$/, '');
}

/** A numeric literal JavaScript accepts (a number token that is not one has a letter stuck to it: `1a`, `1.5n`). */
const NUMBER = /^(0[xX][\da-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|\d[\d_]*n|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?)$/;

/** The first token that cannot start any JavaScript token, or an unterminated string (both: "Invalid or unexpected token"). */
function firstInvalid(tokens: Token[], w: SyntaxWords): Explained | null {
  for (const t of tokens) {
    if (t.kind === 'char') return {message: strayCharText(w, t.text), pos: t.pos};
    if (t.kind === 'str' && t.open) return {message: w.unterminatedString(t.text[0]), pos: t.pos};
    if (t.kind === 'num' && !NUMBER.test(t.text)) return {message: w.invalidNumber(shown(t)), pos: t.pos};
  }
  return null;
}

/** What sucrase (the type-stripping parser) said, in the reader's words, where it said it. */
export function parserSyntaxError(code: string, e: unknown, words: Words): RunError {
  const w = words.syntax;
  const engine = cleanParserMessage(e);
  const pos = typeof (e as {pos?: unknown})?.pos === 'number' ? ((e as {pos: number}).pos as number) : undefined;
  const tokens = tokenize(code);
  const end = code.trimEnd().length;
  const {unclosed, stray} = brackets(tokens);
  // sucrase backtracks over an arrow function or a call whose closing bracket never comes and then blames the wrong
  // token; an unclosed bracket is the usual cause, so say that, at the end of the code.
  if (unclosed && (pos === undefined || pos >= end || pos <= unclosed.pos)) {
    return finish(code, {message: words.unclosed(unclosed.text, positionOf(code, unclosed.pos).line), pos: end}, engine);
  }
  return finish(code, explainParser(code, engine, pos, tokens, stray, w) ?? {message: w.generic(), pos}, engine);
}

function explainParser(code: string, text: string, pos: number | undefined, tokens: Token[], stray: Token | null, w: SyntaxWords): Explained | null {
  if (/^Unterminated string/i.test(text)) return {message: w.unterminatedString(pos !== undefined ? code[pos] : "'"), pos};
  if (/^Unterminated template/i.test(text)) return {message: w.unterminatedTemplate(), pos};
  if (/^Unterminated comment/i.test(text)) return {message: w.unterminatedComment(), pos};
  if (/^Unterminated regexp|^Unterminated regular expression/i.test(text)) return {message: w.unterminatedRegex(), pos};
  if (pos === undefined) return null;
  if (pos >= code.trimEnd().length) return {message: w.unexpectedEnd(), pos};
  const at = tokenAt(tokens, pos);
  if (!at) return {message: w.unexpectedEnd(), pos};
  if (at.kind === 'char') return {message: strayCharText(w, at.text), pos: at.pos};
  if (stray && stray.pos === at.pos) return {message: w.strayCloser(at.text), pos};
  const expected = /^Unexpected token, expected "(.+)"$/.exec(text);
  if (expected) return {message: w.expected(expected[1], shown(at)), pos};
  if (/^Unexpected (token|keyword)/.test(text)) {
    const prev = tokens[tokens.indexOf(at) - 1];
    if (at.kind === 'word' && RESERVED.has(at.text) && prev?.kind === 'word' && DECLARES.has(prev.text)) {
      return {message: w.reservedWord(at.text), pos};
    }
    if (at.kind === 'num' && prev?.kind === 'word' && DECLARES.has(prev.text)) return {message: w.nameStartsWithDigit(shown(at)), pos};
    return {message: w.unexpectedToken(shown(at)), pos};
  }
  return null;
}

/** What the engine said when compiling (it passed sucrase), in the reader's words, located where we can. */
export function engineSyntaxError(code: string, e: unknown, words: Words): RunError {
  const w = words.syntax;
  const err = e as Error;
  const engine = String(err?.message ?? e);
  if (err?.name && err.name !== 'SyntaxError') {
    // not a syntax error (an engine limit, a runner bug): the engine's words, as a runtime error would be
    return {name: err.name, message: engine.slice(0, MAX_ERROR_CHARS)};
  }
  const tokens = tokenize(code);
  return finish(code, explainEngine(code, engine, tokens, w) ?? {message: w.generic()}, engine);
}

/** Engines' texts: V8 first (Chromium, Node), with Firefox's and Safari's where they differ. */
function explainEngine(code: string, text: string, tokens: Token[], w: SyntaxWords): Explained | null {
  const words = tokens.filter((t) => t.kind === 'word');
  const firstWord = (...names: string[]) => words.find((t) => names.includes(t.text))?.pos;
  if (/Invalid or unexpected token|illegal character|Invalid character|unterminated string literal|Unexpected EOF/i.test(text)) {
    return firstInvalid(tokens, w) ?? (/unterminated string|EOF/i.test(text) ? {message: w.unexpectedEnd()} : null);
  }
  const regex = /^Invalid regular expression: (\/.*\/[a-z]*): /s.exec(text);
  if (regex || /regular expression/i.test(text)) {
    const flagsOnly = /flag/i.test(text) && !regex;
    for (const t of tokens) {
      if (t.kind !== 'regex' || t.open) continue;
      try {
        new RegExp(t.body!, t.flags);
      } catch {
        return {message: flagsOnly ? w.badRegexFlags(t.flags!) : w.badRegex(shown(t)), pos: t.pos};
      }
    }
    return {message: flagsOnly ? w.badRegexFlags('') : w.badRegex(regex ? regex[1].slice(0, 20) : '/…/')};
  }
  const redeclared =
    /Identifier '([^']+)' has already been declared/.exec(text) ??
    /redeclaration of (?:let|const|var|class|function) (\S+)/.exec(text) ??
    /Cannot declare a (?:let|const) variable twice: '([^']+)'/.exec(text);
  if (redeclared) {
    const name = redeclared[1];
    const declared = words.filter((t, k) => t.text === name && k > 0 && DECLARES.has(tokens[tokens.indexOf(t) - 1]?.text ?? ''));
    return {message: w.redeclared(name), pos: declared[1]?.pos};
  }
  if (/Missing initializer in const|missing = in const/i.test(text)) {
    const k = tokens.findIndex((t, j) => t.text === 'const' && tokens[j + 2] && tokens[j + 2].text !== '=' && tokens[j + 2].text !== ':' && tokens[j + 1]?.kind === 'word');
    return {message: w.constInit(), pos: k >= 0 ? tokens[k + 1].pos : undefined};
  }
  if (/Octal|leading zeros/i.test(text)) {
    return {message: w.legacyOctal(), pos: tokens.find((t) => t.kind === 'num' && /^0\d/.test(t.text))?.pos};
  }
  if (/await is only valid|await is (a reserved|not)|Unexpected identifier 'await'|'await' is/i.test(text)) {
    return {message: w.awaitOutsideAsync(), pos: firstWord('await')};
  }
  if (/reserved word|reserved identifier/i.test(text)) {
    const word = words.find((t) => RESERVED.has(t.text) && DECLARES.has(tokens[tokens.indexOf(t) - 1]?.text ?? ''));
    return word ? {message: w.reservedWord(word.text), pos: word.pos} : {message: w.reservedWord(/'(\w+)'/.exec(text)?.[1] ?? '')};
  }
  const misplaced = /Illegal (break|continue|return)|(break|continue) must be inside|unlabeled (break|continue) must be inside/i.exec(text);
  if (misplaced) {
    const word = (misplaced[1] ?? misplaced[2] ?? misplaced[3]).toLowerCase();
    const hits = words.filter((t) => t.text === word);
    return {message: w.misplaced(word), pos: hits.length === 1 ? hits[0].pos : undefined};
  }
  if (/left-hand side/i.test(text)) return {message: w.assignTarget()};
  if (/Delete of an unqualified identifier|applying the 'delete' operator to an unqualified name/i.test(text)) {
    return {message: w.strictDelete(), pos: firstWord('delete')};
  }
  if (/Duplicate parameter name|duplicate argument names/i.test(text)) return {message: w.duplicateParam()};
  if (/Unexpected end of input|end of script/i.test(text)) return {message: w.unexpectedEnd(), pos: code.trimEnd().length};
  return null;
}

function finish(code: string, explained: Explained, engine: string): RunError {
  const out: RunError = {name: 'SyntaxError', message: explained.message.slice(0, MAX_ERROR_CHARS)};
  if (explained.pos !== undefined) Object.assign(out, positionOf(code, explained.pos));
  if (engine && engine !== out.message) out.engine = engine.slice(0, MAX_ERROR_CHARS);
  return out;
}
