/**
 * Child process for test/runner/seal.test.ts: seals this process's realm the way worker.ts seals the Web Worker,
 * then runs each program of the JSON array on stdin through runInProcess, each followed by a correct program, and
 * prints one JSON line of what happened. Everything it needs (stdout, stdin, the runner) is taken before sealing.
 */
import {readFileSync, writeSync} from 'node:fs';
import {runInProcess} from '../../../src/runner/run';
import {seal} from '../../../src/runner/seal';
import type {RunResult} from '../../../src/runner/types';

const programs = JSON.parse(readFileSync(0, 'utf8')) as string[];
const encoder = new TextEncoder();
/** all of it: a pipe takes a large write in parts */
const write = (text: string) => {
  const bytes = encoder.encode(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(1, bytes, done);
    } catch {
      /* EAGAIN: the reader has not caught up yet */
    }
  }
};
const stringify = JSON.stringify;
const lateErrors: string[] = [];
process.on('unhandledRejection', (e) => {
  lateErrors.push(String((e as Error)?.name ?? 'unknown'));
});
import {CORRECT_PROGRAM as CORRECT} from './attacks';

const proc = process;
const immediate = setImmediate;
const nextTask = () => new Promise<void>((resolve) => immediate(() => resolve()));
const onExit = (fn: () => void) => proc.on('exit', fn);
const summary = (r: RunResult) => ({
  status: r.status,
  error: r.error ?? null,
  console: r.console,
  truncated: r.truncated,
  traceLength: r.trace.length,
  traceCut: r.traceCut ?? 0,
});

// SEAL=0 runs the same programs unsealed: how test/runner/seal.test.ts shows its attacks do escape without it
const report = process.env.SEAL === '0' ? {kept: [], frozen: 0} : seal(globalThis);
const out: unknown[] = [];
void (async () => {
  for (const code of programs) {
    let hostile: unknown;
    try {
      hostile = summary(runInProcess({code}));
    } catch (e) {
      hostile = {runnerThrew: String(e)};
    }
    // callbacks the program left behind run before the next program, as they would between two Runs
    await nextTask();
    const after = summary(runInProcess({code: CORRECT}));
    out.push({hostile, after});
  }
})();
// callbacks a program left behind run after this; what they did is reported when the process ends
onExit(() => write(stringify({report, out, lateErrors}) + '\n'));
