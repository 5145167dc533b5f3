/**
 * The event queue of the virtual clock: a binary heap ordered by time. At equal times segments and
 * callbacks come first, in insertion order (a link keeps its order), then timers, the one armed last
 * first: Linux's timer wheel puts timers of one bucket at the head of a list and runs them from there.
 * Cancelled entries stay in the heap and are skipped when they surface.
 */

export const EventKind = {
  /** a segment reaches a host */
  Deliver: 0,
  /** a TCP timer */
  Timer: 1,
  /** an application callback */
  Callback: 2,
} as const;
export type EventKind = (typeof EventKind)[keyof typeof EventKind];

export class SimEvent {
  cancelled = false;
  constructor(
    public t: number,
    public order: number,
    public kind: EventKind,
    /** true when this event can change what a blocked call waits for (TIME-WAIT expiry cannot) */
    public progress: boolean,
    public target: unknown,
    public arg: unknown,
  ) {}
}

export class EventQueue {
  private heap: SimEvent[] = [];
  /** spent delivery events, reused: nobody else holds them (timers hand out theirs, so those are not) */
  private spare: SimEvent[] = [];
  private counter = 0;
  /** live (not cancelled) events that count as progress */
  progressCount = 0;

  push(t: number, kind: EventKind, progress: boolean, target: unknown, arg: unknown): SimEvent {
    let e: SimEvent;
    if (kind === EventKind.Deliver && this.spare.length > 0) {
      e = this.spare.pop()!;
      e.t = t;
      e.order = this.counter++;
      e.progress = progress;
      e.target = target;
      e.arg = arg;
      e.cancelled = false;
    } else {
      e = new SimEvent(t, this.counter++, kind, progress, target, arg);
    }
    if (progress) this.progressCount++;
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(e, h[p])) break;
      h[i] = h[p];
      i = p;
    }
    h[i] = e;
    return e;
  }

  cancel(e: SimEvent): void {
    if (e.cancelled) return;
    e.cancelled = true;
    if (e.progress) this.progressCount--;
  }

  /** the earliest live event, or undefined */
  peek(): SimEvent | undefined {
    const h = this.heap;
    while (h.length > 0 && h[0].cancelled) this.popRaw();
    return h[0];
  }

  /** remove and return the earliest live event */
  pop(): SimEvent | undefined {
    const e = this.peek();
    if (!e) return undefined;
    this.popRaw();
    if (e.progress) this.progressCount--;
    return e;
  }

  /** a dispatched delivery event may be reused */
  recycle(e: SimEvent): void {
    if (e.kind === EventKind.Deliver && this.spare.length < 4096) {
      e.target = e.arg = null;
      this.spare.push(e);
    }
  }

  get size(): number {
    return this.heap.length;
  }

  private popRaw(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && before(h[r], h[l]) ? r : l;
      if (!before(h[c], last)) break;
      h[i] = h[c];
      i = c;
    }
    h[i] = last;
  }
}

function before(a: SimEvent, b: SimEvent): boolean {
  if (a.t !== b.t) return a.t < b.t;
  const at = a.kind === EventKind.Timer;
  if (at !== (b.kind === EventKind.Timer)) return !at;
  return at ? a.order > b.order : a.order < b.order;
}
