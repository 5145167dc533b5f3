/**
 * The Web Worker that runs readers' programs, so an endless loop freezes this worker and not the page
 * (client.ts stops it after 2 s). One message in, one message out; see ToWorker/FromWorker in types.ts.
 */
import {runInProcess} from './run';
import type {FromWorker, RunResult, ToWorker} from './types';

/** The parts of DedicatedWorkerGlobalScope we use (the project's TS lib is the DOM one). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'run') return;
  let result: RunResult;
  try {
    result = runInProcess(msg.request);
  } catch (e) {
    // runInProcess reports the program's own failures in the result; this is a fault of the runner or simulator
    result = {
      status: 'error',
      error: {name: (e as Error)?.name ?? 'Error', message: `the runner failed: ${(e as Error)?.message ?? String(e)}`},
      console: [],
      truncated: false,
      trace: [],
      calls: [],
      endTime: 0,
    };
  }
  scope.postMessage({type: 'result', id: msg.id, result});
};

scope.postMessage({type: 'ready'});
