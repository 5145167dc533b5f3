/**
 * The page side of the worker runner, with a fake Worker and fake timers: the 2 s limit, replacing a
 * stopped worker, queueing, dispose, and a worker that fails. (The real worker in Chromium is checked
 * against a production build; see the report of the runner task.)
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {createRunner, TIMEOUT_MESSAGE, type WorkerLike} from '../../src/runner/client';
import type {FromWorker, RunResult, ToWorker} from '../../src/runner/types';

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
      if (!this.terminated) this.send({type: 'result', id: msg.id, result: okResult(msg.request.code)});
    }, this.workMs);
  }
  terminate() {
    this.terminated = true;
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  FakeWorker.all = [];
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRunner', () => {
  it('runs a program in the worker and resolves with its result', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toEqual(okResult('a'));
    expect(FakeWorker.all).toHaveLength(1);
  });

  it('a program still running after 2 s is stopped: worker terminated, a fresh one made, status timeout', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'while(true){}'});
    let settled: RunResult | null = null;
    void p.then((r) => (settled = r));
    await vi.advanceTimersByTimeAsync(50 + 1999); // ready at 50 ms, then 1999 ms of running
    expect(settled).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toMatchObject({status: 'timeout', error: {name: 'Timeout', message: TIMEOUT_MESSAGE}});
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all).toHaveLength(2);
    // the fresh worker runs the next program
    const next = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(next).resolves.toEqual(okResult('b'));
    expect(FakeWorker.all[1].received.map((m) => m.request.code)).toEqual(['b']);
  });

  it('the 2 s start when the worker is ready, not while its script loads', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker(1900)});
    const p = runner.run({code: 'slow but fine'});
    await vi.advanceTimersByTimeAsync(50 + 1900);
    await expect(p).resolves.toMatchObject({status: 'ok'});
  });

  it('runs are queued and done one after another, each with its own limit', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker(1500)});
    const a = runner.run({code: 'a'});
    const b = runner.run({code: 'b'});
    await vi.advanceTimersByTimeAsync(50 + 1500 + 1500);
    await expect(a).resolves.toEqual(okResult('a'));
    await expect(b).resolves.toEqual(okResult('b'));
    expect(FakeWorker.all).toHaveLength(1);
  });

  it('dispose terminates the worker and resolves waiting runs as cancelled', async () => {
    const runner = createRunner({createWorker: () => new FakeWorker()});
    const p = runner.run({code: 'while(true){}'});
    await vi.advanceTimersByTimeAsync(100);
    runner.dispose();
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'Cancelled'}});
    expect(FakeWorker.all[0].terminated).toBe(true);
    await expect(runner.run({code: 'x'})).resolves.toMatchObject({error: {name: 'Cancelled'}});
  });

  it('a worker that fails to load fails the waiting run; the next run tries a new worker', async () => {
    let fail = true;
    const runner = createRunner({createWorker: () => new FakeWorker(10, fail)});
    const p = runner.run({code: 'a'});
    await vi.advanceTimersByTimeAsync(100);
    await expect(p).resolves.toMatchObject({status: 'error', error: {name: 'WorkerError'}});
    expect(FakeWorker.all).toHaveLength(1); // no retry loop
    fail = false;
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
