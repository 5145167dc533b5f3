/**
 * The idle queue that runnable blocks use to mount their live part and route prefetches use to add their links:
 * one task per idle period, in the order queued, and a cancelled task (its block scrolled away before its turn)
 * never runs. Without requestIdleCallback (Node,
 * Safari) it falls back to a 50 ms timer, which fake timers drive here.
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {whenIdle} from '../../src/lib/idleQueue';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.runAllTimers();
  vi.useRealTimers();
});

describe('whenIdle', () => {
  test('a task queued with {last: true} (a prefetch) waits behind every other, even those queued after it', () => {
    const ran: string[] = [];
    whenIdle(() => ran.push('prefetch 1'), {last: true});
    whenIdle(() => ran.push('prefetch 2'), {last: true});
    whenIdle(() => ran.push('block'));
    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['block']);
    whenIdle(() => ran.push('another block'));
    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['block', 'another block']);
    vi.advanceTimersByTime(100);
    expect(ran).toEqual(['block', 'another block', 'prefetch 1', 'prefetch 2']);
  });

  test('a cancelled {last: true} task never runs', () => {
    const ran: string[] = [];
    const cancel = whenIdle(() => ran.push('prefetch'), {last: true});
    whenIdle(() => ran.push('block'));
    cancel();
    vi.advanceTimersByTime(200);
    expect(ran).toEqual(['block']);
  });

  test('runs queued tasks one per idle period, in order', () => {
    const ran: string[] = [];
    whenIdle(() => ran.push('a'));
    whenIdle(() => ran.push('b'));
    expect(ran).toEqual([]);

    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['a']);
    vi.advanceTimersByTime(50);
    expect(ran).toEqual(['a', 'b']);
  });

  test('a cancelled task does not run; the others still do', () => {
    const ran: string[] = [];
    whenIdle(() => ran.push('a'));
    const cancel = whenIdle(() => ran.push('b'));
    whenIdle(() => ran.push('c'));

    cancel();
    vi.advanceTimersByTime(200);
    expect(ran).toEqual(['a', 'c']);
  });
});
