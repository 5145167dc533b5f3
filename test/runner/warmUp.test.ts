/**
 * The worker's warm-up run (src/runner/warmUp.ts) happens before the reader's program in the same worker: it must run
 * the paths it is there to compile (it ends without error), and leave nothing that changes the reader's run.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {WARM_UP_REQUEST} from '../../src/runner/warmUp';

describe('the warm-up run', () => {
  it('runs to its end, through the calls it is meant to exercise', () => {
    const r = runInProcess(WARM_UP_REQUEST);
    expect(r.status).toBe('ok');
    const calls = new Set(r.trace.flatMap((e) => (e.kind === 'call' ? [e.req.call] : [])));
    for (const call of ['socket', 'connect', 'write', 'read', 'close', 'bind', 'listen', 'accept', 'shutdown', 'getsockname', 'getpeername']) {
      expect(calls).toContain(call);
    }
  });

  it('leaves nothing behind: a reader\'s run after it is the same as before it', () => {
    const reader = {
      code: "const fd = socket();\nconnect(fd, resolve('www.example.com'), 80);\nwrite(fd, 'GET / HTTP/1.0\\r\\n\\r\\n');\nconsole.log(read(fd, 64));\nclose(fd);",
      locale: 'en' as const,
    };
    const before = runInProcess(reader);

    runInProcess(WARM_UP_REQUEST);
    const after = runInProcess(reader);

    expect(after).toEqual(before);
  });
});
