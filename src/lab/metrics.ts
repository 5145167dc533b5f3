/**
 * What the lab shows about one run, computed from the simulator's trace alone (the UI never asks the
 * simulator anything): the connections between the client and the web server, each as a waterfall row,
 * and the counts of the results table.
 *
 * Times are taken from the CLIENT's point of view, like a browser's network panel: a segment the client
 * sends counts at its send time, a segment it receives at its arrival time.
 */
import type {TraceEvent} from '../sim/api';
import {CLIENT_HOST, SERVER_HOST} from './modes';

type Segment = Extract<TraceEvent, {kind: 'segment'}>;

export type PhaseKind = 'handshake' | 'request' | 'response' | 'close';

export interface Phase {
  kind: PhaseKind;
  /** virtual ms, client's view */
  start: number;
  end: number;
}

export interface ConnectionRow {
  /** 1-based, in the order the client opened them */
  index: number;
  /** the client's (ephemeral) port: it names the connection */
  clientPort: number;
  phases: Phase[];
  /** ids of every segment of this connection, both directions, for the sequence diagram */
  segmentIds: number[];
  /** request/response exchanges seen on it */
  exchanges: number;
}

export interface LabMetrics {
  connections: ConnectionRow[];
  /** connections whose SYN was answered by a SYN-ACK */
  handshakes: number;
  /** every segment between the client and the server, both directions, ACKs and FINs included */
  segments: number;
  /**
   * How many times the client sent something and had to wait for the answer: SYNs and requests
   * sent at (about) the same moment count once, because they wait for their answers together.
   */
  roundTrips: number;
  /** from the first SYN to the arrival of the last byte of the last response (ms) */
  totalMs: number;
  /** first SYN sent (ms); the waterfall's origin */
  startMs: number;
  /** the last event of any connection as the client sees it (ms); the waterfall's right edge */
  endMs: number;
  /** the smallest handshake time seen: SYN sent → SYN-ACK arrived (ms), null without a handshake */
  rttMs: number | null;
}

interface Endpoints {
  client?: string;
  server?: string;
}

const has = (flags: string, f: string) => flags.includes(f);

export function labMetrics(trace: readonly TraceEvent[], hosts: Endpoints = {}): LabMetrics {
  const client = hosts.client ?? CLIENT_HOST;
  const server = hosts.server ?? SERVER_HOST;

  // Group the segments of each connection by the client's port.
  const byPort = new Map<number, Segment[]>();
  for (const e of trace) {
    if (e.kind !== 'segment') continue;
    const fromClient = e.fromHost === client && e.toHost === server;
    const toClient = e.fromHost === server && e.toHost === client;
    if (!fromClient && !toClient) continue;
    const port = fromClient ? e.src.port : e.dst.port;
    let list = byPort.get(port);
    if (!list) byPort.set(port, (list = []));
    list.push(e);
  }

  const isFromClient = (s: Segment) => s.fromHost === client;
  /** when the client sees it: sends at t, arrivals at `arrives`; null for a segment lost on its way in */
  const seenAt = (s: Segment): number | null => (isFromClient(s) ? s.t : s.arrives);

  const opened = [...byPort.entries()]
    .map(([port, segs]) => ({port, segs, syn: segs.find((s) => isFromClient(s) && s.flags === 'S')}))
    .filter((c) => c.syn !== undefined)
    .sort((a, b) => a.syn!.t - b.syn!.t || a.syn!.id - b.syn!.id);

  let handshakes = 0;
  let segments = 0;
  let rttMs: number | null = null;
  let lastResponseByte: number | null = null;
  let endMs = 0;
  const openingSends: number[] = [];

  const connections: ConnectionRow[] = opened.map(({port, segs, syn}, k) => {
    segments += segs.length;
    // Client's view, in order; at the same instant arrivals come first (the client reacts to them).
    const seen = segs
      .map((s) => ({s, at: seenAt(s)}))
      .filter((x): x is {s: Segment; at: number} => x.at !== null)
      .sort((a, b) => a.at - b.at || Number(isFromClient(a.s)) - Number(isFromClient(b.s)) || a.s.id - b.s.id);

    const phases: Phase[] = [];
    const synAck = seen.find((x) => !isFromClient(x.s) && has(x.s.flags, 'S') && has(x.s.flags, 'A'));
    const handshakeEnd = synAck ? synAck.at : (seen[seen.length - 1]?.at ?? syn!.t);
    phases.push({kind: 'handshake', start: syn!.t, end: handshakeEnd});
    openingSends.push(syn!.t);
    if (synAck) {
      handshakes++;
      const rtt = synAck.at - syn!.t;
      rttMs = rttMs === null ? rtt : Math.min(rttMs, rtt);
    }

    // Requests and responses: a client payload opens a request (unless one is already waiting), the
    // first server payload after it turns it into a response, which grows until the next request.
    let exchanges = 0;
    let request: Phase | null = null;
    let response: Phase | null = null;
    let closeStart: number | null = null;
    for (const {s, at} of seen) {
      if (s.len > 0 && isFromClient(s)) {
        if (!request) {
          request = {kind: 'request', start: at, end: at};
          phases.push(request);
          openingSends.push(at);
          response = null;
          exchanges++;
        }
      } else if (s.len > 0) {
        if (request) {
          request.end = at;
          request = null;
          response = {kind: 'response', start: at, end: at};
          phases.push(response);
        } else if (response) {
          response.end = at;
        }
        lastResponseByte = lastResponseByte === null ? at : Math.max(lastResponseByte, at);
      }
      if ((has(s.flags, 'F') || has(s.flags, 'R')) && closeStart === null) closeStart = at;
    }
    const last = seen.length > 0 ? seen[seen.length - 1].at : syn!.t;
    if (closeStart !== null) phases.push({kind: 'close', start: closeStart, end: last});
    endMs = Math.max(endMs, last);

    return {index: k + 1, clientPort: port, phases, segmentIds: segs.map((s) => s.id), exchanges};
  });

  const startMs = opened.length > 0 ? opened[0].syn!.t : 0;
  return {
    connections,
    handshakes,
    segments,
    roundTrips: countRoundTrips(openingSends, rttMs),
    totalMs: lastResponseByte === null ? 0 : lastResponseByte - startMs,
    startMs,
    endMs: Math.max(endMs, startMs),
    rttMs,
  };
}

/**
 * Sends that wait for their answers together are one round trip: sends closer than half a round trip
 * to the first send of the current group join it (an answer cannot come back sooner than a full one).
 */
function countRoundTrips(sendTimes: number[], rttMs: number | null): number {
  if (sendTimes.length === 0 || rttMs === null) return 0;
  const sorted = [...sendTimes].sort((a, b) => a - b);
  let count = 0;
  let groupStart = -Infinity;
  for (const t of sorted) {
    if (t >= groupStart + rttMs / 2) {
      count++;
      groupStart = t;
    }
  }
  return count;
}
