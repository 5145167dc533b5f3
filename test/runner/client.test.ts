/**
 * The page side of the worker runner, with a fake Worker and fake timers: a fresh worker per run (started
 * ahead), the 2 s limit, queueing, dispose, a worker that fails, and results that must not reach the page
 * (malformed, not deliverable). The real sealed worker in Chromium: e2e/hostile.test.ts.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createRunner, TIMEOUT_MESSAGE, type WorkerLike} from '../../src/runner/client';
import type {FromWorker, RunResult, ToWorker} from '../../src/runner/types';
import {MAX_CONSOLE_LINES, MAX_ERROR_CHARS, MAX_LINE_CHARS, MAX_TRACE_EVENTS} from '../../src/runner/limits';

const okResult = (text: string): RunResult => ({
  status: 'ok',
  console: [{level: 'log', text}],
  truncated: false,
  trace: [],
  calls: [],
  endTime: 0,
});

/** Answers a run after `workMs` of (fake) time, or never when the code contains "while(true)". */
class FakeWorker implements WorkerLike {
  static all: FakeWorker[] = [];
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  received: ToWorker[] = [];
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  /** what the worker answers instead of a real result (a forged or broken worker) */
  static forge: ((req: ToWorker) => unknown) | null = null;
  constructor(private readonly workMs = 10, failToLoad = false) {
    FakeWorker.all.push(this);
    setTimeout(() => {
      if (this.terminated) return;
      if (failToLoad) this.onerror?.({message: 'chunk failed', preventDefault() {}} as ErrorEvent);
      else this.send({type: 'ready'});
    }, 50);
  }
  private send(msg: FromWorker) {
    this.onmessage?.({data: msg} as MessageEvent<FromWorker>);
  }
  postMessage(msg: ToWorker) {
    this.received.push(msg);
    if (msg.request.code.includes('while(true)')) return;
    setTimeout(() => {
      if (this.terminated) return;
      if (msg.request.code === 'crash') this.onerror?.({message: 'out of memory', preventDefault() {}} as ErrorEvent);
      else if (msg.request.code === 'unclonable') this.onmessageerror?.({} as MessageEvent);
      else if (FakeWorker.forge) this.send({type: 'result', id: msg.id, result: FakeWorker.forge(msg)} as FromWorker);
      else this.send({type: 'result', id: msg.id, result: okResult(msg.request.code)});
    }, this.workMs);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWorker.all = [];
  FakeWorker.forge = null;
});

/** the workers that were given a program, and what each was given */
const used = () => FakeWorker.all.filter((w) => w.received.length > 0).map((w) => w.received.map((m) => m.request.code));
afterEach(() => {
  vi.useRealTimers();
});

describe('createRunner', () => {
  it('runs a program in a worker and resolves with its result', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toEqual(okResult('a'));
  });

  it('each run gets a fresh worker, started ahead; a used worker is terminated as soon as its result is in', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    await vi.advanceTimersByTimeAsync(100); // the first worker starts with the runner
    expect(FakeWorker.all).toHaveLength(1);
    const a = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(20);
    await expect(a).resolves.toEqual(okResult('a'));
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2); // the next one is already starting
    await vi.advanceTimersByTimeAsync(100);
    const b = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(20); // no wait for a worker to load: it was ready
    await expect(b).resolves.toEqual(okResult('b'));
    expect(used()).toEqual([['a'], ['b']]);
  });

  it('a program still running after 2 s is stopped: worker terminated, status timeout, the next run works', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'while(true){}'});
    let settled: RunResult | null = null;
    void p.then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(50 + 1999); // ready at 50 ms, then 1999 ms of running
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({status: 'timeout', error: {name: 'Timeout', message: TIMEOUT_MESSAGE}});
    expect(FakeWorker.all[0].terminated).toBe(true);
    const next = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(next).resolves.toEqual(okResult('b'));
    expect(used()).toEqual([['while(true){}'], ['b']]);
  });

  it('the 2 s start when the worker is ready, not while its script loads', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker(1900)});
    const p = runner.run({code: 'slow but fine'});
    await vi.advanceTimersByTimeAsync(50 + 1900);
    await expect(p).resolves.toMatchObject({status: 'ok'});
  });

  it('runs are queued and done one after another, each in its own worker with its own limit', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker(1500)});
    const a = runner.run({code: 'a'});
    const b = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(50 + 1500 + 50 + 1500);
    await expect(a).resolves.toEqual(okResult('a'));
    await expect(b).resolves.toEqual(okResult('b'));
    expect(used()).toEqual([['a'], ['b']]);
  });

  it('dispose terminates the workers and resolves waiting runs as cancelled', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'while(true){}'});
    await vi.advanceTimersByTimeAsync(100);
    runner.dispose();
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'Cancelled'}});
    expect(FakeWorker.all.every((w) => w.terminated)).toBe(true);
    await expect(runner.run({code: 'x'})).resolves.toMatchObject({error: {name: 'Cancelled'}});
  });

  it('a worker that fails to load fails the waiting run as a load fault; the next run tries a new worker', async () => {
    let fail = true;
    const runner = createRunner({createWorker: () => new FakeWorker(10, fail)});
    const p = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'RunnerFault', fault: 'load'}});
    expect(FakeWorker.all).toHaveLength(1); // no retry loop
    fail = false;
    const q = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(q).resolves.toEqual(okResult('b'));
  });

  it('a worker that crashes while running is a crash fault, and the next run works', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'crash'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'RunnerFault', fault: 'crash'}});
    const q = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(q).resolves.toEqual(okResult('b'));
  });

  it('a result that cannot be received (structured clone) is a clone fault, not a load failure', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'unclonable'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'RunnerFault', fault: 'clone'}});
  });

  const forged: Array<[string, (req: ToWorker) => unknown]> = [
    ['not an object', () => 'ok'],
    ['an unknown status', (m) => ({...okResult(m.request.code), status: 'pwned'})],
    ['console text that is not a string', (m) => ({...okResult(''), console: [{level: 'log', text: {toString: () => m.request.code}}]})],
    ['an oversized console line', () => ({...okResult(''), console: [{level: 'log', text: 'x'.repeat(MAX_LINE_CHARS + 1)}]})],
    ['too many console lines', () => ({...okResult(''), console: Array.from({length: MAX_CONSOLE_LINES + 1}, () => ({level: 'log', text: 'x'}))})],
    ['an oversized error message', () => ({...okResult(''), status: 'error', error: {name: 'Error', message: 'x'.repeat(MAX_ERROR_CHARS + 1)}})],
    ['an error status without an error', () => ({...okResult(''), status: 'error'})],
    ['a trace event of an unknown kind', () => ({...okResult(''), trace: [{kind: 'script', t: 0, host: 'client'}]})],
    ['a segment without its addresses', () => ({...okResult(''), trace: [{kind: 'segment', t: 0, id: 1, fromHost: 'a', toHost: 'b', flags: 'S'}]})],
    ['too many trace events', () => ({...okResult(''), trace: Array.from({length: MAX_TRACE_EVENTS + 1}, () => ({kind: 'note', t: 0, host: 'client', text: ''}))})],
    ['a console that is not an array', () => ({...okResult(''), console: {length: 1, 0: {level: 'log', text: 'x'}}})],
    ['an endTime that is not a number', () => ({...okResult(''), endTime: '0'})],
  ];
  it.each(forged)('a result with %s is refused as an invalid-result fault; the next run is correct', async (_what, forge) => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    FakeWorker.forge = forge;
    const p = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'RunnerFault', fault: 'invalid-result'}});
    FakeWorker.forge = null;
    const q = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(q).resolves.toEqual(okResult('b'));
  });

  it('a result from a worker that is not running that job is ignored', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    FakeWorker.forge = (m) => okResult(m.request.code);
    const p = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toEqual(okResult('a'));
    // the used worker speaks again (a callback left behind): nothing happens
    FakeWorker.all[0].onmessage?.({data: {type: 'result', id: 1, result: okResult('fake')}} as MessageEvent<FromWorker>);
    const q = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(q).resolves.toEqual(okResult('b'));
  });

  it('does not touch Worker until createRunner is called (safe to import during server rendering)', async () => {
    const mod = await import('../../src/runner/client');
    expect(typeof mod.createRunner).toBe('function');
    expect('Worker' in globalThis).toBe(false);
  });
});
