/**
 * The Web Worker that runs one reader's program, so an endless loop freezes this worker and not the page
 * (client.ts stops it after 2 s). The page starts a fresh worker for every run (nothing a program did can
 * reach the next one) and discards it after the result; see ToWorker/FromWorker in types.ts.
 *
 * Before saying "ready", it runs a program of our own once (warmUp.ts: the engine compiles the runner and the simulator
 * then, while the page is idle, not during the reader's run) and seals itself (seal.ts): the message plumbing it needs is kept in this
 * module's closure, every other global a program could misuse is gone, the intrinsics are frozen and the
 * Function constructors are inert. If sealing fails the worker never says "ready", so no program runs unsealed.
 */
import {runInProcess} from './run';
import {runnerFault} from './failure';
import {seal, setInertMessage} from './seal';
import {thrownString} from './thrown';
import type {FromWorker, RunResult, ToWorker} from './types';
import {WARM_UP_REQUEST} from './warmUp';
import {wordsFor} from './words';

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
  // the inert Function constructors speak the reader's language too
  setInertMessage(wordsFor(msg.request?.locale).functionConstructor());
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

// Our own program first, while the page is idle (warmUp.ts): the reader's run then finds sucrase, the runner and the
// simulator compiled. Before the seal and before any reader code; a failure here only means a colder run.
try {
  runInProcess(WARM_UP_REQUEST);
} catch {
  /* never expected; the seal and the run do not depend on it */
}
seal(self);
post({type: 'ready'});
