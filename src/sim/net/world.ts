/**
 * The world: hosts joined by links with latency and seeded loss, a virtual clock driven by an event
 * queue, blocking calls in virtual time, and the trace the UI reads. This is the top layer; it
 * implements SimWorld from api.ts.
 */
import type {
  CallOptions, SegmentCause, WaitingCall as PublicWaitingCall, SimWorld, SockAddr, SyscallName, SyscallRequest, SyscallResult, TraceEvent, WorldOptions,
} from '../api';
import type {AppContext} from '../apps/app';
import {installBuiltins} from '../apps/builtins';
import {Host, isPending, type HostNet, type PendingCall} from '../host/host';
import {insteadOfWaiting, waitLimit} from '../host/poll';
import type {Socket} from '../socket/socket';
import {SYN_RETRIES, type TcpConnection} from '../tcp/connection';
import {TimerKind as _TimerKind, type TimerKind as TimerKindType, type TcpEnv, type TimerHandle, type Why} from '../tcp/env';
import {flagString, type Segment} from '../wire/segment';
import {EventKind as _EventKind, EventQueue, type SimEvent} from './events';
import {Rng} from './rng';
import {TraceWriter} from './trace';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call on the per-segment path. Measured 2026-12-05 (the bulk transfer of
// scripts/bench.ts, 7 interleaved A/B runs, medians): without these lines 578k instead of 950k segments per
// CPU-second (0.64x); the simulator-heavy unit tests took 1.10x as long. src/sim/README.md "Speed".
const TimerKind = _TimerKind;
const EventKind = _EventKind;

/** Extra construction options beyond the public WorldOptions. */
export interface WorldExtraOptions extends WorldOptions {
  /** maximum segment size on every link (default 1460; Linux's loopback uses 65483) */
  mss?: number;
  /** keep the trace (default true); the benchmark turns it off */
  trace?: boolean;
  /** net.ipv4.tcp_syn_retries (default 6, Linux's) */
  synRetries?: number;
}

interface Link {
  latencyMs: number;
  loss: number;
}

/** Virtual time a reader-mode call may wait before the world calls it blocked, as a safety net. */
export const MAX_WAIT_MS = 3_600_000;

/** Where a waiting call keeps what only the world may touch (the host's pending call, its sockets). */
const OPEN = Symbol('open call');

/**
 * A call that must wait (World.startCall). Its public fields are what a scheduler needs (api.ts); the rest is
 * behind a module-private symbol, so a runner handing it around never hands out sockets or hosts.
 */
interface WaitingCall extends PublicWaitingCall {
  readonly [OPEN]: {p: PendingCall; running: {callId: number; call: SyscallName}; host: string; pid: number | undefined};
}

type CallStarted = {callId: number; res: SyscallResult} | {callId: number; open: WaitingCall};

export class World implements SimWorld, HostNet {
  readonly trace: TraceEvent[];
  readonly ephemeralRange: [number, number];
  /** segments put on the wire so far (the benchmark reads it) */
  segmentsSent = 0;

  private clock = 0;
  private readonly queue = new EventQueue();
  private readonly rng: Rng;
  /** the secret key of the ISN hash (Linux's net_secret), from the seed */
  private readonly isnSecret: number;
  private readonly hosts = new Map<string, Host>();
  private readonly byIp = new Map<string, Host>();
  private readonly hostList: Host[] = [];
  private readonly links = new Map<number, Link>();
  private readonly defaultLink: Link;
  /** what the trace holds and how it is written (./trace.ts) */
  private readonly traceWriter: TraceWriter;
  private readonly tracing: boolean;
  private readonly mss: number;
  private readonly synRetries: number;
  private readonly fdLimit: number;
  private callSeq = 0;
  private lastCallId: number | null = null;
  private sockSeq = 0;
  private readonly watchers = new Map<Socket, () => void>();
  private readonly wakeScheduled = new Set<Socket>();
  /** addresses played by something outside the simulator (a packetdrill script): their segments go here */
  private readonly taps = new Map<string, (seg: Segment) => void>();
  /** the call whose code is running right now (a segment it sends is caused by it); callId null: a built-in server's */
  private activeCall: {callId: number | null; call: SyscallName} | null = null;
  /** trace id of the segment being delivered right now (a reply to it names it), and ids of segments in flight */
  private delivering: number | null = null;
  private readonly inFlightIds = new Map<Segment, number>();

  constructor(options: WorldExtraOptions = {}) {
    this.rng = new Rng(options.seed ?? 1);
    this.isnSecret = new Rng((options.seed ?? 1) ^ 0x5bd1e995).u32();
    this.defaultLink = {latencyMs: options.latencyMs ?? 5, loss: options.loss ?? 0};
    this.ephemeralRange = options.ephemeralRange ?? [32768, 60999];
    this.fdLimit = options.fdLimit ?? 1024;
    this.mss = options.mss ?? 1460;
    this.synRetries = options.synRetries ?? SYN_RETRIES;
    this.tracing = options.trace ?? true;
    this.traceWriter = new TraceWriter(this.tracing, () => this.clock);
    this.trace = this.traceWriter.events;
    this.addHost('client', '10.0.0.2');
    this.addHost('server', '10.0.0.3');
    if (options.builtins) installBuiltins(this, {thinkMs: options.webThinkMs});
  }

  get now(): number {
    return this.clock;
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    return this.traceWriter.subscribe(listener);
  }

  // ---------------------------------------------------------------------------------------------
  // Hosts and links
  // ---------------------------------------------------------------------------------------------

  addHost(name: string, ip?: string, builtin = false): string {
    if (this.hosts.has(name)) return this.hosts.get(name)!.ip;
    if (!name || name.includes(':') || name === '*') throw new Error(`invalid host name ${JSON.stringify(name)}`);
    if (ip && this.byIp.has(ip)) throw new Error(`address ${ip} is already used by ${this.byIp.get(ip)!.name}`);
    const addr = ip ?? this.freeAddress();
    const host = new Host(name, addr, builtin, this, this.fdLimit);
    host.index = this.hostList.length;
    this.hostList.push(host);
    this.hosts.set(name, host);
    this.byIp.set(addr, host);
    this.emit({kind: 'host', t: this.clock, host: name, ip: addr, builtin});
    return addr;
  }

  private freeAddress(): string {
    for (let i = 10; i < 255; i++) {
      const ip = `10.0.0.${i}`;
      if (!this.byIp.has(ip) && i !== 53) return ip;
    }
    throw new Error('no free address in 10.0.0.0/24');
  }

  hasHost(name: string): boolean {
    return this.hosts.has(name);
  }

  hostNames(): string[] {
    return this.hostList.map((h) => h.name);
  }

  ipOf(name: string): string | null {
    return this.hosts.get(name)?.ip ?? null;
  }

  hostOf(ip: string): string | null {
    return this.byIp.get(ip)?.name ?? null;
  }

  /** the Host object (for applications, tests and the conformance runner) */
  host(name: string): Host | undefined {
    return this.hosts.get(name);
  }

  resolve(fromHost: string, name: string): string | null {
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) return name;
    const host = this.hosts.get(name) ?? this.hosts.get(name.toLowerCase().replace(/\.$/, ''));
    const answer = host ? host.ip : null;
    this.note(fromHost, answer ? `DNS: ${name} is ${answer}` : `DNS: no address for ${name} (NXDOMAIN)`);
    return answer;
  }

  setLink(a: string, b: string, opts: {latencyMs?: number; loss?: number}): void {
    const ha = this.requireHost(a);
    const hb = this.requireHost(b);
    const cur = this.linkBetween(ha, hb);
    const link = {latencyMs: opts.latencyMs ?? cur.latencyMs, loss: opts.loss ?? cur.loss};
    this.links.set(ha.index * 65536 + hb.index, link);
    this.links.set(hb.index * 65536 + ha.index, link);
  }

  private linkBetween(a: Host, b: Host): Link {
    return this.links.get(a.index * 65536 + b.index) ?? this.defaultLink;
  }

  private requireHost(name: string): Host {
    let h = this.hosts.get(name);
    if (!h) {
      this.addHost(name);
      h = this.hosts.get(name)!;
    }
    return h;
  }

  // ---------------------------------------------------------------------------------------------
  // Calls and time
  // ---------------------------------------------------------------------------------------------

  call(hostName: string, req: SyscallRequest, opts: CallOptions = {}): SyscallResult {
    return this.callWithId(hostName, req, opts).res;
  }

  /** World.call, also saying which call id the trace gave it (the runner links it to the reader's line). */
  callWithId(hostName: string, req: SyscallRequest, opts: CallOptions = {}): {callId: number; res: SyscallResult} {
    const started = this.startCall(hostName, req, opts);
    return 'res' in started ? started : {callId: started.callId, res: this.wait(started.open)};
  }

  /**
   * The first half of a call: it is traced and runs as far as it can now. Either it completed (`res`, its result
   * traced) or it must wait (`open`): then pollCall() until it completes, or endCall() to stop waiting. The runner's
   * process scheduler uses these steps to let other processes run meanwhile; World.call waits at once.
   */
  startCall(hostName: string, req: SyscallRequest, opts: CallOptions = {}): CallStarted {
    const host = this.requireHost(hostName);
    const callId = ++this.callSeq;
    this.lastCallId = callId;
    const pid = opts.pid;
    this.emit(pid === undefined ? {kind: 'call', t: this.clock, host: hostName, callId, req} : {kind: 'call', t: this.clock, host: hostName, callId, req, pid});
    const running = {callId, call: req.call};
    const start = this.during(running, () => host.syscall(req));
    this.flush();
    if (isPending(start) && !(start.sock.nonblock && req.call !== 'poll')) {
      const timeoutMs = waitLimit(req, opts.blockTimeoutMs);
      const open: WaitingCall = {
        callId,
        reason: start.reason,
        deadline: timeoutMs === undefined ? null : this.clock + timeoutMs,
        since: this.clock,
        [OPEN]: {p: start, running, host: hostName, pid},
      };
      return {callId, open};
    }
    const res = isPending(start) ? this.during(running, () => insteadOfWaiting(start)) : start;
    this.flush();
    this.emitResult(hostName, callId, res, pid);
    return {callId, res};
  }

  /** A waiting call's result if it can complete now (traced), else null. */
  pollCall(open: WaitingCall): SyscallResult | null {
    const o = open[OPEN];
    const r = this.during(o.running, () => o.p.poll());
    if (r) this.finishCall(open, r);
    return r;
  }

  /**
   * Stop waiting: `timeout` when its deadline has come (a poll() timeout: what it returns then), `blocked` when
   * nothing pending can ever complete it (noted "blocked forever", as Linux would wait forever), `stopped` when the
   * run ends with the call still waiting (a server left in accept()), `refused` when the caller cannot wait.
   */
  endCall(open: WaitingCall, why: 'timeout' | 'blocked' | 'stopped' | 'refused'): SyscallResult {
    const o = open[OPEN];
    let res: SyscallResult;
    if (why === 'timeout') {
      this.clock = Math.max(this.clock, open.deadline ?? this.clock);
      res = this.during(o.running, () => o.p.poll()) ?? this.during(o.running, () => o.p.giveUp()) ?? {blocked: true};
    } else {
      if (why === 'blocked') this.note(o.p.sock.host.name, `blocked forever: ${o.p.reason}`);
      if (why === 'stopped') this.note(o.p.sock.host.name, `still waiting when the run ended: ${o.p.reason}`);
      res = why === 'stopped' ? {blocked: true, reason: o.p.reason, stopped: true} : {blocked: true, reason: o.p.reason};
    }
    this.finishCall(open, res);
    return res;
  }

  private finishCall(open: WaitingCall, res: SyscallResult): void {
    const o = open[OPEN];
    this.flush();
    this.emitResult(o.host, open.callId, res, o.pid);
  }

  private emitResult(host: string, callId: number, res: SyscallResult, pid: number | undefined): void {
    this.emit(pid === undefined ? {kind: 'result', t: this.clock, host, callId, res} : {kind: 'result', t: this.clock, host, callId, res, pid});
  }

  /** When the next batch of events is due (null: none), and whether any pending event could complete a call. */
  nextEvent(): {t: number; progress: boolean} | null {
    const next = this.queue.peek();
    return next ? {t: next.t, progress: this.queue.progressCount > 0} : null;
  }

  /** Run the next batch of events (all those due at the earliest pending time). */
  step(): void {
    this.runBatch();
  }

  /** Run the network until a waiting call completes, its timeout passes, or nothing pending can complete it. */
  private wait(open: WaitingCall): SyscallResult {
    const deadline = open.deadline;
    if (deadline !== null) {
      for (;;) {
        const r = this.pollCall(open);
        if (r) return r;
        const next = this.queue.peek();
        if (!next || next.t > deadline) return this.endCall(open, 'timeout');
        this.runBatch();
      }
    }
    for (;;) {
      const r = this.pollCall(open);
      if (r) return r;
      const next = this.queue.peek();
      // a blocking call without a timeout never returns on Linux (not even a partial write count)
      if (this.queue.progressCount === 0 || !next || next.t - open.since > MAX_WAIT_MS) return this.endCall(open, 'blocked');
      this.runBatch();
    }
  }

  /** Run `fn` as the code of a call: segments it sends name the call as their cause. */
  private during<T>(running: {callId: number | null; call: SyscallName}, fn: () => T): T {
    const outer = this.activeCall;
    this.activeCall = running;
    try {
      return fn();
    } finally {
      this.activeCall = outer;
    }
  }

  /**
   * Events due exactly at the end stay pending: a call made at that instant goes first, as on Linux,
   * where timers fire a little late (timer-wheel granularity) and the next call usually wins.
   */
  advance(ms: number): void {
    const end = this.clock + ms;
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.t >= end) break;
      this.runBatch();
    }
    this.clock = end;
  }

  runUntilQuiet(horizonMs = 250): void {
    for (;;) {
      const next = this.queue.peek();
      if (!next || next.t > this.clock + horizonMs) break;
      this.runBatch();
    }
  }

  /** Process every event due at the earliest pending time. */
  private runBatch(): void {
    const first = this.queue.pop();
    if (!first) return;
    this.clock = Math.max(this.clock, first.t);
    this.dispatch(first);
    for (;;) {
      const e = this.queue.peek();
      if (!e || e.t > this.clock) break;
      this.queue.pop();
      this.dispatch(e);
    }
  }

  private dispatch(e: SimEvent): void {
    switch (e.kind) {
      case EventKind.Deliver: {
        const seg = e.arg as Segment;
        if (this.tracing) {
          this.delivering = this.inFlightIds.get(seg) ?? null;
          this.inFlightIds.delete(seg);
        }
        (e.target as Host).receive(seg);
        this.delivering = null;
        this.queue.recycle(e);
        break;
      }
      case EventKind.Timer:
        (e.target as TcpConnection).onTimer(e.arg as TimerKindType);
        break;
      case EventKind.Callback:
        (e.arg as () => void)();
        break;
    }
    this.flush();
  }

  // ---------------------------------------------------------------------------------------------
  // HostNet: what hosts and connections use
  // ---------------------------------------------------------------------------------------------

  envFor(host: Host): TcpEnv {
    return {
      now: () => this.clock,
      mss: this.mss,
      synRetries: this.synRetries,
      random32: () => this.rng.u32(),
      isn: (li, lp, ri, rp) => isnFor(this.isnSecret, li, lp, ri, rp, this.clock),
      transmit: (seg: Segment, why: Why) => this.transmit(host, seg, why),
      // TIME-WAIT / FIN-WAIT-2 expiry and zero-window probes cannot complete a blocked call by themselves
      schedule: (conn: TcpConnection, kind: TimerKindType, at: number): TimerHandle =>
        this.queue.push(at, EventKind.Timer, kind !== TimerKind.Wait && kind !== TimerKind.Persist, conn, kind),
      cancel: (h: TimerHandle) => this.queue.cancel(h as SimEvent),
      note: (text: string) => this.note(host.name, text),
    };
  }

  random32(): number {
    return this.rng.u32();
  }

  newSocketId(): number {
    return ++this.sockSeq;
  }

  // ---------------------------------------------------------------------------------------------
  // A scripted peer (the packetdrill interpreter): an address no host owns
  // ---------------------------------------------------------------------------------------------

  /** Segments sent to `ip` are handed to `onSegment` at the instant they leave, instead of to a host. */
  attachTap(ip: string, onSegment: (seg: Segment) => void): void {
    if (this.byIp.has(ip)) throw new Error(`address ${ip} is already used by ${this.byIp.get(ip)!.name}`);
    this.taps.set(ip, onSegment);
  }

  /** A segment from a tapped address arrives at its destination host now. */
  inject(seg: Segment): void {
    const to = this.byIp.get(seg.dstIp);
    if (!to) throw new Error(`no host has the address ${seg.dstIp}`);
    // the scripted peer's segments are the script's doing, not any simulated host's: a world that plays a
    // peer runs with the trace off (scripts/packetdrill), so they need no cause of ours
    if (this.tracing) throw new Error('inject() is for worlds without a trace (a scripted peer)');
    to.receive(seg);
    this.flush();
  }

  /** Run `fn` at virtual time `t` (it counts as progress for a blocked call). */
  at(t: number, fn: () => void): void {
    this.queue.push(Math.max(t, this.clock), EventKind.Callback, true, null, () => {
      fn();
      this.flush();
    });
  }

  /** Process the next batch of events if it is due no later than `limit`; false if there is none. */
  runNext(limit: number): boolean {
    const next = this.queue.peek();
    if (!next || next.t > limit) return false;
    this.runBatch();
    return true;
  }

  /** Put a segment on the link from its sender to the owner of its destination address. */
  private transmit(from: Host, seg: Segment, why: Why): void {
    this.segmentsSent++;
    if (this.taps.size > 0) {
      const tap = this.taps.get(seg.dstIp);
      if (tap) {
        if (this.tracing) this.traceSegment(from.name, seg.dstIp, seg, this.clock, why);
        tap(seg);
        return;
      }
    }
    const to = this.byIp.get(seg.dstIp);
    const link = to ? this.linkBetween(from, to) : this.defaultLink;
    const lost = link.loss > 0 && this.rng.next() < link.loss;
    const arrives = to && !lost ? this.clock + link.latencyMs : null;
    if (this.tracing) this.traceSegment(from.name, to ? to.name : seg.dstIp, seg, arrives, why);
    if (arrives !== null) this.queue.push(arrives, EventKind.Deliver, true, to, seg);
    else if (!to) this.note(from.name, `no host has the address ${seg.dstIp}: the segment is lost`);
    else this.note(from.name, `the link lost a ${flagString(seg.flags)} segment to ${to.name}`);
  }

  private traceSegment(fromHost: string, toHost: string, seg: Segment, arrives: number | null, why: Why): void {
    const id = this.traceWriter.segment(fromHost, toHost, seg, arrives, this.lastCallId, this.causeOf(why));
    if (arrives !== null) this.inFlightIds.set(seg, id);
  }

  /** The trace's cause: a call's reason gets the running call, a rule's the segment being answered. */
  private causeOf(why: Why): SegmentCause {
    switch (why.kind) {
      case 'timer':
        return {kind: 'timer', timer: why.timer};
      case 'rule':
        return {kind: 'rule', rule: why.rule, inReplyTo: this.delivering};
      case 'call': {
        const running = this.activeCall;
        // a call's reason outside any call's code would be a bug in the layer that sent it
        if (!running) throw new Error('a segment claims a call as its cause while no call is running');
        return why.effect
          ? {kind: 'call', callId: running.callId, call: running.call, effect: why.effect}
          : {kind: 'call', callId: running.callId, call: running.call};
      }
    }
  }

  note(host: string, text: string): void {
    this.traceWriter.note(host, text);
  }

  sockChanged(sock: Socket): void {
    this.traceWriter.sockChanged(sock);
  }

  sockGone(sock: Socket): void {
    this.watchers.delete(sock);
    this.traceWriter.sockGone(sock);
  }

  fdChanged(host: Host, fd: number, sock: Socket | null): void {
    this.traceWriter.fdChanged(host.name, fd, sock);
  }

  wake(sock: Socket): void {
    const fn = this.watchers.get(sock);
    if (!fn || this.wakeScheduled.has(sock)) return;
    this.wakeScheduled.add(sock);
    this.queue.push(this.clock, EventKind.Callback, true, null, () => {
      this.wakeScheduled.delete(sock);
      const cur = this.watchers.get(sock);
      if (cur) cur();
    });
  }

  /** Emit a `sock` event for every socket whose view changed since its last one. */
  private flush(): void {
    this.traceWriter.flush();
  }

  private emit(e: TraceEvent): void {
    this.traceWriter.emit(e);
  }

  // ---------------------------------------------------------------------------------------------
  // Applications (built-in servers)
  // ---------------------------------------------------------------------------------------------

  /** Start an application on a host: it gets non-blocking calls and readiness callbacks. */
  runApp(hostName: string, app: (ctx: AppContext) => void): void {
    const host = this.requireHost(hostName);
    const ctx: AppContext = {
      host: host.name,
      ip: host.ip,
      now: () => this.clock,
      call: (req) =>
        this.during({callId: null, call: req.call}, () => {
          const r = host.syscall(req);
          this.flush();
          if (!isPending(r)) return r;
          return r.poll() ?? r.giveUp() ?? {err: 'EAGAIN'};
        }),
      watch: (fd, fn) => {
        const s = host.socketOf(fd);
        if (s) this.watchers.set(s, fn);
      },
      unwatch: (fd) => {
        const s = host.socketOf(fd);
        if (s) this.watchers.delete(s);
      },
      after: (ms, fn) => {
        this.queue.push(this.clock + ms, EventKind.Callback, true, null, fn);
      },
    };
    app(ctx);
    this.flush();
  }
}

/**
 * RFC 6528's ISN as Linux's secure_tcp_seq() computes it: a keyed hash of the 4-tuple plus a clock that
 * ticks every 64 ns. The hash here is FNV-1a with a murmur3 finish, keyed by the world's secret.
 */
function isnFor(secret: number, li: string, lp: number, ri: string, rp: number, nowMs: number): number {
  let h = (0x811c9dc5 ^ secret) >>> 0;
  const key = `${li}:${lp}>${ri}:${rp}`;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h + Math.floor(nowMs * 15625)) | 0; // 1 ms = 15625 ticks of 64 ns
}
