/**
 * The world: hosts joined by links with latency and seeded loss, a virtual clock driven by an event
 * queue, blocking calls in virtual time, and the trace the UI reads. This is the top layer; it
 * implements SimWorld from api.ts.
 */
import type {
  CallOptions, SegmentCause, SimWorld, SockAddr, SyscallName, SyscallRequest, SyscallResult, TraceEvent, WorldOptions,
} from '../api';
import type {AppContext} from '../apps/app';
import {installBuiltins} from '../apps/builtins';
import {Host, isPending, type HostNet, type PendingCall} from '../host/host';
import {insteadOfWaiting, waitLimit} from '../host/poll';
import type {Socket} from '../socket/socket';
import {SYN_RETRIES, type TcpConnection} from '../tcp/connection';
import {TimerKind as _TimerKind, type TimerKind as TimerKindType, type TcpEnv, type TimerHandle, type Why} from '../tcp/env';
import {flagString, SYN, ACK, type Segment} from '../wire/segment';
import {EventKind as _EventKind, EventQueue, type SimEvent} from './events';
import {Rng} from './rng';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call, which costs a lot on the per-segment path.
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
const MAX_WAIT_MS = 3_600_000;

export class World implements SimWorld, HostNet {
  readonly trace: TraceEvent[] = [];
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
  private readonly listeners = new Set<(e: TraceEvent) => void>();
  private readonly tracing: boolean;
  private readonly mss: number;
  private readonly synRetries: number;
  private readonly fdLimit: number;
  private callSeq = 0;
  private lastCallId: number | null = null;
  private segSeq = 0;
  private sockSeq = 0;
  /** ISN per direction "ip:port>ip:port", to show relative seq/ack numbers like tcpdump */
  private readonly isn = new Map<string, number>();
  private dirty: Socket[] = [];
  private readonly lastView = new Map<Socket, string>();
  private readonly lastState = new Map<Socket, string>();
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
    this.addHost('client', '10.0.0.2');
    this.addHost('server', '10.0.0.3');
    if (options.builtins) installBuiltins(this, {thinkMs: options.webThinkMs});
  }

  get now(): number {
    return this.clock;
  }

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
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
    const host = this.requireHost(hostName);
    const callId = ++this.callSeq;
    this.lastCallId = callId;
    this.emit({kind: 'call', t: this.clock, host: hostName, callId, req});
    const running = {callId, call: req.call};
    const start = this.during(running, () => host.syscall(req));
    this.flush();
    const res = !isPending(start)
      ? start
      : start.sock.nonblock && req.call !== 'poll'
        ? this.during(running, () => insteadOfWaiting(start))
        : this.wait(start, waitLimit(req, opts.blockTimeoutMs), running);
    this.flush();
    this.emit({kind: 'result', t: this.clock, host: hostName, callId, res});
    return res;
  }

  /** Run the network until the call completes, its timeout passes, or nothing pending can complete it. */
  private wait(p: PendingCall, timeoutMs: number | undefined, running: {callId: number; call: SyscallName}): SyscallResult {
    // the call's own code (its retries) runs as the call; what the network does meanwhile does not
    const poll = () => this.during(running, () => p.poll());
    if (timeoutMs !== undefined) {
      const deadline = this.clock + timeoutMs;
      for (;;) {
        const r = poll();
        if (r) return r;
        const next = this.queue.peek();
        if (!next || next.t > deadline) {
          this.clock = deadline;
          return poll() ?? this.during(running, () => p.giveUp()) ?? {blocked: true};
        }
        this.runBatch();
      }
    }
    const started = this.clock;
    for (;;) {
      const r = poll();
      if (r) return r;
      const next = this.queue.peek();
      if (this.queue.progressCount === 0 || !next || next.t - started > MAX_WAIT_MS) {
        // a blocking call without a timeout never returns on Linux (not even a partial write count)
        this.note(p.sock.host.name, `blocked forever: ${p.reason}`);
        return {blocked: true, reason: p.reason};
      }
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
    const id = ++this.segSeq;
    if (arrives !== null) this.inFlightIds.set(seg, id);
    const dir = `${seg.srcIp}:${seg.srcPort}>${seg.dstIp}:${seg.dstPort}`;
    if (seg.flags & SYN) this.isn.set(dir, seg.seq);
    // a new connection attempt on this address pair: the other direction's old ISN no longer applies
    // (as the oracle does it; else a reply would be shown relative to the previous connection)
    if (seg.flags & SYN && !(seg.flags & ACK)) this.isn.delete(`${seg.dstIp}:${seg.dstPort}>${seg.srcIp}:${seg.srcPort}`);
    const mine = this.isn.get(dir);
    const theirs = this.isn.get(`${seg.dstIp}:${seg.dstPort}>${seg.srcIp}:${seg.srcPort}`);
    const hasAck = (seg.flags & ACK) !== 0;
    this.emit({
      kind: 'segment',
      t: this.clock,
      id,
      fromHost,
      toHost,
      src: {ip: seg.srcIp, port: seg.srcPort},
      dst: {ip: seg.dstIp, port: seg.dstPort},
      flags: flagString(seg.flags),
      seq: seg.seq >>> 0,
      ack: hasAck ? seg.ack >>> 0 : null,
      relSeq: mine !== undefined ? (seg.seq - mine) >>> 0 : seg.seq === 0 ? 0 : null,
      relAck: hasAck && theirs !== undefined ? (seg.ack - theirs) >>> 0 : null,
      window: seg.window,
      len: seg.payload.length,
      payload: seg.payload,
      ...(seg.options ? {options: seg.options} : {}),
      arrives,
      callId: this.lastCallId,
      cause: this.causeOf(why),
    });
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
    this.emit({kind: 'note', t: this.clock, host, text});
  }

  sockChanged(sock: Socket): void {
    if (!this.tracing || sock.dead) return;
    // a new state is shown at once, so the trace holds every state a socket passes through;
    // queue-length changes are gathered and shown once the event is processed
    if (this.lastState.get(sock) !== sock.state) this.emitView(sock);
    else this.dirty.push(sock);
  }

  sockGone(sock: Socket): void {
    this.watchers.delete(sock);
    if (!this.tracing) return;
    this.flush();
    this.lastView.delete(sock);
    this.lastState.delete(sock);
    this.emit({kind: 'sock-gone', t: this.clock, host: sock.host.name, sock: sock.id});
  }

  fdChanged(host: Host, fd: number, sock: Socket | null): void {
    if (!this.tracing) return;
    this.flush();
    this.emit({kind: 'fd', t: this.clock, host: host.name, fd, sock: sock ? sock.id : null});
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
    if (this.dirty.length === 0) return;
    const list = this.dirty;
    this.dirty = [];
    for (const s of list) if (!s.dead) this.emitView(s);
  }

  /** A `sock` event with the socket's full view, unless it equals the last one. */
  private emitView(s: Socket): void {
    const view = sockView(s);
    const key = `${view.state}|${view.recvQ}|${view.sendQ}|${view.local.ip}:${view.local.port}|${
      view.remote ? view.remote.ip + ':' + view.remote.port : '-'}|${view.orphan}`;
    if (this.lastView.get(s) === key) return;
    this.lastView.set(s, key);
    this.lastState.set(s, view.state);
    this.emit({kind: 'sock', t: this.clock, host: s.host.name, sock: s.id, ...view});
  }

  private emit(e: TraceEvent): void {
    if (!this.tracing) return;
    this.trace.push(e);
    for (const l of this.listeners) l(e);
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

function sockView(s: Socket): {
  local: SockAddr; remote: SockAddr | null; state: ReturnType<() => Socket['state']>;
  recvQ: number; sendQ: number; recvBuf: number; sendBuf: number; orphan: boolean;
} {
  const q = s.listenQ;
  const c = s.conn;
  return {
    local: {ip: s.localIp, port: s.localPort},
    remote: s.remotePort ? {ip: s.remoteIp, port: s.remotePort} : null,
    state: s.state,
    // `ss -tan` (inet_diag): a listener shows its accept queue and backlog; a half-open connection is a
    // request socket and TIME-WAIT a timewait socket, both 0/0; a connection rcv_nxt - copied_seq (an
    // unread FIN included) and write_seq - snd_una (an unacknowledged SYN or FIN included)
    recvQ: q ? q.ready.length : c && !miniSocket(c) ? c.rcv.recvQ() : 0,
    sendQ: q ? q.backlog : c && !miniSocket(c) ? c.snd.sendQ() : 0,
    recvBuf: s.recvBuf,
    sendBuf: s.sendBuf,
    orphan: s.orphan,
  };
}

/**
 * Linux keeps these as small sockets without queues, which ss shows as 0/0: a half-open passive
 * connection (request socket), TIME-WAIT and an orphaned FIN-WAIT-2 (timewait sockets).
 */
function miniSocket(c: TcpConnection): boolean {
  const st = c.state;
  return (st === 'SYN-RECEIVED' && c.passive) || st === 'TIME-WAIT' || (st === 'FIN-WAIT-2' && c.orphan);
}
