/**
 * The Web Worker that runs one reader's program, so an endless loop freezes this worker and not the page
 * (client.ts stops it after 2 s). The page starts a fresh worker for every run (nothing a program did can
 * reach the next one) and discards it after the result; see ToWorker/FromWorker in types.ts.
 *
 * Before saying "ready", the worker seals itself (seal.ts): the message plumbing it needs is kept in this
 * module's closure, every other global a program could misuse is gone, the intrinsics are frozen and the
 * Function constructors are inert. If sealing fails the worker never says "ready", so no program runs unsealed.
 */
import {runInProcess} from './run';
import {runnerFault} from './failure';
import {seal} from './seal';
import {thrownString} from './thrown';
import type {FromWorker, RunResult, ToWorker} from './types';

/** The parts of DedicatedWorkerGlobalScope we use (the project's TS lib is the DOM one). */
interface WorkerScope {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
  close(): void;
}

const scope = self as unknown as WorkerScope;
const post = scope.postMessage.bind(scope);
const close = scope.close.bind(scope);
let used = false;

scope.addEventListener('message', (event) => {
  const msg = event.data;
  if (used || !msg || msg.type !== 'run') return;
  used = true;
  let result: RunResult;
  try {
    result = runInProcess(msg.request);
  } catch (e) {
    // runInProcess reports the program's own failures in the result; this is a fault of the runner or simulator
    result = runnerFault('crash', `runInProcess threw: ${thrownString(e, 'message') ?? 'a non-error'}`);
  }
  try {
    post({type: 'result', id: msg.id, result});
  } catch (e) {
    // the result could not be structured-cloned: say so, do not leave the page waiting
    post({type: 'result', id: msg.id, result: runnerFault('clone', `postMessage failed: ${thrownString(e, 'message') ?? ''}`)});
  }
  close();
});

seal(self);
post({type: 'ready'});
