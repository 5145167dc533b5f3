/**
 * A host: a name, an IPv4 address, a descriptor table (0–2 are stdio, sockets from 3, always the
 * lowest free number, EMFILE past the limit), a port table (bind conflicts, ephemeral ports), the
 * demultiplexing of arriving segments to connections and listeners, and the socket calls with their
 * errno. Waiting is not done here: a call that must wait returns a PendingCall for the world to drive.
 */
import type {Errno, SockAddr, SyscallRequest, SyscallResult} from '../api';
import {SOCK_NONBLOCK} from '../api';
import {listenArrives, resetForClosedPort} from '../tcp/listen';
import {Because, type TcpEnv} from '../tcp/env';
import {Socket, WILDCARD, type SocketHost} from '../socket/socket';
import type {Segment} from '../wire/segment';
import {startPoll} from './poll';

/** What a host needs from the network it lives in (implemented by the World). */
export interface HostNet {
  /** the TCP environment (clock, timers, wire) for this host's connections */
  envFor(host: Host): TcpEnv;
  ephemeralRange: [number, number];
  random32(): number;
  newSocketId(): number;
  note(host: string, text: string): void;
  sockChanged(sock: Socket): void;
  sockGone(sock: Socket): void;
  fdChanged(host: Host, fd: number, sock: Socket | null): void;
  wake(sock: Socket): void;
}

/** A call that has to wait; the world polls it as virtual time passes. */
export interface PendingCall {
  readonly pending: true;
  readonly sock: Socket;
  /** the result once the call can complete, else null */
  poll(): SyscallResult | null;
  /** what the call returns if it stops waiting now: a partial write count, or null (blocked / EAGAIN) */
  giveUp(): SyscallResult | null;
  /** why it waits, in English */
  readonly reason: string;
  /** what a caller on an O_NONBLOCK descriptor gets instead of waiting (default EAGAIN; see poll.ts) */
  readonly busy?: Errno;
}

export type CallStart = SyscallResult | PendingCall;

export function isPending(c: CallStart): c is PendingCall {
  return (c as PendingCall).pending === true;
}

export class Host implements SocketHost {
  readonly env: TcpEnv;
  /** position in the world's host list (keys the link table) */
  index = 0;
  /** descriptor table; index = fd */
  private fds: (Socket | undefined)[] = [];
  private lowestFree = 3;
  /** port → the socket holding it, or the sockets sharing it (bound, listening, connected, TIME-WAIT) */
  private ports = new Map<number, Socket | Socket[]>();
  /** "localPort remoteIp:remotePort" → socket with a connection (one flat map: cheap per connection) */
  private conns = new Map<string, Socket>();
  private listeners = new Map<number, Socket>();
  private nextEphemeral = -1;
  /** the socket the last arriving segment was for */
  private lastHit: Socket | null = null;

  constructor(
    readonly name: string,
    readonly ip: string,
    readonly builtin: boolean,
    private readonly net: HostNet,
    public fdLimit: number,
  ) {
    this.env = net.envFor(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Socket calls
  // ---------------------------------------------------------------------------------------------

  syscall(req: SyscallRequest): CallStart {
    if (req.call === 'socket') return this.socket(req);
    if (req.call === 'poll') return startPoll(this, req);
    const sock = this.fds[req.fd];
    if (!Number.isInteger(req.fd) || !sock) return {err: 'EBADF'};
    switch (req.call) {
      case 'bind':
        return sock.bind(req.addr);
      case 'listen':
        return sock.listen(req.backlog);
      case 'accept':
        return this.accept(sock);
      case 'connect': {
        const wasConnecting = sock.phase === 'connecting';
        const r = sock.connect(req.addr);
        if (r) return r;
        const p = this.pending(sock, () => sock.pollConnect(), () => null, 'connect() waits for the SYN,ACK');
        return {...p, busy: wasConnecting ? 'EALREADY' : 'EINPROGRESS'};
      }
      case 'write':
        return this.write(sock, req.data);
      case 'read': {
        const r = sock.read(req.max);
        if (r) return r;
        return this.pending(sock, () => sock.read(req.max), () => null, 'read() waits for data and none can arrive');
      }
      case 'close':
        this.fds[req.fd] = undefined;
        if (req.fd < this.lowestFree) this.lowestFree = req.fd;
        this.net.fdChanged(this, req.fd, null);
        sock.close();
        return {ret: 0};
      case 'shutdown':
        return sock.shutdown(req.how);
      case 'getsockname':
        return sock.getsockname();
      case 'getpeername':
        return sock.getpeername();
      case 'setsockopt':
        if (req.opt === 'SO_REUSEADDR') sock.reuse = req.value !== 0;
        else if (req.opt === 'TCP_NODELAY') sock.setNoDelay(req.value !== 0);
        else return {err: 'ENOPROTOOPT'};
        return {ret: 0};
      case 'fcntl':
        sock.nonblock = (req.flags & SOCK_NONBLOCK) !== 0;
        return {ret: 0};
    }
  }

  private socket(req: {domain?: number; type?: number; protocol?: number}): SyscallResult {
    if (req.domain !== undefined && req.domain !== 2) return {err: 'EAFNOSUPPORT'};
    // SOCK_NONBLOCK may be or-ed into the type (Linux 2.6.27+): the descriptor's calls never wait
    if (req.type !== undefined && (req.type & ~SOCK_NONBLOCK) !== 1) return {err: 'EPROTONOSUPPORT'};
    if (req.protocol !== undefined && req.protocol !== 0 && req.protocol !== 6) return {err: 'EPROTONOSUPPORT'};
    const fd = this.freeFd();
    if (fd < 0) return {err: 'EMFILE'};
    const sock = new Socket(this);
    sock.nonblock = req.type !== undefined && (req.type & SOCK_NONBLOCK) !== 0;
    this.net.sockChanged(sock);
    this.install(fd, sock);
    return {ret: fd};
  }

  private accept(listener: Socket): CallStart {
    // Linux takes the descriptor before it waits: EMFILE comes first
    if (this.freeFd() < 0) return {err: 'EMFILE'};
    const take = (): SyscallResult | null => {
      const r = listener.accept();
      if (r === null) return null;
      if (!(r instanceof Socket)) return r;
      const fd = this.freeFd();
      this.install(fd, r);
      this.net.sockChanged(r);
      return {ret: fd, addr: {ip: r.remoteIp, port: r.remotePort}};
    };
    const r = take();
    if (r) return r;
    return this.pending(listener, take, () => null, 'accept() waits for a connection and no client is connecting');
  }

  private write(sock: Socket, data: Uint8Array): CallStart {
    let done = 0;
    const step = (): SyscallResult | null => {
      const r = sock.write(data, done);
      if (typeof r !== 'number') return done > 0 ? {ret: done} : r; // Linux returns what it copied before the error
      done = r;
      return done >= data.length ? {ret: data.length} : null;
    };
    const r = step();
    if (r) return r;
    return this.pending(
      sock,
      step,
      () => (done > 0 ? {ret: done} : null),
      'write() waits for room in the send buffer and the peer is not reading',
    );
  }

  private pending(
    sock: Socket,
    poll: () => SyscallResult | null,
    giveUp: () => SyscallResult | null,
    reason: string,
  ): PendingCall {
    return {pending: true, sock, poll, giveUp, reason};
  }

  private freeFd(): number {
    for (let fd = this.lowestFree; fd < this.fdLimit; fd++) {
      if (!this.fds[fd]) {
        this.lowestFree = fd;
        return fd;
      }
    }
    return -1;
  }

  private install(fd: number, sock: Socket): void {
    this.fds[fd] = sock;
    this.lowestFree = fd + 1;
    this.net.fdChanged(this, fd, sock);
  }

  /** the socket behind a descriptor (for applications and tests) */
  socketOf(fd: number): Socket | undefined {
    return this.fds[fd];
  }

  /** every descriptor in use, ascending */
  openFds(): number[] {
    const out: number[] = [];
    this.fds.forEach((s, fd) => s && out.push(fd));
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Segments
  // ---------------------------------------------------------------------------------------------

  /** A segment arrived for one of this host's addresses. */
  receive(seg: Segment): void {
    // most segments belong to the connection the previous one did (bulk transfers): check it first
    const last = this.lastHit;
    const sock =
      last && last.localPort === seg.dstPort && last.remotePort === seg.srcPort && last.remoteIp === seg.srcIp && !last.dead
        ? last
        : this.conns.get(connKey(seg.dstPort, seg.srcIp, seg.srcPort));
    const listener = this.listeners.get(seg.dstPort);
    const listening = !!listener && (listener.localIp === WILDCARD || listener.localIp === seg.dstIp);
    let twIsn: number | null = null;
    if (sock && sock.conn) {
      this.lastHit = sock;
      if (sock.conn.segmentArrives(seg, listening)) return;
      twIsn = sock.conn.twIsn; // a TIME-WAIT gave way to this SYN
    }
    if (listener && listening) {
      listenArrives(seg, this.env, listener, twIsn);
      return;
    }
    const reply = resetForClosedPort(seg);
    if (reply) {
      if (seg.flags & 0x02) this.note(`nothing listens on ${this.name}:${seg.dstPort}: the SYN is answered with RST`);
      else this.note(`no connection on ${this.name}:${seg.dstPort} for this segment: answered with RST`);
      this.env.transmit(reply, Because.rule[seg.flags & 0x02 ? 'rst-closed-port' : 'rst-no-connection']);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // SocketHost
  // ---------------------------------------------------------------------------------------------

  /** Linux inet_bind_conflict() with both addresses wildcard: a conflict unless both sides set
   *  SO_REUSEADDR and the other holder is not listening. */
  portConflict(sock: Socket, port: number, _asListener: boolean): boolean {
    const held = this.ports.get(port);
    if (!held) return false;
    for (const o of Array.isArray(held) ? held : [held]) {
      if (o === sock) continue;
      if (!(sock.reuse && o.reuse && o.state !== 'LISTEN')) return true;
    }
    return false;
  }

  holdPort(sock: Socket, port: number): void {
    if (sock.portHeld) return;
    const held = this.ports.get(port);
    if (!held) this.ports.set(port, sock);
    else if (Array.isArray(held)) held.push(sock);
    else this.ports.set(port, [held, sock]);
    sock.portHeld = true;
  }

  releasePort(sock: Socket): void {
    if (!sock.portHeld) return;
    sock.portHeld = false;
    const held = this.ports.get(sock.localPort);
    if (held === sock) {
      this.ports.delete(sock.localPort);
    } else if (Array.isArray(held)) {
      const i = held.indexOf(sock);
      if (i >= 0) held.splice(i, 1);
      if (held.length === 1) this.ports.set(sock.localPort, held[0]);
    }
  }

  ephemeralPort(): number {
    const [lo, hi] = this.net.ephemeralRange;
    const span = hi - lo + 1;
    if (this.nextEphemeral < 0) this.nextEphemeral = lo + (this.net.random32() % span);
    for (let i = 0; i < span; i++) {
      const p = this.nextEphemeral;
      this.nextEphemeral = p >= hi ? lo : p + 1;
      if (!this.ports.has(p)) return p;
    }
    return 0;
  }

  connectionOn(localPort: number, remoteIp: string, remotePort: number): Socket | null {
    return this.conns.get(connKey(localPort, remoteIp, remotePort)) ?? null;
  }

  addConnection(sock: Socket): void {
    this.conns.set(connKey(sock.localPort, sock.remoteIp, sock.remotePort), sock);
  }

  removeConnection(sock: Socket): void {
    if (this.lastHit === sock) this.lastHit = null;
    const key = connKey(sock.localPort, sock.remoteIp, sock.remotePort);
    if (this.conns.get(key) === sock) this.conns.delete(key);
  }

  addListener(sock: Socket): void {
    this.listeners.set(sock.localPort, sock);
  }

  removeListener(sock: Socket): void {
    if (this.listeners.get(sock.localPort) === sock) this.listeners.delete(sock.localPort);
  }

  newSocketId(): number {
    return this.net.newSocketId();
  }

  changed(sock: Socket): void {
    this.net.sockChanged(sock);
  }

  gone(sock: Socket): void {
    this.net.sockGone(sock);
  }

  wake(sock: Socket): void {
    this.net.wake(sock);
  }

  note(text: string): void {
    this.net.note(this.name, text);
  }
}

function connKey(localPort: number, remoteIp: string, remotePort: number): string {
  return `${localPort} ${remoteIp}:${remotePort}`;
}

export type {SockAddr};
