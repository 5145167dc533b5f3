/**
 * Runs a quiz program in the browser: through the runner's Web Worker (2 s limit), created on first use and shared by
 * every quiz on the page. The runner client is imported lazily so the simulator never weighs on the page load.
 */
import type {RunRequest, RunResult} from '../runner/types';

interface Runner {
  run(req: RunRequest): Promise<RunResult>;
  dispose(): void;
}

let runner: Promise<Runner> | null = null;

export function runProgram(req: RunRequest): Promise<RunResult> {
  if (!runner) {
    runner = import('../runner/client').then((m) => m.createRunner());
    // A failed load (offline, chunk error) must not poison later attempts.
    runner.catch(() => {
      runner = null;
    });
  }
  return runner.then((r) => r.run(req));
}
