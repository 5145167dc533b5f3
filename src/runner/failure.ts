/**
 * The one constructor of a result for a run that produced nothing: the runner failed, was stopped at 2 s, or
 * was cancelled. Used by the worker, the page's client and every part of the page that runs programs.
 */
import type {RunError, RunResult, RunStatus, RunnerFaultKind} from './types';

export function failedResult(status: RunStatus, error: RunError): RunResult {
  return {status, error, console: [], truncated: false, trace: [], calls: [], endTime: 0};
}

/** The runner's own failure; `detail` is for developers (the page words the fault in the reader's language). */
export function runnerFault(fault: RunnerFaultKind, detail: string): RunResult {
  return failedResult('error', {name: 'RunnerFault', fault, message: detail.slice(0, 500)});
}
