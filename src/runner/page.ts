/**
 * The page's one runner, shared by every part that runs programs (runnable blocks, quizzes, the HTTP lab):
 * one client, one worker at a time (a fresh one per run, see client.ts). Its code (sucrase, the simulator) is a
 * chunk loaded on first use, never with the page.
 */
import {runnerFault} from './failure';
import type {Runner} from './client';
import type {RunRequest, RunResult} from './types';

export type {Runner};

let shared: Promise<Runner> | null = null;

/** The page's runner, loaded on first use (and again after a failed load: offline now, online later). */
export function getRunner(): Promise<Runner> {
  shared ??= import(/* webpackChunkName: "runner-client" */ './client').then(
    (m) => m.createRunner(),
    (err: unknown) => {
      shared = null;
      throw err;
    },
  );
  return shared;
}

/** Run a program on the page's runner; never rejects (a chunk that did not load is a runner fault 'load'). */
export async function runOnPage(request: RunRequest): Promise<RunResult> {
  let runner: Runner;
  try {
    runner = await getRunner();
  } catch (err) {
    return runnerFault('load', `the runner's code did not load: ${String((err as Error)?.message ?? err)}`);
  }
  return runner.run(request);
}
