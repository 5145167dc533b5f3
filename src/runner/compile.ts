/**
 * Turning the reader's TypeScript into a function we can call, and mapping stack frames back to the
 * reader's own line and column.
 *
 * - sucrase strips the types and keeps every line where it was; columns can move where a type was
 *   removed, so its source map (one mapping per token) moves them back.
 * - The program runs as the body of a strict inner function inside a sloppy outer one whose parameters
 *   shadow the page's globals (the outer one must be sloppy: strict code may not name a parameter `eval`).
 * - transform.ts then makes the program and its functions generators, so a socket call can suspend one process;
 *   it keeps lines too, and maps its columns back the same way.
 * - `//# sourceURL=` names the code, so V8, SpiderMonkey and JavaScriptCore all print frames as
 *   `socket-lab-program.js:LINE:COL`; the wrapper's header lines are measured once with a probe.
 */
import {getFormattedTokens, transform} from 'sucrase';
import {toGenerators} from './transform';
import type {RunError} from './types';
import {wordsFor, type Words} from './words';
import {engineSyntaxError, parserSyntaxError, positionOf} from './syntaxError';

export const PROGRAM_URL = 'socket-lab-program.js';

/**
 * The Function constructor, taken when this module loads: the sealed worker (seal.ts) makes the global one and
 * every `.constructor` inert before any program runs, and only the runner keeps this one, in this closure.
 */
const CompileFunction = Function;

/**
 * Globals the reader's code must not reach, passed as undefined parameters. Socket Lab programs talk to
 * the simulator only; nothing here is needed to learn sockets.
 */
export const SHADOWED_GLOBALS = [
  'self',
  'globalThis',
  'global',
  'window',
  'document',
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'EventSource',
  'importScripts',
  'indexedDB',
  'caches',
  'localStorage',
  'sessionStorage',
  'postMessage',
  'navigator',
  'location',
  'Function',
  'eval',
  'Worker',
  'SharedWorker',
  'BroadcastChannel',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'queueMicrotask',
  'requestAnimationFrame',
  'addEventListener',
  'removeEventListener',
  'open',
  'opener',
  'parent',
  'top',
  'frames',
  'process',
  'require',
  'module',
  'exports',
] as const;

export interface SourcePosition {
  /** 1-based, in the reader's source */
  line: number;
  column: number;
}

export type Compiled =
  | {
      ok: true;
      /** call with the values of `paramNames` in order; returns the program as a generator function, ready to run */
      bind(values: unknown[]): () => Generator<unknown, unknown, unknown>;
      /** the reader's position of the topmost frame of the program in a stack trace */
      locate(stack: string | undefined): SourcePosition | null;
    }
  | {ok: false; error: RunError};

/** Compile `code` so that `paramNames` are the only names it gets besides JS's own built-ins. */
export function compile(code: string, paramNames: readonly string[], words: Words = wordsFor('en')): Compiled {
  let js: string;
  let columns: ColumnMap;
  try {
    const out = transform(code, {
      transforms: ['typescript'],
      disableESTransforms: true,
      filePath: 'program.ts',
      sourceMapOptions: {compiledFilename: PROGRAM_URL},
    });
    js = out.code;
    columns = new ColumnMap(out.sourceMap?.mappings ?? '');
  } catch (e) {
    return {ok: false, error: parserSyntaxError(code, e, words)};
  }
  const banned = importUse(js);
  if (banned) {
    return {
      ok: false,
      error: {
        name: 'ImportNotAllowed',
        message: `${banned.what} is not available in Socket Lab programs: they use only the socket functions`,
        line: banned.line,
        column: columns.originalColumn(banned.line, banned.column - 1) + 1,
      },
    };
  }

  const params = [...SHADOWED_GLOBALS, ...paramNames.filter((p) => !(SHADOWED_GLOBALS as readonly string[]).includes(p))];
  const rewritten = toGenerators(js);
  if (!rewritten.ok) {
    // acorn found what the engine would have found: let the engine say it (compiled only, never run), so the
    // reader gets the same worded, located message as before the rewrite existed (syntaxError.ts)
    try {
      new CompileFunction(...params, `return function* () {"use strict";\n${js}\n}`);
    } catch (e) {
      return {ok: false, error: engineSyntaxError(code, e, words)};
    }
    // the rewrite's own refusal (e.g. a spawned function that shares a variable): already in the reader's words
    const at = positionOf(js, rewritten.pos);
    return {
      ok: false,
      error: {name: 'SyntaxError', message: rewritten.message, line: at.line, column: columns.originalColumn(at.line, at.column - 1) + 1},
    };
  }

  let outer: (...args: unknown[]) => () => Generator<unknown, unknown, unknown>;
  try {
    outer = new CompileFunction(...params, wrapperBody(rewritten.code)) as typeof outer;
  } catch (e) {
    return {ok: false, error: engineSyntaxError(code, e, words)};
  }
  const offset = headerLines();
  const locate = (stack: string | undefined): SourcePosition | null => {
    const frame = topProgramFrame(stack);
    if (!frame) return null;
    const line = frame.line - offset;
    if (line < 1) return null;
    return {line, column: columns.originalColumn(line, rewritten.column(line, frame.column - 1)) + 1};
  };
  return {
    ok: true,
    bind(values) {
      const byName = new Map(paramNames.map((n, i) => [n, values[i]]));
      // `this` of the sloppy outer function: an inert object, never the global object
      return outer.apply(Object.freeze(Object.create(null)), params.map((p) => byName.get(p)));
    },
    locate,
  };
}

/**
 * `import(…)` or `import.meta` in the code the engine will run, found by sucrase's tokenizer (so a string, a
 * comment or a regular expression that spells them is fine): dynamic import would load code from any address,
 * outside the sealed worker. Positions are in the generated code (same lines as the reader's).
 */
export function importUse(js: string): {what: string; line: number; column: number} | null {
  const TOKEN = /^(\d+):(\d+)-\S+\s+(\S+)\s+(\S+)/;
  const rows = getFormattedTokens(js, {transforms: []}).split('\n').slice(1);
  // `o.import(…)` is a method call: an import only when not after `.` / `?.`
  let before = '';
  let prev: {raw: string; line: number; column: number; member: boolean} | null = null;
  for (const row of rows) {
    const m = TOKEN.exec(row);
    if (!m) continue;
    const [, line, column, label, raw] = m;
    if (prev && prev.raw === 'import' && !prev.member && (label === '(' || label === '.')) {
      return {what: label === '(' ? 'import()' : 'import.meta', line: prev.line, column: prev.column};
    }
    const text = label === 'import' || label === 'name' ? raw : label;
    prev = {raw: text, line: Number(line), column: Number(column), member: before === '.' || before === '?.'};
    before = text;
  }
  return null;
}

function wrapperBody(js: string): string {
  return `return function* () {"use strict";\n${js}\n}\n//# sourceURL=${PROGRAM_URL}`;
}

let cachedHeaderLines: number | null = null;

/** How many lines come before the reader's line 1 in the generated function, as the engine counts them. */
function headerLines(): number {
  if (cachedHeaderLines === null) {
    const probe = new CompileFunction('a', wrapperBody('return new Error().stack;')) as () => () => Generator<unknown, string>;
    const frame = topProgramFrame(probe()().next().value as string);
    cachedHeaderLines = frame ? frame.line - 1 : 3;
  }
  return cachedHeaderLines;
}

const FRAME = new RegExp(`${PROGRAM_URL.replace(/\./g, '\\.')}:(\\d+):(\\d+)`);

function topProgramFrame(stack: string | undefined): {line: number; column: number} | null {
  if (!stack) return null;
  for (const frameText of stack.split('\n')) {
    const m = FRAME.exec(frameText);
    if (m) return {line: Number(m[1]), column: Number(m[2])};
  }
  return null;
}

/**
 * Generated column -> original column, per line, from a source map's `mappings`. sucrase keeps lines, so
 * only columns need mapping; between two mapped tokens the offset of the earlier one applies.
 */
class ColumnMap {
  private readonly lines: Array<Array<[gen: number, orig: number]>> = [];
  constructor(mappings: string) {
    let origCol = 0;
    for (const lineText of mappings.split(';')) {
      let genCol = 0;
      const segs: Array<[number, number]> = [];
      for (const seg of lineText.split(',')) {
        if (!seg) continue;
        const v = decodeVlq(seg);
        genCol += v[0];
        if (v.length >= 4) {
          origCol += v[3];
          segs.push([genCol, origCol]);
        }
      }
      this.lines.push(segs);
    }
  }
  /** 0-based columns; line is 1-based */
  originalColumn(line: number, genCol: number): number {
    const segs = this.lines[line - 1];
    if (!segs || segs.length === 0) return genCol;
    let best: [number, number] | null = null;
    for (const s of segs) {
      if (s[0] <= genCol) best = s;
      else break;
    }
    return best ? best[1] + (genCol - best[0]) : genCol;
  }
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeVlq(seg: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of seg) {
    const digit = B64.indexOf(ch);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}
