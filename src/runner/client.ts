/**
 * The page's side of the runner: every program runs in a fresh Web Worker (sealed: worker.ts), one run at a
 * time, and the worker is discarded after its result, so nothing a program did can reach the next run or
 * another block. The next worker is started as soon as the last run ends (pre-started while the reader reads),
 * so a run does not wait for it. A program still running after 2 s (wall clock, measured here) is stopped by
 * terminating its worker.
 *
 * What a worker sends back is checked against the RunResult contract (validate.ts) before the page sees it;
 * every failure of the runner itself resolves as a runner fault (failure.ts). The promise always resolves.
 *
 * Browser only, and imported lazily by the UI: nothing here touches `Worker` or `window` until
 * createRunner() is called.
 */
import {failedResult, runnerFault} from './failure';
import {problemWithResult} from './validate';
import type {FromWorker, RunRequest, RunResult, ToWorker} from './types';

export const RUN_TIME_LIMIT_MS = 2000;
export const TIMEOUT_MESSAGE = 'stopped after 2 s: the program did not finish — is there an endless loop?';

export interface Runner {
  /** Run a program; runs are queued and done one after another. The promise always resolves. */
  run(req: RunRequest): Promise<RunResult>;
  /** Stop the workers; runs still waiting resolve as cancelled. */
  dispose(): void;
}

/** What the client needs from a Worker (a real one in the browser, a fake one in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  /** a message that could not be deserialized (structured clone failed on the page's side) */
  onmessageerror?: ((event: MessageEvent) => void) | null;
}

export interface RunnerOptions {
  timeLimitMs?: number;
  createWorker?: () => WorkerLike;
}

function createBundledWorker(): WorkerLike {
  // webpack 5 (Docusaurus) sees this exact pattern and emits worker.ts as its own chunk
  return new Worker(new URL('./worker.ts', import.meta.url)) as unknown as WorkerLike;
}

/** The page's language (Docusaurus sets <html lang>), for what the runner itself says (words.ts). */
function withLocale(request: RunRequest): RunRequest {
  if (request.locale || typeof document === 'undefined') return request;
  return {...request, locale: document.documentElement.lang.startsWith('en') ? 'en' : 'ko'};
}

const cancelled = () => failedResult('error', {name: 'Cancelled', message: 'the runner was disposed'});

interface Job {
  id: number;
  request: RunRequest;
  resolve: (r: RunResult) => void;
}

/** One worker: started, ready once it sealed itself, used for at most one run. */
interface Slot {
  worker: WorkerLike;
  ready: boolean;
}

export function createRunner(options: RunnerOptions = {}): Runner {
  const limit = options.timeLimitMs ?? RUN_TIME_LIMIT_MS;
  const spawn = options.createWorker ?? createBundledWorker;
  const queue: Job[] = [];
  /** the next worker, started ahead of the run that will use it */
  let spare: Slot | null = null;
  let current: {job: Job; slot: Slot} | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  let disposed = false;

  const startSpare = () => {
    const slot: Slot = {worker: spawn(), ready: false};
    const {worker} = slot;
    worker.onmessage = (event) => {
      const msg = event.data as Partial<FromWorker> | null;
      if (!msg || typeof msg !== 'object') return;
      if (msg.type === 'ready' && slot === spare) {
        slot.ready = true;
        pump();
      } else if (msg.type === 'result' && current?.slot === slot && msg.id === current.job.id) {
        const problem = problemWithResult(msg.result);
        finish(problem === null ? (msg.result as RunResult) : runnerFault('invalid-result', problem));
      }
    };
    worker.onmessageerror = () => {
      if (current?.slot === slot) finish(runnerFault('clone', 'the result could not be received (structured clone failed)'));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      const detail = `worker error: ${String(event.message ?? '').slice(0, 200)}`;
      if (current?.slot === slot) {
        // it crashed while running a program (out of memory, a runner bug)
        finish(runnerFault('crash', detail));
      } else if (slot === spare) {
        // it failed to load (offline?) or to seal itself. Fail what waits; the next run() tries a new worker
        // (not at once: a chunk that fails to load would fail again in a loop).
        spare = null;
        for (const job of queue.splice(0)) job.resolve(runnerFault(slot.ready ? 'crash' : 'load', detail));
      }
    };
    spare = slot;
  };

  const finish = (result: RunResult) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const done = current;
    current = null;
    // one program per worker: whatever it left behind goes with it
    done?.slot.worker.terminate();
    done?.job.resolve(result);
    if (!disposed && !spare) startSpare();
    pump();
  };

  const pump = () => {
    if (disposed || current || queue.length === 0) return;
    if (!spare) startSpare();
    const slot = spare!;
    if (!slot.ready) return;
    spare = null;
    const job = queue.shift()!;
    current = {job, slot};
    // the limit starts when the worker has the program, not while it was still loading
    timer = setTimeout(() => {
      timer = null;
      if (current?.job !== job) return;
      // a synchronous endless loop cannot be interrupted: only terminating the worker stops it
      finish(failedResult('timeout', {name: 'Timeout', message: TIMEOUT_MESSAGE}));
    }, limit);
    try {
      slot.worker.postMessage({type: 'run', id: job.id, request: job.request});
    } catch (e) {
      // a request that cannot be cloned (never from our UI): fail this run, not the runner
      finish(runnerFault('clone', `the request could not be sent: ${String((e as Error)?.message ?? e).slice(0, 200)}`));
    }
  };

  startSpare();

  return {
    run(request) {
      if (disposed) return Promise.resolve(cancelled());
      return new Promise<RunResult>((resolve) => {
        queue.push({id: nextId++, request: withLocale(request), resolve});
        pump();
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      spare?.worker.terminate();
      current?.slot.worker.terminate();
      spare = null;
      const waiting = [...(current ? [current.job] : []), ...queue.splice(0)];
      current = null;
      for (const job of waiting) job.resolve(cancelled());
    },
  };
}
