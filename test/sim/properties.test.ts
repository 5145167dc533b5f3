/**
 * Property tests over random call sequences on several hosts (fast-check):
 * - a call never throws: every outcome is a result, an errno or "blocked";
 * - each host's descriptors are unique and always the lowest free number from 3 (socket, accept);
 * - every state change is an arc of RFC 9293's state diagram (§3.3.2 Figure 5), plus the abort
 *   arcs to CLOSED (RST, timeout, close with unread data) that §3.10 describes;
 * - the bytes one end reads are, in order, a prefix of the bytes the other end wrote;
 * - the same seed and calls give the same trace.
 */
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {World} from '../../src/sim';
import type {Errno, SyscallRequest, SyscallResult, TcpState, TraceEvent} from '../../src/sim/api';

const HOSTS = ['alpha', 'beta', 'gamma'] as const;
const PORTS = [8080, 8081, 0];

type Cmd =
  | {host: string; req: SyscallRequest; timeout: number | undefined; to?: string}
  | {advance: number}
  /** socket() then connect() to one of the listeners */
  | {dial: string; to: 'beta' | 'gamma'; timeout: number | undefined}
  /** accept() on a listener's descriptor 3 */
  | {serve: 'beta' | 'gamma'; timeout: number | undefined};

/**
 * `fd` in a generated request is a choice, not a number: 0–999 picks one of the host's open
 * descriptors at run time (so that calls meet live sockets), 1000+ is used as a raw number minus 1000
 * (closed or never opened numbers: EBADF).
 */
const fdArb = fc.oneof({weight: 8, arbitrary: fc.integer({min: 0, max: 999})}, {weight: 1, arbitrary: fc.integer({min: 1002, max: 1009})});
const hostArb = fc.constantFrom(...HOSTS);
const timeoutArb = fc.constantFrom<number | undefined>(undefined, 0, 30, 500);

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  {weight: 2, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.constant<SyscallRequest>({call: 'socket'})})},
  {weight: 1, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('bind' as const), fd: fdArb, addr: fc.record({ip: fc.constant('0.0.0.0'), port: fc.constantFrom(...PORTS)})})})},
  {weight: 1, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('listen' as const), fd: fdArb, backlog: fc.integer({min: 0, max: 3})})})},
  {weight: 4, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('accept' as const), fd: fdArb})})},
  // mostly at the two listeners (beta:8080, gamma:8081), sometimes at a port nobody listens on
  {weight: 4, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, to: hostArb, req: fc.record({call: fc.constant('connect' as const), fd: fdArb, addr: fc.record({ip: fc.constant(''), port: fc.constantFrom(0, 0, 0, 8082)})})})},
  {weight: 5, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('write' as const), fd: fdArb, data: fc.uint8Array({minLength: 0, maxLength: 3000})})})},
  {weight: 5, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('read' as const), fd: fdArb, max: fc.integer({min: 1, max: 4000})})})},
  {weight: 2, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('close' as const), fd: fdArb})})},
  {weight: 1, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('shutdown' as const), fd: fdArb, how: fc.constantFrom(0 as const, 1 as const, 2 as const)})})},
  {weight: 1, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constantFrom('getsockname' as const, 'getpeername' as const), fd: fdArb})})},
  {weight: 1, arbitrary: fc.record({host: hostArb, timeout: timeoutArb, req: fc.record({call: fc.constant('setsockopt' as const), fd: fdArb, opt: fc.constant('SO_REUSEADDR' as const), value: fc.constantFrom(0, 1)})})},
  {weight: 2, arbitrary: fc.record({advance: fc.constantFrom(1, 40, 250, 1000, 61_000)})},
  {weight: 4, arbitrary: fc.record({dial: hostArb, to: fc.constantFrom('beta' as const, 'gamma' as const), timeout: timeoutArb})},
  {weight: 4, arbitrary: fc.record({serve: fc.constantFrom('beta' as const, 'gamma' as const), timeout: timeoutArb})},
);

const scenarioArb = fc.record({
  seed: fc.integer({min: 1, max: 1_000_000}),
  loss: fc.constantFrom(0, 0, 0.2),
  cmds: fc.array(cmdArb, {minLength: 5, maxLength: 80, size: 'max'}),
});

const ERRNOS = new Set<Errno>([
  'EBADF', 'ECONNREFUSED', 'ECONNRESET', 'EISCONN', 'ENOTCONN', 'EPIPE', 'EADDRINUSE', 'EADDRNOTAVAIL', 'EINVAL',
  'EMFILE', 'ETIMEDOUT', 'EAGAIN', 'EINPROGRESS', 'EALREADY', 'EHOSTUNREACH', 'EAFNOSUPPORT', 'EPROTONOSUPPORT',
  'EOPNOTSUPP', 'ENOPROTOOPT', 'ECONNABORTED',
]);

/** RFC 9293 Figure 5, plus the arcs to CLOSED of RST, ABORT and timeouts (§3.10.5, §3.10.7, §3.8.3). */
const ALLOWED: Record<TcpState, TcpState[]> = {
  CLOSED: ['LISTEN', 'SYN-SENT'],
  LISTEN: ['CLOSED', 'SYN-SENT'],
  'SYN-SENT': ['SYN-RECEIVED', 'ESTABLISHED', 'CLOSED'],
  'SYN-RECEIVED': ['ESTABLISHED', 'FIN-WAIT-1', 'CLOSED', 'LISTEN'],
  ESTABLISHED: ['FIN-WAIT-1', 'CLOSE-WAIT', 'CLOSED'],
  'FIN-WAIT-1': ['FIN-WAIT-2', 'CLOSING', 'TIME-WAIT', 'CLOSED'],
  'FIN-WAIT-2': ['TIME-WAIT', 'CLOSED'],
  'CLOSE-WAIT': ['LAST-ACK', 'CLOSED'],
  CLOSING: ['TIME-WAIT', 'CLOSED'],
  'LAST-ACK': ['CLOSED'],
  'TIME-WAIT': ['CLOSED'],
};
/** states a socket may be born in: a new socket, a listener's child, a SYN-cookie child */
const FIRST: TcpState[] = ['CLOSED', 'SYN-RECEIVED', 'ESTABLISHED'];

function run(seed: number, loss: number, cmds: Cmd[]): {world: World; results: SyscallResult[]} {
  const world = new World({seed, loss, latencyMs: 3, fdLimit: 12});
  for (const h of HOSTS) world.addHost(h);
  // two listeners to start from, so that random calls often meet a peer: beta:8080 and gamma:8081 on fd 3
  for (const [h, port] of [['beta', 8080], ['gamma', 8081]] as const) {
    world.call(h, {call: 'socket'});
    world.call(h, {call: 'bind', fd: 3, addr: {ip: '0.0.0.0', port}});
    world.call(h, {call: 'listen', fd: 3, backlog: 2});
  }
  const results: SyscallResult[] = [];
  for (const cmd of cmds) {
    if ('advance' in cmd) {
      world.advance(cmd.advance);
      continue;
    }
    if ('dial' in cmd) {
      const r = world.call(cmd.dial, {call: 'socket'});
      results.push(r);
      if ('ret' in r) {
        const addr = {ip: world.ipOf(cmd.to)!, port: cmd.to === 'beta' ? 8080 : 8081};
        results.push(world.call(cmd.dial, {call: 'connect', fd: r.ret, addr}, {blockTimeoutMs: cmd.timeout}));
      }
      continue;
    }
    if ('serve' in cmd) {
      results.push(world.call(cmd.serve, {call: 'accept', fd: 3}, {blockTimeoutMs: cmd.timeout}));
      continue;
    }
    let req = cmd.req;
    if ('fd' in req) {
      const host = world.host(cmd.host)!;
      const open = host.openFds();
      // most picks go to a connected socket, so that data flows; the rest to any open descriptor
      const connected = open.filter((fd) => host.socketOf(fd)?.conn);
      const from = req.fd < 700 && connected.length > 0 ? connected : open;
      const fd = req.fd >= 1000 ? req.fd - 1000 : from.length > 0 ? from[req.fd % from.length] : 3;
      req = {...req, fd};
    }
    if (req.call === 'connect') {
      const port = req.addr.port || (cmd.to === 'gamma' ? 8081 : 8080);
      req = {...req, addr: {ip: world.ipOf(cmd.to === 'alpha' && !req.addr.port ? 'beta' : cmd.to!)!, port}};
    }
    results.push(world.call(cmd.host, req, {blockTimeoutMs: cmd.timeout}));
  }
  world.runUntilQuiet();
  return {world, results};
}

function checkResult(r: SyscallResult): void {
  const keys = Object.keys(r).sort().join(',');
  expect(['ret', 'addr,ret', 'data', 'addr', 'err', 'blocked', 'blocked,reason']).toContain(keys);
  if ('err' in r) expect(ERRNOS.has(r.err)).toBe(true);
}

function checkDescriptors(trace: readonly TraceEvent[]): void {
  const tables = new Map<string, Map<number, number>>();
  const owner = new Map<number, string>();
  for (const e of trace) {
    if (e.kind !== 'fd') continue;
    const t = tables.get(e.host) ?? new Map<number, number>();
    tables.set(e.host, t);
    if (e.sock === null) {
      expect(t.has(e.fd), `${e.host} frees fd ${e.fd} that is not open`).toBe(true);
      owner.delete(t.get(e.fd)!);
      t.delete(e.fd);
      continue;
    }
    let lowest = 3;
    while (t.has(lowest)) lowest++;
    expect(e.fd, `${e.host} gets fd ${e.fd}, lowest free is ${lowest}`).toBe(lowest);
    expect(owner.has(e.sock), `socket ${e.sock} already has a descriptor`).toBe(false);
    t.set(e.fd, e.sock);
    owner.set(e.sock, `${e.host}:${e.fd}`);
  }
}

function checkStates(trace: readonly TraceEvent[]): void {
  const last = new Map<number, TcpState>();
  for (const e of trace) {
    if (e.kind !== 'sock') continue;
    const prev = last.get(e.sock);
    if (prev === undefined) expect(FIRST, `socket ${e.sock} born in ${e.state}`).toContain(e.state);
    else if (prev !== e.state) expect(ALLOWED[prev], `socket ${e.sock}: ${prev} → ${e.state}`).toContain(e.state);
    last.set(e.sock, e.state);
  }
}

function checkStreams(trace: readonly TraceEvent[]): number {
  const fdSock = new Map<string, number>();
  const written = new Map<number, number[]>();
  const read = new Map<number, number[]>();
  const tuple = new Map<number, string>();
  const pending = new Map<number, {sock: number; req: SyscallRequest}>();
  for (const e of trace) {
    if (e.kind === 'fd') {
      if (e.sock === null) fdSock.delete(`${e.host}:${e.fd}`);
      else fdSock.set(`${e.host}:${e.fd}`, e.sock);
    } else if (e.kind === 'sock' && e.remote) {
      tuple.set(e.sock, `${e.local.ip}:${e.local.port}>${e.remote.ip}:${e.remote.port}`);
    } else if (e.kind === 'call' && (e.req.call === 'write' || e.req.call === 'read')) {
      const sock = fdSock.get(`${e.host}:${e.req.fd}`);
      if (sock !== undefined) pending.set(e.callId, {sock, req: e.req});
    } else if (e.kind === 'result' && pending.has(e.callId)) {
      const {sock, req} = pending.get(e.callId)!;
      if (req.call === 'write' && 'ret' in e.res) {
        const w = written.get(sock) ?? [];
        w.push(...req.data.subarray(0, e.res.ret));
        written.set(sock, w);
      }
      if (req.call === 'read' && 'data' in e.res) {
        const r = read.get(sock) ?? [];
        r.push(...e.res.data);
        read.set(sock, r);
      }
    }
  }
  // pair each reader with the socket at the other end of its 4-tuple (skip tuples used twice)
  const bySide = new Map<string, number[]>();
  for (const [sock, t] of tuple) bySide.set(t, [...(bySide.get(t) ?? []), sock]);
  let checked = 0;
  for (const [sock, bytes] of read) {
    const t = tuple.get(sock);
    if (!t || bytes.length === 0) continue;
    const [l, r] = t.split('>');
    const peers = bySide.get(`${r}>${l}`) ?? [];
    if (peers.length !== 1 || (bySide.get(t) ?? []).length !== 1) continue;
    const sent = written.get(peers[0]) ?? [];
    expect(bytes.length).toBeLessThanOrEqual(sent.length);
    expect(Buffer.from(bytes).equals(Buffer.from(sent.slice(0, bytes.length)))).toBe(true);
    checked++;
  }
  return checked;
}

describe('properties over random call sequences (fast-check)', () => {
  it('no exception, lowest free descriptors, RFC 9293 state arcs only, bytes in order', () => {
    let streams = 0;
    fc.assert(
      fc.property(scenarioArb, ({seed, loss, cmds}) => {
        const {world, results} = run(seed, loss, cmds);
        results.forEach(checkResult);
        checkDescriptors(world.trace);
        checkStates(world.trace);
        streams += checkStreams(world.trace);
      }),
      {numRuns: 200, seed: 20260301},
    );
    expect(streams).toBeGreaterThanOrEqual(10); // the generator does produce connections that carry data
  });

  it('connections set up on purpose carry every byte in order, whatever the loss', () => {
    fc.assert(
      fc.property(
        fc.integer({min: 1, max: 1_000_000}),
        fc.constantFrom(0, 0.1, 0.3),
        fc.array(fc.uint8Array({minLength: 1, maxLength: 5000}), {minLength: 1, maxLength: 8}),
        (seed, loss, chunks) => {
          const w = new World({seed, loss, latencyMs: 4});
          const call = (h: string, req: SyscallRequest) => w.call(h, req);
          call('server', {call: 'socket'});
          call('server', {call: 'bind', fd: 3, addr: {ip: '0.0.0.0', port: 9000}});
          call('server', {call: 'listen', fd: 3, backlog: 1});
          call('client', {call: 'socket'});
          expect(call('client', {call: 'connect', fd: 3, addr: {ip: w.ipOf('server')!, port: 9000}})).toEqual({ret: 0});
          expect(call('server', {call: 'accept', fd: 3})).toMatchObject({ret: 4});
          const all: number[] = [];
          for (const c of chunks) {
            expect(call('client', {call: 'write', fd: 3, data: c})).toEqual({ret: c.length});
            all.push(...c);
          }
          call('client', {call: 'close', fd: 3});
          const got: number[] = [];
          for (;;) {
            const r = call('server', {call: 'read', fd: 4, max: 7000});
            if (!('data' in r)) throw new Error(JSON.stringify(r));
            if (r.data.length === 0) break;
            got.push(...r.data);
          }
          expect(Buffer.from(got).equals(Buffer.from(all))).toBe(true);
        },
      ),
      {numRuns: 60, seed: 7},
    );
  });

  it('the same seed and calls give the same trace', () => {
    fc.assert(
      fc.property(scenarioArb, ({seed, loss, cmds}) => {
        const a = run(seed, loss, cmds).world.trace;
        const b = run(seed, loss, cmds).world.trace;
        expect(b).toEqual(a);
      }),
      {numRuns: 40, seed: 99},
    );
  });
});
