/**
 * The page renders (and exports) only a result that passes validate.ts: a SYN's TCP options, which the pcapng export
 * writes into packets, must be the option kinds of api.ts TraceTcpOption with non-negative integer values.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import type {RunResult} from '../../src/runner/types';
import {problemWithResult} from '../../src/runner/validate';

const result = runInProcess({code: "const fd = socket(); connect(fd, resolve('www.example.com'), 80); close(fd);"});

function withSynOptions(options: unknown): RunResult {
  return {...result, trace: result.trace.map((e) => (e.kind === 'segment' && e.flags === 'S' ? ({...e, options} as typeof e) : e))};
}

describe('validate: segment options', () => {
  it("a real run's result passes, its SYN carrying options", () => {
    expect(result.trace.some((e) => e.kind === 'segment' && e.flags === 'S' && (e.options?.length ?? 0) > 0)).toBe(true);
    expect(problemWithResult(result)).toBeNull();
  });

  it('an unknown option kind, a negative value or a non-array is refused', () => {
    expect(problemWithResult(withSynOptions([{kind: 'md5'}]))).not.toBeNull();
    expect(problemWithResult(withSynOptions([{kind: 'mss', value: -1}]))).not.toBeNull();
    expect(problemWithResult(withSynOptions([{kind: 'ts', val: 1}]))).not.toBeNull();
    expect(problemWithResult(withSynOptions('mss'))).not.toBeNull();
  });
});
