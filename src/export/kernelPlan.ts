/**
 * What the kernel check script (kernelCheck.ts) replays, taken from a finished run's trace: the reader's socket calls in
 * the order the simulator ran them, with their concrete arguments and the simulator's results, and what each built-in
 * server did on each connection (its stand-in repeats it). Plain JSON: bytes as hex. Pure.
 */
import type {SockAddr, SyscallRequest, SyscallResult, TraceEvent} from '../sim/api';
import type {RunResult} from '../runner/types';

type Json = string | number | boolean | null | Json[] | {[k: string]: Json};

export interface PlanCall {
  kind: 'call';
  callId: number;
  host: string;
  line: number | null;
  req: Json;
}
export interface PlanResult {
  kind: 'result';
  callId: number;
  res: Json;
  /** virtual ms the call took in the simulator (a kernel call still waiting after much less is not a difference) */
  waited: number;
}

/** One step of a stand-in's connection: once it has received `after` bytes, send `send` (hex), then maybe close. */
export interface StandinAction {
  after: number;
  send?: string;
  close?: 'fin' | 'rst';
}

export interface Standin {
  ip: string;
  port: number;
  /** host name of the built-in server */
  host: string;
  /** per accepted connection, in the order the simulated connections were opened */
  conns: StandinAction[][];
}

export interface KernelPlan {
  /** hosts whose calls are replayed, each in a process of its own */
  hosts: string[];
  /** every simulated host's address (all become 127.0.0.1) */
  ips: string[];
  /** ports the program bound explicitly: compared exactly (others are ephemeral) */
  fixedPorts: number[];
  standins: Standin[];
  steps: (PlanCall | PlanResult)[];
  /** calls that never returned (the run ended while they waited) */
  unfinished: PlanCall[];
}

type Segment = Extract<TraceEvent, {kind: 'segment'}>;

export function hex(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += x.toString(16).padStart(2, '0');
  return s;
}

function reqJson(req: SyscallRequest, res: SyscallResult | undefined): Json {
  const out: {[k: string]: Json} = {};
  for (const [k, v] of Object.entries(req)) {
    if (v instanceof Uint8Array) out[k] = hex(v);
    else if (k === 'addr') out[k] = {ip: (v as SockAddr).ip, port: (v as SockAddr).port};
    else if (k === 'fds') out[k] = (v as {fd: number; events: number}[]).map((e) => ({fd: e.fd, events: e.events}));
    else out[k] = v as Json;
  }
  // a read that returned n bytes is repeated until the kernel has given n bytes (its pieces may be cut otherwise)
  if (req.call === 'read' && res && 'data' in res && res.data.length > 0) out.want = res.data.length;
  // nothing was ready yet in the simulator: the kernel only looks (MSG_PEEK, select), so later calls stay in step
  if ((req.call === 'read' || req.call === 'accept') && res && 'err' in res && res.err === 'EAGAIN') out.simEagain = true;
  return out;
}

function resJson(res: SyscallResult): Json {
  if ('data' in res) return {data: hex(res.data)};
  if ('err' in res) return {err: res.err};
  if ('blocked' in res) return {blocked: true};
  const out: {[k: string]: Json} = {};
  if ('ret' in res) out.ret = res.ret;
  if (res.addr) out.addr = {ip: res.addr.ip, port: res.addr.port};
  if ('revents' in res && res.revents) out.revents = res.revents;
  return out;
}

export function kernelPlan(result: RunResult): KernelPlan {
  const lines = new Map(result.calls.map((c) => [c.callId, c.line]));
  const results = new Map<number, SyscallResult>();
  for (const e of result.trace) if (e.kind === 'result') results.set(e.callId, e.res);

  const hosts: string[] = [];
  const ips: string[] = [];
  const builtins = new Map<string, string>();
  const fixedPorts = new Set<number>();
  const steps: (PlanCall | PlanResult)[] = [];
  const unfinished: PlanCall[] = [];
  const started = new Map<number, number>();
  for (const e of result.trace) {
    if (e.kind === 'host') {
      ips.push(e.ip);
      if (e.builtin) builtins.set(e.ip, e.host);
    } else if (e.kind === 'call') {
      if (!hosts.includes(e.host)) hosts.push(e.host);
      started.set(e.callId, e.t);
      if (e.req.call === 'bind' && e.req.addr.port !== 0) fixedPorts.add(e.req.addr.port);
      const step: PlanCall = {kind: 'call', callId: e.callId, host: e.host, line: lines.get(e.callId) ?? null, req: reqJson(e.req, results.get(e.callId))};
      steps.push(step);
      if (!results.has(e.callId)) unfinished.push(step);
    } else if (e.kind === 'result') {
      steps.push({kind: 'result', callId: e.callId, res: resJson(e.res), waited: e.t - (started.get(e.callId) ?? e.t)});
    }
  }
  return {hosts, ips, fixedPorts: [...fixedPorts], standins: standinsOf(result.trace, builtins), steps, unfinished};
}

/**
 * What each built-in server did on each accepted connection: the bytes it sent, each after how many of the peer's
 * bytes had reached it (contiguous, by sequence number), and its FIN or RST.
 */
function standinsOf(trace: readonly TraceEvent[], builtins: Map<string, string>): Standin[] {
  const segs = trace.filter((e): e is Segment => e.kind === 'segment');
  const byServer = new Map<string, Standin>();
  interface Conn {
    actions: StandinAction[];
    /** the peer's data that reached the server: [start, end) in relative sequence numbers, data from 1 */
    arrived: {at: number; from: number; to: number}[];
    sent: number;
    closed: boolean;
    accepted: boolean;
    /** the peer's ISN: a SYN with the same one is sent again, not a new connection */
    isn: number;
  }
  const conns = new Map<string, Conn>();
  const received = (c: Conn, t: number): number => {
    let end = 0;
    for (let grew = true; grew; ) {
      grew = false;
      for (const a of c.arrived) if (a.at <= t && a.from <= end && a.to > end) ((end = a.to), (grew = true));
    }
    return end;
  };
  for (const s of segs) {
    const toServer = builtins.has(s.dst.ip);
    const server = toServer ? s.dst : s.src;
    if (!builtins.has(server.ip)) continue;
    const peer = toServer ? s.src : s.dst;
    const key = `${peer.ip}:${peer.port}>${server.ip}:${server.port}`;
    if (toServer && s.flags === 'S') {
      // a new connection (or a new one on the same address pair): its actions start afresh
      if (conns.get(key)?.isn !== s.seq) conns.set(key, {actions: [], arrived: [], sent: 0, closed: false, accepted: false, isn: s.seq});
      continue;
    }
    const c = conns.get(key);
    if (!c) continue;
    if (toServer) {
      if (s.len > 0 && s.arrives !== null && s.relSeq !== null) c.arrived.push({at: s.arrives, from: s.relSeq - 1, to: s.relSeq - 1 + s.len});
      continue;
    }
    if (s.flags.includes('S')) {
      if (!c.accepted) {
        c.accepted = true;
        const id = `${server.ip}:${server.port}`;
        if (!byServer.has(id)) byServer.set(id, {ip: server.ip, port: server.port, host: builtins.get(server.ip)!, conns: []});
        byServer.get(id)!.conns.push(c.actions);
      }
      continue;
    }
    if (!c.accepted || c.closed || s.relSeq === null) continue;
    const after = received(c, s.t);
    const start = s.relSeq - 1;
    if (s.len > 0 && start + s.len > c.sent) {
      const fresh = s.payload.subarray(Math.max(0, c.sent - start));
      c.sent = start + s.len;
      const last = c.actions[c.actions.length - 1];
      if (last && last.after === after && !last.close) last.send = (last.send ?? '') + hex(fresh);
      else c.actions.push({after, send: hex(fresh)});
    }
    if (s.flags.includes('R') || s.flags.includes('F')) {
      c.actions.push({after, close: s.flags.includes('R') ? 'rst' : 'fin'});
      c.closed = true;
    }
  }
  return [...byServer.values()];
}
