/**
 * Processes of one run and who runs next. Each process is a generator (the reader's code after transform.ts)
 * that yields WAIT when a socket call must wait; the process says what it waits for in `wait`.
 *
 * Deterministic, driven by the simulator's virtual clock only:
 * 1. ready processes run one after another, first in first out, each until it waits or ends;
 * 2. when none is ready, the waiting calls are polled in pid order (a call that can complete wakes its process);
 * 3. if none woke, the earliest of the next batch of network events and the earliest deadline (sleep(), poll()'s
 *    timeout) comes next: the batch runs (events due exactly at a sleep's end stay pending: the sleeper goes first,
 *    as World.advance does; those due at a poll() timeout run first, as World.call does), or the deadline's
 *    processes wake;
 * 4. when nothing pending can ever complete a waiting call, the main program, if it waits, gets "would block
 *    forever" (World.call's answer); the others are left waiting: at the end the run reports where.
 */
import type {SimWorld, SyscallResult, WaitingCall} from '../sim/api';
import {WAIT, type Step} from './coroutines';

/** As World.call: virtual time a call may wait while nothing completes it before it counts as blocked forever. */
const MAX_WAIT_MS = 3_600_000;

export type Waiting =
  | {kind: 'call'; open: WaitingCall; call: string; line: number | null}
  | {kind: 'sleep'; until: number; line: number | null};

export interface Process {
  readonly pid: number;
  /** the host it runs as; on() pushes another one for the length of its function */
  readonly hosts: string[];
  readonly it: Step;
  wait: Waiting | null;
  resume: unknown;
  done: boolean;
}

export type Outcome =
  | {kind: 'ended'}
  /** a process threw: the run ends with it */
  | {kind: 'threw'; process: Process; error: unknown};

export class Scheduler {
  readonly processes: Process[] = [];
  private readonly ready: Process[] = [];
  /** the process whose code runs now */
  current: Process | null = null;

  constructor(private readonly world: SimWorld) {}

  spawn(host: string, it: Step): Process {
    const p: Process = {pid: this.processes.length + 1, hosts: [host], it, wait: null, resume: undefined, done: false};
    this.processes.push(p);
    this.ready.push(p);
    return p;
  }

  /** Run every process until all have ended, one throws, or those left wait for what can never come. */
  run(): Outcome {
    for (;;) {
      while (this.ready.length > 0) {
        const p = this.ready.shift()!;
        const threw = this.step(p);
        if (threw) return threw;
      }
      const waiting = this.processes.filter((p) => !p.done && p.wait);
      if (waiting.length === 0) return {kind: 'ended'};
      if (this.pollAll(waiting)) continue;
      if (!this.advance(waiting)) {
        // nothing can ever complete these calls: the main program hears so (it may catch it); the others wait on
        const main = this.processes[0];
        if (main.done || !main.wait || main.wait.kind !== 'call') return {kind: 'ended'};
        this.wake(main, this.world.endCall(main.wait.open, 'blocked'));
      }
    }
  }

  /** The processes still waiting, in pid order (the run has ended): their calls are closed as still waiting. */
  stopWaiting(): Array<{pid: number; host: string; call: string; line: number | null}> {
    const out: Array<{pid: number; host: string; call: string; line: number | null}> = [];
    for (const p of this.processes) {
      if (p.done || !p.wait) continue;
      if (p.wait.kind === 'call') this.world.endCall(p.wait.open, 'stopped');
      out.push({pid: p.pid, host: p.hosts[p.hosts.length - 1], call: p.wait.kind === 'call' ? p.wait.call : 'sleep', line: p.wait.line});
    }
    return out;
  }

  private step(p: Process): Outcome | null {
    const resume = p.resume;
    p.resume = undefined;
    this.current = p;
    try {
      const r = p.it.next(resume);
      if (r.done) p.done = true;
      else if (r.value !== WAIT || !p.wait) throw new Error('a process yielded without waiting'); // never: only the runner yields
    } catch (error) {
      p.done = true;
      return {kind: 'threw', process: p, error};
    }
    return null;
  }

  private wake(p: Process, value: unknown): void {
    p.wait = null;
    p.resume = value;
    this.ready.push(p);
  }

  /** Poll each waiting call once, in pid order; true if one completed. */
  private pollAll(waiting: Process[]): boolean {
    let woke = false;
    for (const p of waiting) {
      if (p.wait?.kind !== 'call') continue;
      const r: SyscallResult | null = this.world.pollCall(p.wait.open);
      if (r) {
        this.wake(p, r);
        woke = true;
      }
    }
    return woke;
  }

  /** Let virtual time move to what comes next; false if nothing can (every call waits forever). */
  private advance(waiting: Process[]): boolean {
    let first: Process | null = null;
    let deadline = Infinity;
    for (const p of waiting) {
      const d = deadlineOf(p.wait!);
      if (d < deadline) {
        deadline = d;
        first = p;
      }
    }
    const next = this.world.nextEvent();
    const eventsFirst = first?.wait?.kind === 'call';
    if (next && (next.t < deadline || (next.t === deadline && eventsFirst))) {
      if (deadline === Infinity) {
        const since = Math.max(...waiting.map((p) => (p.wait!.kind === 'call' ? (p.wait as {open: WaitingCall}).open.since : 0)));
        if (!next.progress || next.t - since > MAX_WAIT_MS) return false;
      }
      this.world.step();
      return true;
    }
    if (deadline === Infinity) return false;
    if (deadline > this.world.now) this.world.advance(deadline - this.world.now);
    for (const p of waiting) {
      const w = p.wait!;
      if (deadlineOf(w) !== deadline) continue;
      this.wake(p, w.kind === 'call' ? this.world.endCall(w.open, 'timeout') : undefined);
    }
    return true;
  }
}

function deadlineOf(w: Waiting): number {
  return w.kind === 'sleep' ? w.until : (w.open.deadline ?? Infinity);
}
