/**
 * Where the live block gets its runner: the Web Worker client, loaded on first Run so the worker code
 * (sucrase, the simulator) is never part of the page's own JavaScript. Tests replace this module.
 */
import type {RunRequest, RunResult} from '../../runner/types';

export interface Runner {
  run(req: RunRequest): Promise<RunResult>;
  dispose(): void;
}

export async function makeRunner(): Promise<Runner> {
  const {createRunner} = await import('../../runner/client');
  return createRunner();
}
