/**
 * Runs a conformance scenario (test/conformance/README.md) on a World the way oracle.py runs it on the
 * kernel: hosts as separate descriptor tables, logical ports used as written, every call followed by a
 * 250 ms settle, blocking calls given up after 500 ms, and results written with the same labels
 * (host names, "*", logical ports, "ephemeral#K" in allocation order).
 *
 * The observations are computed from the world's trace only (sock/segment events), the same stream
 * the UI reads.
 */
import type {SockAddr, SyscallRequest, SyscallResult, TraceEvent} from '../api';
import {World} from '../net/world';
import {bytesLatin1, latin1Bytes} from '../wire/bytes';

export const SETTLE_MS = 250;
export const BLOCK_TIMEOUT_MS = 500;
/** a loopback-like link: the kernel recordings run every host on 127.0.0.1 */
export const LOOPBACK_LATENCY_MS = 0.05;
/** Linux's MSS on lo (MTU 65536) */
export const LOOPBACK_MSS = 65483;

export interface ScenarioStep {
  on?: string;
  call?: string;
  /** `ss`: the socket table with Recv-Q/Send-Q, as `ss -tan` prints it (an observation of this project's oracle copy) */
  observe?: 'tcp' | 'packets' | 'ss';
  as?: string;
  fd?: string | number;
  to?: string;
  port?: number;
  backlog?: number;
  data?: string;
  max?: number;
  how?: 'SHUT_RD' | 'SHUT_WR' | 'SHUT_RDWR';
  opt?: string;
  value?: number;
}

export interface Scenario {
  name: string;
  summary?: string;
  steps: ScenarioStep[];
}

export type StepResult = Record<string, unknown>;

const SHUT: Record<string, 0 | 1 | 2> = {SHUT_RD: 0, SHUT_WR: 1, SHUT_RDWR: 2};

interface SockState {
  host: string;
  local: SockAddr;
  remote: SockAddr | null;
  state: string;
  recvQ: number;
  sendQ: number;
}

/** Run every step; returns one result per step, in the format compare.py reads. */
export function runScenario(
  sc: Scenario,
  seed = 1,
  /** called at every observation step with the world (tests look at the trace there) */
  onObserve?: (world: World, step: number) => void,
): StepResult[] {
  const world = new World({seed, latencyMs: LOOPBACK_LATENCY_MS, mss: LOOPBACK_MSS});
  const logical = new Set<number>();
  for (const st of sc.steps) {
    if ((st.call === 'bind' || st.call === 'connect') && st.port) logical.add(st.port);
    for (const h of [st.on, st.to]) if (h && !world.hasHost(h)) world.addHost(h);
  }

  const labels = new Map<string, string>(); // "host|port" → ephemeral#K
  const names = new Map<string, Map<string, number>>();
  const socks = new Map<number, SockState>();
  let traceAt = 0;
  let packets: TraceEvent[] = [];

  /** Read the trace written since the last look: socket table, new ephemeral ports, segments. */
  const absorb = (): void => {
    const tr = world.trace;
    for (; traceAt < tr.length; traceAt++) {
      const e = tr[traceAt];
      if (e.kind === 'sock') {
        socks.set(e.sock, {host: e.host, local: e.local, remote: e.remote, state: e.state, recvQ: e.recvQ, sendQ: e.sendQ});
        const p = e.local.port;
        if (p !== 0 && !logical.has(p) && !labels.has(`${e.host}|${p}`)) {
          labels.set(`${e.host}|${p}`, `ephemeral#${labels.size + 1}`);
        }
      } else if (e.kind === 'sock-gone') {
        socks.delete(e.sock);
      } else if (e.kind === 'segment') {
        if (logical.has(e.src.port) || logical.has(e.dst.port)) packets.push(e);
      }
    }
  };

  const hostLabel = (ip: string): string => (ip === '0.0.0.0' ? '*' : world.hostOf(ip) ?? `?${ip}`);
  /** the port as the recordings write it; `owner` is the host whose socket has that local port */
  const portLabel = (port: number, owner: string): number | string => {
    if (port === 0 || logical.has(port)) return port;
    return labels.get(`${owner}|${port}`) ?? `unknown#${port}`;
  };
  const ownerOf = (a: SockAddr, fallback: string): string => (a.ip === '0.0.0.0' ? fallback : hostLabel(a.ip));
  const addrStr = (a: SockAddr | null, fallback: string): string => {
    if (!a || (a.ip === '0.0.0.0' && a.port === 0)) return '*:*';
    return `${hostLabel(a.ip)}:${portLabel(a.port, ownerOf(a, fallback))}`;
  };

  const fdOf = (host: string, fd: string | number | undefined): number => {
    if (typeof fd === 'number') return fd;
    const n = names.get(host)?.get(fd ?? '');
    if (n === undefined) throw new Error(`${sc.name}: host ${host}: name ${JSON.stringify(fd)} was never bound to a descriptor`);
    return n;
  };

  const toRequest = (st: ScenarioStep, host: string): SyscallRequest => {
    const fd = st.call === 'socket' ? 0 : fdOf(host, st.fd);
    switch (st.call) {
      case 'socket':
        return {call: 'socket'};
      case 'bind':
        return {call: 'bind', fd, addr: {ip: '0.0.0.0', port: st.port ?? 0}};
      case 'listen':
        return {call: 'listen', fd, backlog: st.backlog ?? 0};
      case 'accept':
        return {call: 'accept', fd};
      case 'connect':
        return {call: 'connect', fd, addr: {ip: world.ipOf(st.to!)!, port: st.port ?? 0}};
      case 'write':
        return {call: 'write', fd, data: latin1Bytes(st.data ?? '')};
      case 'read':
        return {call: 'read', fd, max: st.max ?? 0};
      case 'close':
        return {call: 'close', fd};
      case 'shutdown':
        return {call: 'shutdown', fd, how: SHUT[st.how ?? ''] ?? (-1 as 0)};
      case 'getsockname':
        return {call: 'getsockname', fd};
      case 'getpeername':
        return {call: 'getpeername', fd};
      case 'setsockopt':
        return {call: 'setsockopt', fd, opt: st.opt as 'SO_REUSEADDR', value: st.value ?? 0};
      default:
        throw new Error(`${sc.name}: unknown call ${JSON.stringify(st.call)}`);
    }
  };

  const render = (st: ScenarioStep, host: string, r: SyscallResult): StepResult => {
    if ('blocked' in r) return {blocked: true};
    if ('err' in r) return {err: r.err};
    if ('data' in r) return {data: bytesLatin1(r.data)};
    if ('ret' in r) {
      if (st.call === 'accept' && r.addr) {
        return {ret: r.ret, host: hostLabel(r.addr.ip), port: portLabel(r.addr.port, hostLabel(r.addr.ip))};
      }
      return {ret: r.ret};
    }
    const owner = st.call === 'getsockname' ? host : hostLabel(r.addr.ip);
    return {host: hostLabel(r.addr.ip), port: portLabel(r.addr.port, r.addr.ip === '0.0.0.0' ? host : owner)};
  };

  const results: StepResult[] = [];
  for (const [i, st] of sc.steps.entries()) {
    if (st.observe) onObserve?.(world, i);
    if (st.observe === 'tcp' || st.observe === 'ss') {
      absorb();
      const rows = [...socks.values()]
        .filter((s) => s.state !== 'CLOSED')
        .map((s) => ({
          host: s.host, local: addrStr(s.local, s.host), remote: addrStr(s.remote, s.host), state: s.state,
          recvQ: s.recvQ, sendQ: s.sendQ,
        }))
        .sort((a, b) => cmp(a.host, b.host) || cmp(a.local, b.local) || cmp(a.remote, b.remote) || cmp(a.state, b.state) ||
          a.recvQ - b.recvQ || a.sendQ - b.sendQ);
      if (st.observe === 'ss') results.push({ss: rows});
      else results.push({tcp: rows.map(({recvQ: _r, sendQ: _s, ...row}) => row)});
      continue;
    }
    if (st.observe === 'packets') {
      absorb();
      results.push({packets: packets.map(renderPacket)});
      packets = [];
      continue;
    }
    const host = st.on!;
    const res = world.call(host, toRequest(st, host), {blockTimeoutMs: BLOCK_TIMEOUT_MS});
    absorb();
    results.push(render(st, host, res));
    if (st.as && 'ret' in res) {
      if (!names.has(host)) names.set(host, new Map());
      names.get(host)!.set(st.as, res.ret);
    }
    world.advance(SETTLE_MS);
    absorb();
  }
  return results;

  function renderPacket(e: TraceEvent): StepResult {
    if (e.kind !== 'segment') throw new Error('not a segment');
    const out: StepResult = {
      from: addrStr(e.src, e.fromHost),
      to: addrStr(e.dst, e.toHost),
      flags: e.flags,
      len: e.len,
      seq: e.relSeq,
    };
    if (e.flags.includes('A')) out.ack = e.relAck;
    return out;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
