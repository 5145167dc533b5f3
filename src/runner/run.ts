/**
 * runInProcess: run a reader's program against a fresh simulated world, synchronously, in this thread.
 * Used directly by tests, and inside the Web Worker (worker.ts) in the browser.
 */
import {World} from '../sim';
import {runProgram} from './program';
import type {RunRequest, RunResult} from './types';

export function runInProcess(req: RunRequest): RunResult {
  return runProgram(req, (options) => new World(options));
}
