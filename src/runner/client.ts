/**
 * The page's side of the runner: programs run in a Web Worker, one at a time, and a program still
 * running after 2 s (wall clock, measured here) is stopped by terminating the worker; a fresh worker
 * takes its place for the next run.
 *
 * Browser only, and imported lazily by the UI: nothing here touches `Worker` or `window` until
 * createRunner() is called.
 */
import type {FromWorker, RunRequest, RunResult, ToWorker} from './types';

export const RUN_TIME_LIMIT_MS = 2000;
export const TIMEOUT_MESSAGE = 'stopped after 2 s: the program did not finish — is there an endless loop?';

export interface Runner {
  /** Run a program; runs are queued and done one after another. The promise always resolves. */
  run(req: RunRequest): Promise<RunResult>;
  /** Stop the worker; runs still waiting resolve as cancelled. */
  dispose(): void;
}

/** What the client needs from a Worker (a real one in the browser, a fake one in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface RunnerOptions {
  timeLimitMs?: number;
  createWorker?: () => WorkerLike;
}

function createBundledWorker(): WorkerLike {
  // webpack 5 (Docusaurus) sees this exact pattern and emits worker.ts as its own chunk
  return new Worker(new URL('./worker.ts', import.meta.url)) as unknown as WorkerLike;
}

function emptyResult(status: RunResult['status'], name: string, message: string): RunResult {
  return {status, error: {name, message}, console: [], truncated: false, trace: [], calls: [], endTime: 0};
}

interface Job {
  id: number;
  request: RunRequest;
  resolve: (r: RunResult) => void;
}

export function createRunner(options: RunnerOptions = {}): Runner {
  const limit = options.timeLimitMs ?? RUN_TIME_LIMIT_MS;
  const spawn = options.createWorker ?? createBundledWorker;
  const queue: Job[] = [];
  let worker: WorkerLike | null = null;
  let ready = false;
  let current: Job | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let nextId = 1;
  let disposed = false;

  const startWorker = () => {
    ready = false;
    const w = spawn();
    w.onmessage = (event) => {
      if (w !== worker) return;
      const msg = event.data;
      if (msg.type === 'ready') {
        ready = true;
        pump();
      } else if (msg.type === 'result' && current && msg.id === current.id) {
        finish(msg.result);
      }
    };
    w.onerror = (event) => {
      if (w !== worker) return;
      // The worker failed to load or crashed. Fail what it was asked to do; the next run() starts a
      // fresh worker (not at once: a chunk that fails to load would fail again in a loop).
      event.preventDefault?.();
      w.terminate();
      worker = null;
      ready = false;
      const message = `the runner failed: ${event.message || 'worker error'}`;
      if (current) finish(emptyResult('error', 'WorkerError', message));
      else failQueued(message);
    };
    worker = w;
  };

  const restart = () => {
    worker?.terminate();
    worker = null;
    ready = false;
    if (!disposed) startWorker();
  };

  const finish = (result: RunResult) => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const job = current;
    current = null;
    job?.resolve(result);
    pump();
  };

  const failQueued = (message: string) => {
    for (const job of queue.splice(0)) job.resolve(emptyResult('error', 'WorkerError', message));
  };

  const pump = () => {
    if (disposed || current || queue.length === 0) return;
    if (!worker) startWorker();
    if (!ready || !worker) return;
    const job = queue.shift()!;
    current = job;
    // the limit starts when the worker has the program, not while it was still loading
    timer = setTimeout(() => {
      timer = null;
      if (current !== job) return;
      // a synchronous endless loop cannot be interrupted: only terminating the worker stops it
      restart();
      finish(emptyResult('timeout', 'Timeout', TIMEOUT_MESSAGE));
    }, limit);
    worker.postMessage({type: 'run', id: job.id, request: job.request});
  };

  startWorker();

  return {
    run(request) {
      if (disposed) return Promise.resolve(emptyResult('error', 'Cancelled', 'the runner was disposed'));
      return new Promise<RunResult>((resolve) => {
        queue.push({id: nextId++, request, resolve});
        pump();
      });
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      worker?.terminate();
      worker = null;
      const waiting = [...(current ? [current] : []), ...queue.splice(0)];
      current = null;
      for (const job of waiting) job.resolve(emptyResult('error', 'Cancelled', 'the runner was disposed'));
    },
  };
}
