/**
 * The sealed realm (src/runner/seal.ts), in Node: a child process seals itself as the Web Worker does and runs
 * every hostile program of ./sealed/attacks.ts, each followed by a correct program. Checked: no route reaches the
 * global object, nothing one program changes reaches the next, oversized output is cut and marked, hostile thrown
 * values are reported without running their code. (The same attacks against the site's worker: e2e/hostile.test.ts.)
 */
import {spawnSync} from 'node:child_process';
import path from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {
  CORRECT_OUTPUT,
  GLOBAL_ROUTES,
  HOSTILE_THROWS,
  OVERSIZED,
  POLLUTION,
} from './sealed/attacks';
import {MAX_CONSOLE_CHARS, MAX_CONSOLE_LINES, MAX_ERROR_CHARS, MAX_LINE_CHARS, MAX_TRACE_EVENTS} from '../../src/runner/limits';
import {KEPT_GLOBALS} from '../../src/runner/seal';
import type {ConsoleLine, RunError} from '../../src/runner/types';

interface Summary {
  status: string;
  error: RunError | null;
  console: ConsoleLine[];
  truncated: boolean;
  traceLength: number;
  traceCut: number;
}
interface Outcome {
  hostile: Summary;
  after: Summary;
}

// A microtask that never ends would hang a Node process; in the browser the worker is terminated (e2e suite).
const NODE_POLLUTION = Object.fromEntries(Object.entries(POLLUTION).filter(([name]) => name !== 'a callback left behind'));
const PROGRAMS = {...GLOBAL_ROUTES, ...NODE_POLLUTION, ...OVERSIZED, ...HOSTILE_THROWS};
const EXTRA = {
  'what is left of the global scope': `console.log([${['globalThis', 'self', 'process', 'require', 'fetch', 'setTimeout', 'queueMicrotask', 'eval', 'Function', 'WebAssembly', 'FinalizationRegistry'].map((n) => `typeof ${n}`).join(', ')}].join(' '));`,
  'override: an Error subclass and a plain object assign inherited names':
    "class E extends Error { constructor() { super('m'); this.name = 'E'; } }\nconst o = {}; o.toString = () => 'mine';\nconsole.log(new E().name, String(o));",
};
let results: Record<string, Outcome>;
let report: {kept: string[]; frozen: number};
let lateErrors: string[];

function runHarness(codes: string[], sealed = true) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'sealed/harness.ts')], {
    input: JSON.stringify(codes),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 240_000,
    env: {...process.env, SEAL: sealed ? '1' : '0'},
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as {report: typeof report; out: Outcome[]; lateErrors: string[]};
}

beforeAll(() => {
  const names = [...Object.keys(PROGRAMS), ...Object.keys(EXTRA)];
  const codes = [...Object.values(PROGRAMS), ...Object.values(EXTRA)];
  const parsed = runHarness(codes);
  report = parsed.report;
  lateErrors = parsed.lateErrors;
  results = Object.fromEntries(names.map((n, i) => [n, parsed.out[i]]));
}, 300_000);

const printed = (s: Summary) => s.console.map((l) => l.text).join('\n');

function expectNextRunCorrect(o: Outcome) {
  expect(o.after.status).toBe('ok');
  expect(printed(o.after)).toBe(CORRECT_OUTPUT);
}

describe('the attacks themselves', () => {
  it('without the seal, a callback left behind and a polluted prototype do break the next run', () => {
    const unsealed = runHarness(
      [GLOBAL_ROUTES['the Function constructor from a callback after the run'], POLLUTION['String.prototype.split']],
      false,
    );
    for (const o of unsealed.out) expect(printed(o.after)).not.toBe(CORRECT_OUTPUT);
  }, 60_000);
});

describe('sealing the realm', () => {
  it('leaves no global a socket program does not need; the Function constructors are inert', () => {
    expect(report.kept).toEqual([]);
    expect(printed(results['what is left of the global scope'].hostile)).toBe(
      // globalThis … FinalizationRegistry: only Function stays (inert), the rest are gone
      'undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined undefined',
    );
  });

  it('keeps ordinary assignment working on frozen intrinsics (the override mistake)', () => {
    const o = results['override: an Error subclass and a plain object assign inherited names'];
    expect(o.hostile.status).toBe('ok');
    expect(printed(o.hostile)).toBe('E mine');
  });

  it.each(Object.keys(GLOBAL_ROUTES))('route to the global object: %s — contained, and the next run is correct', (name) => {
    const o = results[name];
    expect(printed(o.hostile)).not.toContain('ESCAPED');
    if (name.startsWith('import')) {
      expect(o.hostile).toMatchObject({status: 'syntax-error', error: {name: 'ImportNotAllowed', line: 1}});
    }
    expectNextRunCorrect(o);
  });

  it.each(Object.keys(NODE_POLLUTION))('pollution of %s fails or stays in its run; the next run is correct', (name) => {
    const o = results[name];
    expectNextRunCorrect(o);
  });

  it('a callback left behind finds every call closed after the run', () => {
    expect(printed(results['an async function left behind'].hostile)).not.toContain('late');
    expect(lateErrors).toContain('RunOver');
  });

  it('a 100 MB console string is cut to one line of the line limit, marked with how much was cut', () => {
    const o = results['a 100 MB console string'];
    expect(o.hostile.console).toHaveLength(1);
    expect(o.hostile.console[0].text).toHaveLength(MAX_LINE_CHARS);
    expect(o.hostile.console[0].cut).toBe(100 * 1024 * 1024 - MAX_LINE_CHARS);
    expectNextRunCorrect(o);
  });

  it('a 50 MB error message is cut to the error limit, marked', () => {
    const o = results['a 50 MB error message'];
    expect(o.hostile.status).toBe('error');
    expect(o.hostile.error!.message).toHaveLength(MAX_ERROR_CHARS);
    expect(o.hostile.error!.cut).toBe(50 * 1024 * 1024 - MAX_ERROR_CHARS);
    expect(o.hostile.error!.line).toBe(1);
    expectNextRunCorrect(o);
  });

  it('1,000 lines of 100k characters stop at the total console limit, marked as cut', () => {
    const o = results['1,000 lines of 100k characters'];
    const total = o.hostile.console.reduce((n, l) => n + l.text.length, 0);
    expect(total).toBe(MAX_CONSOLE_CHARS);
    expect(o.hostile.console.every((l) => l.text.length <= MAX_LINE_CHARS && l.cut! > 0)).toBe(true);
    expect(o.hostile.truncated).toBe(true);
  });

  it('more lines than kept: the first are kept and the output is marked as cut', () => {
    const o = results['more lines than kept'];
    expect(o.hostile.console).toHaveLength(MAX_CONSOLE_LINES);
    expect(o.hostile.truncated).toBe(true);
  });

  it('a huge thrown string is reported as a thrown value, cut', () => {
    const o = results['a huge thrown string'];
    expect(o.hostile.error).toMatchObject({name: 'ThrownValue'});
    expect(o.hostile.error!.message.length).toBe(MAX_ERROR_CHARS);
  });

  it('many trace events: the trace keeps a prefix of the limit and says how many were left out', () => {
    const o = results['many trace events'];
    expect(o.hostile.traceLength).toBe(MAX_TRACE_EVENTS);
    expect(o.hostile.traceCut).toBeGreaterThan(0);
    expectNextRunCorrect(o);
  });

  it.each(Object.keys(HOSTILE_THROWS))('a hostile thrown value (%s) is reported, not obeyed', (name) => {
    const o = results[name];
    expect(o.hostile.status).toBe('error');
    expect(o.hostile.error!.message.length).toBeLessThanOrEqual(MAX_ERROR_CHARS);
    expectNextRunCorrect(o);
  });

  it('an Error subclass keeps its own name and message', () => {
    expect(results['an Error subclass naming itself'].hostile.error).toMatchObject({name: 'Mine', message: 'mine', line: 2});
  });

  it('the list of kept globals holds nothing that reaches the network, storage or other code', () => {
    const risky = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts', 'Worker', 'SharedWorker', 'indexedDB', 'caches', 'BroadcastChannel', 'navigator', 'postMessage', 'setTimeout', 'queueMicrotask', 'eval', 'WebAssembly', 'FinalizationRegistry', 'WeakRef'];
    expect(KEPT_GLOBALS.filter((n) => risky.includes(n))).toEqual([]);
  });
});
