/**
 * What the inspectors show, as a pure reduction of a trace prefix.
 *
 * The UI never asks the simulator anything: after a run it has the whole trace, and the state at any
 * step is `inspectAt(trace, step.traceEnd)`. Everything here is plain data (no classes), cheap to
 * recompute (one pass over the prefix), and keeps addresses both as "ip:port" text and as host names.
 */
import type {SegmentEvent, SockAddr, SyscallRequest, SyscallResult, TcpState, TraceEvent} from '../sim/api';
import type {CallRecord, RunResult} from './types';
import {addrText, bytesToText, callLabel, quotePreview, resultErrno, resultText} from './format';

/** One socket call the program made; Step/Back walk through these. */
export interface Step {
  callId: number;
  host: string;
  /** 1-based line in the reader's source, when known */
  line: number | null;
  /** "connect(3, 93.184.216.34, 80)" */
  label: string;
  /** "0", "ECONNREFUSED", "'HTTP/1.1 200 OK…'", "blocked"; "…" if the trace has no result for it */
  resultText: string;
  /** the errno when the call failed */
  errno?: string;
  /** virtual time the call started */
  t: number;
  /** index of this call's `call` event in the trace */
  traceStart: number;
  /**
   * End (exclusive) of this step's part of the trace: the index of the next program call's `call` event,
   * or trace.length for the last step. `inspectAt(trace, traceEnd)` is the state after this step.
   */
  traceEnd: number;
}

/** One row of a host's descriptor table. */
export interface FdRow {
  fd: number;
  sock: number | null;
  /** "10.0.0.2:40312"; null when the socket is gone from the trace */
  local: string | null;
  remote: string | null;
  localHost: string | null;
  remoteHost: string | null;
  state: TcpState | null;
}

/** One row of a socket table, like a line of `ss -tan`. */
export interface SocketRow {
  sock: number;
  host: string;
  state: TcpState;
  recvQ: number;
  sendQ: number;
  /** "10.0.0.3:8080", "0.0.0.0:8080" */
  local: string;
  /** "10.0.0.2:40312"; "0.0.0.0:*" for a listener or a socket without a peer, as ss prints it */
  peer: string;
  /** host names of the addresses (null for the wildcard or an address no host owns) */
  localHost: string | null;
  peerHost: string | null;
  /** no descriptor refers to it any more (closed by the program, still in the kernel's tables) */
  orphan: boolean;
  /** the descriptors of its host that refer to it */
  fds: number[];
}

/** The buffers of one connection (a socket with a peer). */
export interface BufferRow {
  sock: number;
  host: string;
  local: string;
  peer: string;
  peerHost: string | null;
  state: TcpState;
  /** bytes received and not yet read, and the receive buffer's size */
  recvQ: number;
  recvBuf: number;
  /** bytes written and not yet acknowledged (or not yet sent), and the send buffer's size */
  sendQ: number;
  sendBuf: number;
}

export interface HostState {
  name: string;
  ip: string;
  builtin: boolean;
  /** open descriptors, by number */
  fds: FdRow[];
  /**
   * Sockets in the kernel's connection tables, as `ss -tan` lists them: listeners and connections from
   * SYN-SENT to TIME-WAIT, including orphans; not sockets that are only created or bound (state CLOSED).
   * Sorted by local, then peer.
   */
  sockets: SocketRow[];
  /** every socket of the host, in the tables or not (CLOSED ones too), by socket id */
  allSockets: SocketRow[];
  /** connections (sockets with a peer), by socket id */
  buffers: BufferRow[];
}

/**
 * A segment as the inspectors show it: the trace's segment event, its addresses written out, plus what the
 * page derives from it.
 */
export type SegmentRow = Omit<SegmentEvent, 'kind' | 'src' | 'dst'> & {
  dropped: boolean;
  /** "10.0.0.2:40312" */
  from: string;
  to: string;
  /** the payload as a short quoted preview ('' when empty) */
  preview: string;
  /** index of its event in the trace (orders it among state changes) */
  at: number;
  /** set by the timeline (./timeline.ts stateAtMoment): sent but not yet arrived at this moment */
  inFlight?: boolean;
};

/** A connection's socket entering a new TCP state (the sequence diagram writes these along the lanes). */
export interface StateChange {
  /** index of the `sock` event in the trace */
  at: number;
  t: number;
  host: string;
  sock: number;
  /** "10.0.0.2:40312" and its peer */
  local: string;
  peer: string;
  state: TcpState;
}

export interface CallLogRow {
  callId: number;
  host: string;
  label: string;
  /** resultText of the result, or null while the call has not returned within this prefix */
  result: string | null;
  errno?: string;
  /** 1-based source line, when the call is one of the program's and its line is known */
  line: number | null;
  /** true when the reader's program made it (false: a built-in server's call). Without `calls`, always true. */
  byProgram: boolean;
  t: number;
  /** when it returned, or null */
  tDone: number | null;
}

export interface NoteRow {
  t: number;
  host: string;
  text: string;
}

export interface InspectorState {
  /** how many trace events this state covers */
  end: number;
  /** virtual time of the last covered event (0 for none) */
  t: number;
  /** hosts in order of appearance */
  hosts: HostState[];
  /** segments sent so far, in send order */
  segments: SegmentRow[];
  /** calls started so far, in order (program calls and built-in servers' calls) */
  calls: CallLogRow[];
  notes: NoteRow[];
  /** every state change of a socket with a peer, in trace order */
  stateChanges: StateChange[];
}

type SockEvent = Extract<TraceEvent, {kind: 'sock'}>;

/** Step/Back positions: one step per socket call of the program, in order. */
export function steps(result: Pick<RunResult, 'trace' | 'calls'>): Step[] {
  const {trace, calls} = result;
  const callIndex = new Map<number, number>();
  const results = new Map<number, SyscallResult>();
  trace.forEach((e, i) => {
    if (e.kind === 'call') callIndex.set(e.callId, i);
    else if (e.kind === 'result') results.set(e.callId, e.res);
  });
  const known = calls.filter((c) => callIndex.has(c.callId));
  known.sort((a, b) => callIndex.get(a.callId)! - callIndex.get(b.callId)!);
  return known.map((c, k) => {
    const start = callIndex.get(c.callId)!;
    const ev = trace[start] as Extract<TraceEvent, {kind: 'call'}>;
    const res = results.get(c.callId);
    const errno = res ? resultErrno(res) : undefined;
    return {
      callId: c.callId,
      host: c.host,
      line: c.line,
      label: callLabel(ev.req),
      resultText: res ? resultText(res) : '…',
      ...(errno ? {errno} : {}),
      t: ev.t,
      traceStart: start,
      traceEnd: k + 1 < known.length ? callIndex.get(known[k + 1].callId)! : trace.length,
    };
  });
}

/** The inspectors' state after events [0, end) of the trace. `calls` adds source lines to the call log. */
export function inspectAt(trace: readonly TraceEvent[], end: number, calls?: readonly CallRecord[]): InspectorState {
  const stop = Math.max(0, Math.min(end, trace.length));
  const lines = new Map<number, number | null>();
  for (const c of calls ?? []) lines.set(c.callId, c.line);

  const hostOrder: string[] = [];
  const hostInfo = new Map<string, {ip: string; builtin: boolean}>();
  const ipOwner = new Map<string, string>();
  /** host -> fd -> sock */
  const fdTables = new Map<string, Map<number, number | null>>();
  const socks = new Map<number, SockEvent>();
  const segments: SegmentRow[] = [];
  const callRows: CallLogRow[] = [];
  const callRowById = new Map<number, CallLogRow>();
  const notes: NoteRow[] = [];
  const stateChanges: StateChange[] = [];
  let t = 0;

  const ensureHost = (name: string) => {
    if (!hostInfo.has(name)) {
      hostInfo.set(name, {ip: '', builtin: false});
      hostOrder.push(name);
    }
  };

  for (let i = 0; i < stop; i++) {
    const e = trace[i];
    t = e.t;
    switch (e.kind) {
      case 'host':
        ensureHost(e.host);
        hostInfo.set(e.host, {ip: e.ip, builtin: e.builtin});
        ipOwner.set(e.ip, e.host);
        break;
      case 'fd': {
        ensureHost(e.host);
        let table = fdTables.get(e.host);
        if (!table) fdTables.set(e.host, (table = new Map()));
        if (e.sock === null) table.delete(e.fd);
        else table.set(e.fd, e.sock);
        break;
      }
      case 'sock':
        ensureHost(e.host);
        if (e.remote && socks.get(e.sock)?.state !== e.state) {
          stateChanges.push({at: i, t: e.t, host: e.host, sock: e.sock, local: addrText(e.local), peer: addrText(e.remote), state: e.state});
        }
        socks.set(e.sock, e);
        break;
      case 'sock-gone':
        socks.delete(e.sock);
        break;
      case 'segment':
        segments.push(segmentRow(e, i));
        break;
      case 'call': {
        ensureHost(e.host);
        const row: CallLogRow = {
          callId: e.callId,
          host: e.host,
          label: callLabel(e.req as SyscallRequest),
          result: null,
          line: lines.get(e.callId) ?? null,
          byProgram: calls ? lines.has(e.callId) : true,
          t: e.t,
          tDone: null,
        };
        callRows.push(row);
        callRowById.set(e.callId, row);
        break;
      }
      case 'result': {
        const row = callRowById.get(e.callId);
        if (row) {
          row.result = resultText(e.res);
          const errno = resultErrno(e.res);
          if (errno) row.errno = errno;
          row.tDone = e.t;
        }
        break;
      }
      case 'note':
        notes.push({t: e.t, host: e.host, text: e.text});
        break;
    }
  }

  const nameOf = (a: SockAddr | null): string | null => (a ? (ipOwner.get(a.ip) ?? null) : null);

  const socketRow = (s: SockEvent, fds: number[]): SocketRow => ({
    sock: s.sock,
    host: s.host,
    state: s.state,
    recvQ: s.recvQ,
    sendQ: s.sendQ,
    local: addrText(s.local),
    peer: s.remote ? addrText(s.remote) : '0.0.0.0:*',
    localHost: nameOf(s.local),
    peerHost: nameOf(s.remote),
    orphan: s.orphan,
    fds,
  });

  const hosts: HostState[] = hostOrder.map((name) => {
    const info = hostInfo.get(name)!;
    const table = fdTables.get(name) ?? new Map<number, number | null>();
    const fdsOfSock = new Map<number, number[]>();
    const fds: FdRow[] = [...table.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([fd, sockId]) => {
        if (sockId !== null) fdsOfSock.set(sockId, [...(fdsOfSock.get(sockId) ?? []), fd]);
        const s = sockId === null ? undefined : socks.get(sockId);
        return {
          fd,
          sock: sockId,
          local: s ? addrText(s.local) : null,
          remote: s?.remote ? addrText(s.remote) : null,
          localHost: s ? nameOf(s.local) : null,
          remoteHost: s ? nameOf(s.remote) : null,
          state: s ? s.state : null,
        };
      });
    const own = [...socks.values()].filter((s) => s.host === name).sort((a, b) => a.sock - b.sock);
    const allSockets = own.map((s) => socketRow(s, fdsOfSock.get(s.sock) ?? []));
    const sockets = allSockets
      .filter((r) => r.state !== 'CLOSED')
      .sort((a, b) => cmp(a.local, b.local) || cmp(a.peer, b.peer) || a.sock - b.sock);
    const buffers: BufferRow[] = own
      .filter((s) => s.remote !== null)
      .map((s) => ({
        sock: s.sock,
        host: s.host,
        local: addrText(s.local),
        peer: addrText(s.remote!),
        peerHost: nameOf(s.remote),
        state: s.state,
        recvQ: s.recvQ,
        recvBuf: s.recvBuf,
        sendQ: s.sendQ,
        sendBuf: s.sendBuf,
      }));
    return {name, ip: info.ip, builtin: info.builtin, fds, sockets, allSockets, buffers};
  });

  return {end: stop, t, hosts, segments, calls: callRows, notes, stateChanges};
}

function segmentRow(e: SegmentEvent, at: number): SegmentRow {
  return {
    id: e.id,
    t: e.t,
    arrives: e.arrives,
    dropped: e.arrives === null,
    fromHost: e.fromHost,
    toHost: e.toHost,
    from: addrText(e.src),
    to: addrText(e.dst),
    flags: e.flags,
    seq: e.seq,
    ack: e.ack,
    relSeq: e.relSeq,
    relAck: e.relAck,
    window: e.window,
    len: e.len,
    // the preview shows 24 characters: decoding 96 bytes is always enough (a long transfer has thousands of segments)
    preview: e.len > 0 ? quotePreview(bytesToText(e.payload.subarray(0, 96))) : '',
    callId: e.callId,
    cause: e.cause,
    payload: e.payload,
    at,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
