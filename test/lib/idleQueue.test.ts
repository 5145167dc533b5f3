/**
 * The idle queue that runnable blocks use to mount their live part and a quiz a screen away to load its own:
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
