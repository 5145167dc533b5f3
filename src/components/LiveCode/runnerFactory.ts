/**
 * Where live blocks get their runner: one Web Worker client per page, shared by every block (runs are
 * queued, and a stopped endless loop gets a fresh worker). Its code (sucrase, the simulator) is loaded
 * on the reader's first interaction with a block, never with the page. Tests replace this module.
 */
import type {RunRequest, RunResult} from '../../runner/types';

export interface Runner {
  run(req: RunRequest): Promise<RunResult>;
  dispose(): void;
}

let shared: Promise<Runner> | null = null;

export function getRunner(): Promise<Runner> {
  shared ??= import(/* webpackChunkName: "runner-client" */ '../../runner/client').then(
    (m) => m.createRunner(),
    (err: unknown) => {
      // a chunk that failed to load (offline?) may load next time
      shared = null;
      throw err;
    },
  );
  return shared;
}
