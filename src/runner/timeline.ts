/**
 * The run as a timeline of moments, for time travel (Step/Back one moment, the slider over all of them).
 *
 * A run is deterministic and its whole trace is known once it ends, so the timeline is a pure function of
 * the trace (and the program's console lines and call records): every call entering and returning, every
 * segment leaving and arriving, every TCP state change, every line printed. The trace has no event for a
 * segment's arrival — a segment event carries `arrives` — so arrivals are placed here: just before the first
 * event the receiving host records at that virtual time (what the arrival set off), in arrival order.
 *
 * Each moment says which trace prefix shows the world at that instant (`end`, for `inspectAt`), and why a
 * state changed (a segment that arrived, a call in progress, or a timer), as data: the page words it.
 * Nothing here knows a language.
 */
import type {TcpState, TraceEvent} from '../sim/api';
import type {CallRecord, RunResult} from './types';
import {addrText, callLabel, resultErrno, resultText} from './format';
import {inspectAt, type InspectorState} from './inspect';

/** A segment as a moment names it. */
export interface SegmentInfo {
  id: number;
  fromHost: string;
  toHost: string;
  /** "S", "SA", "FA", "PA", "R", … (api.ts Flags) */
  flags: string;
  /** payload bytes */
  len: number;
}

/** Why a socket changed state. */
export type StateCause =
  /** a segment arrived (the moment before, on the same host and instant) */
  | {kind: 'segment'; segment: SegmentInfo}
  /** a call of that host was in progress */
  | {kind: 'call'; callId: number; label: string}
  /** a state only an application's call leads to (below), made by a built-in server, whose calls are not traced */
  | {kind: 'app'}
  /** no segment, no call: a timer ran out (TIME-WAIT's 60 s, FIN-WAIT-2's limit, retransmissions given up) */
  | {kind: 'timer'; timer: 'time-wait' | 'fin-wait-2' | 'other'};

interface MomentBase {
  /** virtual ms */
  t: number;
  /** the state at this moment is `inspectAt(trace, end)` */
  end: number;
  /** console lines printed by this moment */
  consoleCount: number;
  /** the call this moment belongs to (entering, returning, or in progress on its host), if any */
  callId: number | null;
}

export type Moment = MomentBase &
  (
    | {kind: 'start'}
    | {kind: 'call'; host: string; label: string; line: number | null; byProgram: boolean}
    | {
        kind: 'return';
        host: string;
        label: string;
        /** resultText(): "0", "ECONNREFUSED", "'hello'", "blocked" */
        result: string;
        errno?: string;
        blocked: boolean;
        /** the run ended with the call still waiting (a spawned server in accept()): not a deadlock */
        stopped?: boolean;
        line: number | null;
        byProgram: boolean;
      }
    | {kind: 'send'; host: string; segment: SegmentInfo; retransmission: boolean; lost: boolean}
    | {kind: 'arrive'; host: string; segment: SegmentInfo}
    | {
        kind: 'state';
        host: string;
        sock: number;
        /** "10.0.0.3:8080" */
        local: string;
        peer: string | null;
        from: TcpState;
        to: TcpState;
        cause: StateCause;
      }
    | {kind: 'print'; text: string; level: 'log' | 'error'}
  );

export type MomentKind = Moment['kind'];

export interface Timeline {
  /** moment 0 is the start (the world set up, the program not yet begun); the last one shows the whole trace */
  moments: Moment[];
  /** segment id -> index of its arrival moment (absent: dropped on the way) */
  arrivalAt: Record<number, number>;
  /** moment indices a call-by-call jump stops at: each program call's return (or its entry, if it never returned) */
  callStops: number[];
}

/**
 * States that only an application's call leads into, in RFC 9293 §3.3.2's state diagram: LISTEN (passive OPEN),
 * SYN-SENT (active OPEN), FIN-WAIT-1 and LAST-ACK (CLOSE). No segment can be their cause.
 */
const BY_CALL_ONLY: ReadonlySet<TcpState> = new Set(['LISTEN', 'SYN-SENT', 'FIN-WAIT-1', 'LAST-ACK']);

type Input = Pick<RunResult, 'trace' | 'calls'> & {console?: RunResult['console']};

function eventHost(e: TraceEvent): string {
  return e.kind === 'segment' ? e.fromHost : e.host;
}

/** First index whose event is at time >= t (the trace is in time order). */
function firstAtOrAfter(trace: readonly TraceEvent[], t: number): number {
  let lo = 0;
  let hi = trace.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (trace[mid].t < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildTimeline(input: Input): Timeline {
  const {trace, calls} = input;
  const lines = input.console ?? [];
  const n = trace.length;
  const programCalls = new Map<number, CallRecord>();
  for (const c of calls) programCalls.set(c.callId, c);

  // The world's own setup (built-in servers listening, hosts) comes before the program's first call or print.
  let setupEnd = n;
  for (let i = 0; i < n; i++) {
    const e = trace[i];
    if (e.kind === 'call' && programCalls.has(e.callId)) {
      setupEnd = i;
      break;
    }
  }
  for (const l of lines) if (l.at !== undefined) setupEnd = Math.min(setupEnd, l.at);

  // Where each arrival goes: before the first event of the receiving host at the arrival instant (each later
  // arrival at the same host and instant after the previous one's), or before the first later event.
  const sentAt = new Map<number, number>();
  const arrivals: Extract<TraceEvent, {kind: 'segment'}>[] = [];
  trace.forEach((e, i) => {
    if (e.kind === 'segment') {
      sentAt.set(e.id, i);
      if (e.arrives !== null) arrivals.push(e);
    }
  });
  arrivals.sort((a, b) => a.arrives! - b.arrives! || a.id - b.id);
  const arrivalsBefore = new Map<number, Extract<TraceEvent, {kind: 'segment'}>[]>();
  const lastPlaced = new Map<string, number>();
  for (const s of arrivals) {
    const T = s.arrives!;
    const key = `${s.toHost}@${T}`;
    let p = Math.max(sentAt.get(s.id)! + 1, firstAtOrAfter(trace, T), setupEnd, (lastPlaced.get(key) ?? -1) + 1);
    while (p < n && trace[p].t === T && eventHost(trace[p]) !== s.toHost) p++;
    lastPlaced.set(key, p);
    const list = arrivalsBefore.get(p);
    if (list) list.push(s);
    else arrivalsBefore.set(p, [s]);
  }

  const printsBefore = new Map<number, number[]>();
  lines.forEach((l, k) => {
    const p = Math.max(setupEnd, Math.min(l.at ?? n, n));
    const list = printsBefore.get(p);
    if (list) list.push(k);
    else printsBefore.set(p, [k]);
  });

  const moments: Moment[] = [];
  const arrivalAt: Record<number, number> = {};
  const callStops: number[] = [];
  const returned = new Set<number>();
  const callMoment = new Map<number, number>();
  let consoleCount = 0;
  /** per host: calls entered and not yet returned (innermost last), with their moment index */
  const open = new Map<string, {callId: number; label: string; at: number}[]>();
  /** per host: the last arrival's moment index and instant */
  const lastArrival = new Map<string, {at: number; t: number; segment: SegmentInfo}>();
  const states = new Map<number, TcpState>();
  for (let i = 0; i < setupEnd; i++) {
    const e = trace[i];
    if (e.kind === 'sock') states.set(e.sock, e.state);
  }
  const seen = new Set<string>();
  const openCall = (host: string) => {
    const stack = open.get(host);
    return stack && stack.length > 0 ? stack[stack.length - 1] : null;
  };
  const base = (t: number, end: number, callId: number | null): MomentBase => ({t, end, consoleCount, callId});

  moments.push({kind: 'start', ...base(setupEnd > 0 ? trace[setupEnd - 1].t : 0, setupEnd, null)});

  for (let i = setupEnd; i <= n; i++) {
    for (const k of printsBefore.get(i) ?? []) {
      consoleCount++;
      const t = moments[moments.length - 1].t;
      moments.push({kind: 'print', text: lines[k].text, level: lines[k].level, ...base(t, i, null)});
    }
    for (const s of arrivalsBefore.get(i) ?? []) {
      const segment = info(s);
      arrivalAt[s.id] = moments.length;
      lastArrival.set(s.toHost, {at: moments.length, t: s.arrives!, segment});
      moments.push({kind: 'arrive', host: s.toHost, segment, ...base(s.arrives!, i, openCall(s.toHost)?.callId ?? null)});
    }
    if (i === n) break;
    const e = trace[i];
    const before = moments.length;
    switch (e.kind) {
      case 'call': {
        const rec = programCalls.get(e.callId);
        const label = callLabel(e.req);
        callMoment.set(e.callId, moments.length);
        moments.push({kind: 'call', host: e.host, label, line: rec?.line ?? null, byProgram: rec !== undefined, ...base(e.t, i + 1, e.callId)});
        const stack = open.get(e.host) ?? [];
        stack.push({callId: e.callId, label, at: before});
        open.set(e.host, stack);
        break;
      }
      case 'result': {
        const stack = open.get(e.host) ?? [];
        const k = stack.findIndex((c) => c.callId === e.callId);
        const label = k >= 0 ? stack[k].label : '';
        if (k >= 0) stack.splice(k, 1);
        const rec = programCalls.get(e.callId);
        const errno = resultErrno(e.res);
        returned.add(e.callId);
        if (rec) callStops.push(moments.length);
        moments.push({
          kind: 'return',
          host: e.host,
          label,
          result: resultText(e.res),
          ...(errno ? {errno} : {}),
          blocked: 'blocked' in e.res,
          ...('blocked' in e.res && e.res.stopped ? {stopped: true} : {}),
          line: rec?.line ?? null,
          byProgram: rec !== undefined,
          ...base(e.t, i + 1, e.callId),
        });
        break;
      }
      case 'segment': {
        const key = `${addrText(e.src)}>${addrText(e.dst)}:${e.seq}:${e.flags}:${e.len}`;
        // the same SYN, FIN or data sent again; a repeated pure ACK is not a retransmission
        const retransmission = seen.has(key) && (e.len > 0 || /[SF]/.test(e.flags));
        seen.add(key);
        moments.push({
          kind: 'send',
          host: e.fromHost,
          segment: info(e),
          retransmission,
          lost: e.arrives === null,
          ...base(e.t, i + 1, openCall(e.fromHost)?.callId ?? null),
        });
        break;
      }
      case 'sock': {
        const from = states.get(e.sock) ?? 'CLOSED';
        states.set(e.sock, e.state);
        if (from === e.state) break;
        const arrival = lastArrival.get(e.host);
        const call = openCall(e.host);
        const byArrival = arrival && arrival.t === e.t ? arrival : null;
        let cause: StateCause;
        if (BY_CALL_ONLY.has(e.state)) cause = call ? {kind: 'call', callId: call.callId, label: call.label} : {kind: 'app'};
        else if (byArrival && (!call || byArrival.at > call.at)) cause = {kind: 'segment', segment: byArrival.segment};
        else if (call) cause = {kind: 'call', callId: call.callId, label: call.label};
        else cause = {kind: 'timer', timer: from === 'TIME-WAIT' ? 'time-wait' : from === 'FIN-WAIT-2' ? 'fin-wait-2' : 'other'};
        moments.push({
          kind: 'state',
          host: e.host,
          sock: e.sock,
          local: addrText(e.local),
          peer: e.remote ? addrText(e.remote) : null,
          from,
          to: e.state,
          cause,
          ...base(e.t, i + 1, call?.callId ?? null),
        });
        break;
      }
      default:
        break;
    }
    if (moments.length === before) {
      // Not a moment of its own (a descriptor, a queue that changed, a note): it belongs with the moment just
      // before it at the same instant, unless that moment is a call's entry (its effects come after it).
      const last = moments[moments.length - 1];
      if (last.end === i && last.t === e.t && last.kind !== 'call' && last.kind !== 'start') last.end = i + 1;
    }
  }
  // Calls that never returned stop the call-by-call jump at their entry.
  for (const [callId, at] of callMoment) if (!returned.has(callId) && programCalls.has(callId)) callStops.push(at);
  callStops.sort((a, b) => a - b);
  // The last moment is the run's end: the whole trace.
  moments[moments.length - 1].end = n;
  return {moments, arrivalAt, callStops};
}

function info(e: Extract<TraceEvent, {kind: 'segment'}>): SegmentInfo {
  return {id: e.id, fromHost: e.fromHost, toHost: e.toHost, flags: e.flags, len: e.len};
}

/**
 * The inspectors' state at moment `k`: the trace prefix of that moment, its instant, and each segment
 * marked in flight while its arrival is still ahead.
 */
export function stateAtMoment(
  trace: readonly TraceEvent[],
  timeline: Timeline,
  k: number,
  calls?: readonly CallRecord[],
): InspectorState {
  const at = Math.max(0, Math.min(k, timeline.moments.length - 1));
  const m = timeline.moments[at];
  const state = inspectAt(trace, m.end, calls);
  const segments = state.segments.map((s) => {
    const arrived = timeline.arrivalAt[s.id];
    return {...s, inFlight: arrived !== undefined && arrived > at};
  });
  return {...state, t: m.t, segments};
}

/** The next/previous stop of the call-by-call jump from moment `k`, or null. */
export function nextCallStop(timeline: Timeline, k: number): number | null {
  return timeline.callStops.find((s) => s > k) ?? null;
}
export function previousCallStop(timeline: Timeline, k: number): number | null {
  for (let j = timeline.callStops.length - 1; j >= 0; j--) if (timeline.callStops[j] < k) return timeline.callStops[j];
  return null;
}
