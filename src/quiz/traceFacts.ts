/**
 * Facts read off a run's trace, for the outcome measures and the code-challenge checkers. Pure functions of the
 * TraceEvent list (src/sim/api.ts); they never look inside the simulator.
 */
import type {SegmentEvent, SockAddr, SyscallRequest, SyscallResult, TcpState, TraceEvent} from '../sim/api';

export type {SegmentEvent};

/** One call with its result (null while it had not returned when the trace ended). */
export interface CallFact {
  callId: number;
  host: string;
  req: SyscallRequest;
  res: SyscallResult | null;
}

/** The last known view of one socket. */
export interface SocketFact {
  sock: number;
  host: string;
  local: SockAddr;
  remote: SockAddr | null;
  /** the last state the trace reported; 'CLOSED' once the kernel forgot the socket */
  state: TcpState;
  gone: boolean;
}

/** Every call in start order, paired with its result. */
export function callsOf(trace: readonly TraceEvent[]): CallFact[] {
  const byId = new Map<number, CallFact>();
  const ordered: CallFact[] = [];
  for (const e of trace) {
    if (e.kind === 'call') {
      const fact: CallFact = {callId: e.callId, host: e.host, req: e.req, res: null};
      byId.set(e.callId, fact);
      ordered.push(fact);
    } else if (e.kind === 'result') {
      const fact = byId.get(e.callId);
      if (fact) fact.res = e.res;
    }
  }
  return ordered;
}

/** Every socket the trace mentions, by socket id order, in its final known state. */
export function finalSockets(trace: readonly TraceEvent[]): SocketFact[] {
  const socks = new Map<number, SocketFact>();
  for (const e of trace) {
    if (e.kind === 'sock') {
      socks.set(e.sock, {sock: e.sock, host: e.host, local: e.local, remote: e.remote, state: e.state, gone: false});
    } else if (e.kind === 'sock-gone') {
      const s = socks.get(e.sock);
      if (s) socks.set(e.sock, {...s, state: 'CLOSED', gone: true});
    }
  }
  return [...socks.values()].sort((a, b) => a.sock - b.sock);
}

export function segmentsOf(trace: readonly TraceEvent[]): SegmentEvent[] {
  return trace.filter((e): e is SegmentEvent => e.kind === 'segment');
}

const utf8 = new TextDecoder('utf-8');

/** The bytes one host sent to another, in send order, as text (retransmissions included, which is fine for searching). */
export function bytesSent(trace: readonly TraceEvent[], fromHost: string, toHost: string, toPort?: number): string {
  return segmentsOf(trace)
    .filter((s) => s.fromHost === fromHost && s.toHost === toHost && s.len > 0)
    .filter((s) => toPort === undefined || s.dst.port === toPort)
    .map((s) => utf8.decode(s.payload))
    .join('');
}

/** A read's bytes as text, or null when the result is not data. */
export function readText(res: SyscallResult | null): string | null {
  return res && 'data' in res ? utf8.decode(res.data) : null;
}
