/**
 * Socket objects as Linux keeps them: the BSD-level state (unconnected / connecting / connected),
 * the pending error (sk_err), the shutdown bits, SO_REUSEADDR, the local and remote address, the
 * listen queue, and the TCP connection underneath.
 *
 * Each call method returns a SyscallResult, or null when the call has to wait (the host decides how
 * long). The errno rules follow Linux 6.x (net/ipv4/af_inet.c, tcp.c, inet_connection_sock.c) as the
 * kernel recordings in test/conformance show them.
 */
import {SOMAXCONN, type Errno, type SockAddr, type SyscallResult, type TcpState} from '../api';
import {TcpConnection, RECV_BUFFER, SEND_BUFFER} from '../tcp/connection';
import {Because, type AbortError, type TcpEnv, type TcpUser} from '../tcp/env';
import type {TcpListener} from '../tcp/listen';
import {ACK, SYN, replyTo, seqAdd, seqEq, type Segment} from '../wire/segment';

export const WILDCARD = '0.0.0.0';

/** BSD socket state (struct socket.state) */
export type SocketPhase = 'unconnected' | 'connecting' | 'connected' | 'disconnecting';

/** What a socket needs from its host: ports, demultiplexing, and telling the world about changes. */
export interface SocketHost {
  readonly name: string;
  readonly ip: string;
  readonly env: TcpEnv;
  /** would `sock` conflict with another holder of `port` (Linux inet_csk_bind_conflict)? */
  portConflict(sock: Socket, port: number, asListener: boolean): boolean;
  holdPort(sock: Socket, port: number): void;
  releasePort(sock: Socket): void;
  /** pick a free ephemeral port (seeded random start, then the next free one), or 0 */
  ephemeralPort(): number;
  /** the socket whose connection uses this 4-tuple, if any */
  connectionOn(localPort: number, remoteIp: string, remotePort: number): Socket | null;
  addConnection(sock: Socket): void;
  removeConnection(sock: Socket): void;
  addListener(sock: Socket): void;
  removeListener(sock: Socket): void;
  newSocketId(): number;
  /** state/queues changed: the trace shows a new view */
  changed(sock: Socket): void;
  /** the kernel forgets this socket */
  gone(sock: Socket): void;
  /** readiness may have changed (wake applications waiting on it) */
  wake(sock: Socket): void;
  note(text: string): void;
}

/** What a SYN cookie encodes, so the returning ACK can be checked (kept here instead of hashed into the ISN). */
interface Cookie {
  iss: number;
  irs: number;
}

export interface ListenQueue {
  backlog: number;
  /** SYN cookies sent while the half-open queue was full, by "ip:port" of the client */
  cookies: Map<string, Cookie>;
  /** handshake complete, waiting for accept() (ESTABLISHED, or later states if the peer moved on) */
  ready: Socket[];
  /** SYN received, SYN,ACK sent */
  pending: Set<Socket>;
}

export class Socket implements TcpUser, TcpListener {
  readonly id: number;
  phase: SocketPhase = 'unconnected';
  /** sk_err: reported once by the next call that looks at it */
  err: Errno | null = null;
  /** sk_shutdown bits */
  shutRd = false;
  shutWr = false;
  /** SOCK_DONE: the peer's FIN arrived, reads return EOF once the data is gone */
  done = false;
  reuse = false;
  /** TCP_NODELAY: no Nagle; a child inherits it from its listener (Linux copies the socket) */
  noDelay = false;
  /** O_NONBLOCK on its descriptor: calls return EAGAIN/EINPROGRESS instead of waiting (host/poll.ts) */
  nonblock = false;
  localIp = WILDCARD;
  localPort = 0;
  remoteIp = WILDCARD;
  remotePort = 0;
  /** the port is registered in the host's port table */
  portHeld = false;
  /** bind() chose the port / the address (Linux SOCK_BINDPORT_LOCK / SOCK_BINDADDR_LOCK) */
  userPort = false;
  userAddr = false;
  conn: TcpConnection | null = null;
  listenQ: ListenQueue | null = null;
  /** the listener that created this socket, until accept() hands it out */
  parent: Socket | null = null;
  /** closed by the application, still in the kernel's tables */
  orphan = false;
  /** the kernel has forgotten this socket */
  dead = false;
  recvBuf = RECV_BUFFER;
  sendBuf = SEND_BUFFER;

  constructor(readonly host: SocketHost) {
    this.id = host.newSocketId();
  }

  /** TCP state as /proc/net/tcp shows it for this socket */
  get state(): TcpState {
    if (this.listenQ) return 'LISTEN';
    return this.conn ? this.conn.state : 'CLOSED';
  }

  /**
   * The state the descriptor sees. Linux replaces a connection entering TIME-WAIT by a small
   * timewait socket and moves the full socket to CLOSE, so calls on the descriptor see CLOSED.
   */
  private get fdState(): TcpState {
    const s = this.state;
    return s === 'TIME-WAIT' ? 'CLOSED' : s;
  }

  // ---------------------------------------------------------------------------------------------
  // Calls
  // ---------------------------------------------------------------------------------------------

  bind(addr: SockAddr): SyscallResult {
    if (addr.ip !== WILDCARD && addr.ip !== this.host.ip && !addr.ip.startsWith('127.')) return {err: 'EADDRNOTAVAIL'};
    if (addr.port < 0 || addr.port > 65535 || !Number.isInteger(addr.port)) return {err: 'EINVAL'};
    if (this.fdState !== 'CLOSED' || this.portHeld || this.conn) return {err: 'EINVAL'};
    let port = addr.port;
    if (port === 0) {
      port = this.host.ephemeralPort();
      if (port === 0) return {err: 'EADDRINUSE'};
    } else if (this.host.portConflict(this, port, false)) {
      return {err: 'EADDRINUSE'};
    }
    this.localIp = addr.ip;
    this.userAddr = addr.ip !== WILDCARD;
    this.userPort = addr.port !== 0;
    this.host.holdPort(this, port);
    this.localPort = port;
    this.host.changed(this);
    return {ret: 0};
  }

  listen(backlog: number): SyscallResult {
    if (this.phase !== 'unconnected') return {err: 'EINVAL'};
    const st = this.fdState;
    if (st !== 'CLOSED' && st !== 'LISTEN') return {err: 'EINVAL'};
    // listen(2): a backlog above somaxconn (or negative, compared unsigned) becomes somaxconn
    const max = backlog < 0 || backlog > SOMAXCONN ? SOMAXCONN : Math.floor(backlog);
    if (this.listenQ) {
      this.listenQ.backlog = max;
      this.host.changed(this);
      return {ret: 0};
    }
    if (this.conn) return {err: 'EINVAL'};
    if (!this.portHeld) {
      const port = this.host.ephemeralPort();
      if (port === 0) return {err: 'EADDRINUSE'};
      this.host.holdPort(this, port);
      this.localPort = port;
    } else if (this.host.portConflict(this, this.localPort, true)) {
      return {err: 'EADDRINUSE'};
    }
    this.listenQ = {backlog: max, ready: [], pending: new Set(), cookies: new Map()};
    this.host.addListener(this);
    this.host.changed(this);
    return {ret: 0};
  }

  /** connect(): the immediate part. Returns a result, or null when the caller must wait (pollConnect). */
  connect(addr: SockAddr): SyscallResult | null {
    switch (this.phase) {
      case 'connected':
      case 'disconnecting':
        return {err: 'EISCONN'};
      case 'connecting':
        return this.pollConnect(); // Linux: EALREADY while the handshake is still running
    }
    if (this.fdState !== 'CLOSED' || (this.conn && this.conn.state === 'TIME-WAIT')) return {err: 'EISCONN'};
    if (!Number.isInteger(addr.port) || addr.port < 0 || addr.port > 65535) return {err: 'EINVAL'};
    let port = this.portHeld ? this.localPort : 0;
    const remoteIp = addr.ip === WILDCARD ? this.host.ip : addr.ip;
    let iss: number | undefined;
    const old = port ? this.host.connectionOn(port, remoteIp, addr.port) : null;
    if (old?.conn) {
      // Linux __inet_check_established(): a live connection on the same 4-tuple refuses the connect, a
      // timewait mini-socket (TIME-WAIT or orphaned FIN-WAIT-2) is taken over (tcp_twsk_unique; with
      // timestamps on, as Linux has them by default, always for a port the application bound itself)
      if (!old.conn.reusable) return {err: 'EADDRNOTAVAIL'};
      iss = old.conn.takeOver();
    }
    if (!port) {
      port = this.host.ephemeralPort();
      if (port === 0) return {err: 'EADDRNOTAVAIL'};
      this.host.holdPort(this, port);
      this.localPort = port;
    }
    if (!this.userAddr) this.localIp = this.host.ip;
    this.remoteIp = remoteIp;
    this.remotePort = addr.port;
    this.err = null;
    this.conn = new TcpConnection(this.host.env, this, this.sendBuf, this.recvBuf, iss);
    this.conn.noDelay = this.noDelay;
    this.host.addConnection(this);
    this.phase = 'connecting';
    this.conn.connect();
    return this.pollConnect();
  }

  /** Has the handshake of a connecting socket finished (Linux __inet_stream_connect after the wait)? */
  pollConnect(): SyscallResult | null {
    const st = this.state;
    if (st === 'SYN-SENT' || st === 'SYN-RECEIVED') return null;
    if (this.fdState === 'CLOSED') {
      const err = this.takeError() ?? 'ECONNABORTED';
      this.phase = 'unconnected';
      this.disconnect();
      return {err};
    }
    this.phase = 'connected';
    return {ret: 0};
  }

  /** accept(): a queued connection, an errno, or null (wait). */
  accept(): Socket | {err: Errno} | null {
    if (!this.listenQ) return {err: 'EINVAL'};
    const child = this.listenQ.ready.shift();
    if (!child) return null;
    child.parent = null;
    child.phase = 'connected';
    this.host.changed(this);
    return child;
  }

  canAccept(): boolean {
    return !!this.listenQ && this.listenQ.ready.length > 0;
  }

  /** read(): data, EOF, an errno, or null (wait). Linux tcp_recvmsg_locked(). */
  read(max: number): SyscallResult | null {
    if (this.listenQ) return {err: 'ENOTCONN'};
    const conn = this.conn;
    if (max <= 0) return {data: new Uint8Array(0)};
    if (conn && conn.rcv.buf.length > 0) return {data: conn.read(max)};
    if (conn && conn.rcv.finReceived && !conn.rcv.eofRead) {
      conn.readEof();
      return {data: new Uint8Array(0)};
    }
    if (this.done) return {data: new Uint8Array(0)};
    const err = this.takeError();
    if (err) return {err};
    if (this.shutRd) return {data: new Uint8Array(0)};
    if (this.fdState === 'CLOSED') return {err: 'ENOTCONN'};
    return null;
  }

  /**
   * write(): copies from `offset`; returns the new offset, or an errno. The host keeps calling while
   * the buffer is full. Linux tcp_sendmsg_locked() + sk_stream_wait_connect() + sk_stream_error().
   */
  write(data: Uint8Array, offset: number): number | {err: Errno} {
    const st = this.fdState;
    if (st !== 'ESTABLISHED' && st !== 'CLOSE-WAIT') {
      const err = this.takeError();
      if (err) return {err};
      if (st === 'SYN-SENT' || st === 'SYN-RECEIVED') return offset; // wait for the handshake
      return {err: 'EPIPE'};
    }
    if (this.err || this.shutWr) return {err: this.takeError() ?? 'EPIPE'};
    if (offset >= data.length) return offset;
    return offset + this.conn!.write(data, offset);
  }

  /** shutdown(): Linux inet_shutdown(); how 0 = SHUT_RD, 1 = SHUT_WR, 2 = SHUT_RDWR. */
  shutdown(how: number): SyscallResult {
    if (how !== 0 && how !== 1 && how !== 2) return {err: 'EINVAL'};
    const rd = how !== 1;
    const wr = how !== 0;
    const st = this.fdState;
    if (this.phase === 'connecting') {
      this.phase = st === 'SYN-SENT' || st === 'SYN-RECEIVED' || st === 'CLOSED' ? 'disconnecting' : 'connected';
    }
    switch (st) {
      case 'CLOSED':
        // the bits are set even though the call fails (the kernel's "hack to wake up other listeners")
        this.shutRd ||= rd;
        this.shutWr ||= wr;
        return {err: 'ENOTCONN'};
      case 'LISTEN':
        if (!rd) return {ret: 0};
        this.stopListening();
        this.phase = 'unconnected';
        this.afterClose();
        return {ret: 0};
      case 'SYN-SENT':
        // tcp_disconnect(): the handshake is abandoned silently and later calls see ECONNRESET
        this.conn!.abort(Because.call);
        this.afterClose();
        this.disconnect();
        this.err = 'ECONNRESET';
        this.phase = 'unconnected';
        return {ret: 0};
    }
    this.shutRd ||= rd;
    this.shutWr ||= wr;
    const conn = this.conn!;
    if (rd) conn.rcvShut = true;
    if (wr && (st === 'ESTABLISHED' || st === 'SYN-RECEIVED' || st === 'CLOSE-WAIT')) conn.closeWrite();
    this.host.wake(this);
    return {ret: 0};
  }

  /** close() of the last descriptor: Linux tcp_close(). */
  close(): void {
    this.shutRd = this.shutWr = true;
    this.orphan = true;
    const conn = this.conn;
    if (this.listenQ) {
      this.stopListening();
      this.vanish();
      return;
    }
    if (!conn || conn.state === 'CLOSED') {
      this.vanish();
      return;
    }
    if (conn.state === 'TIME-WAIT') {
      conn.orphaned();
      this.host.changed(this);
      return;
    }
    const unread = conn.rcv.discard();
    if (unread > 0) {
      this.host.note(`close() with ${unread} unread byte${unread === 1 ? '' : 's'} on ${this.describe()}: RST instead of FIN`);
      conn.abort(Because.unreadData);
      this.vanish();
      return;
    }
    conn.rcvShut = true;
    conn.closeWrite();
    if ((conn.state as TcpState) === 'CLOSED') {
      this.vanish();
      return;
    }
    conn.orphaned();
    this.host.changed(this);
  }

  getsockname(): SyscallResult {
    return {addr: {ip: this.localIp, port: this.localPort}};
  }

  getpeername(): SyscallResult {
    const st = this.fdState;
    if (!this.remotePort || st === 'CLOSED' || st === 'SYN-SENT' || st === 'LISTEN') return {err: 'ENOTCONN'};
    return {addr: {ip: this.remoteIp, port: this.remotePort}};
  }

  // ---------------------------------------------------------------------------------------------
  // Listening
  // ---------------------------------------------------------------------------------------------

  /**
   * A SYN for this listener (tcp/listen.ts has the LISTEN state's rules): a new connection, or null when
   * the accept queue is full (dropped) or the SYN is answered with a cookie.
   */
  synArrived(seg: Segment, iss: number | undefined): TcpConnection | null {
    const q = this.listenQ!;
    const env = this.host.env;
    // Linux tcp_conn_request(): more half-open connections than the backlog looks like a SYN flood,
    // and with tcp_syncookies=1 the SYN,ACK then carries a cookie instead of creating state
    const cookie = q.pending.size > q.backlog;
    // sk_acceptq_is_full(): the queue holds backlog + 1 connections; the next SYN is dropped silently
    if (q.ready.length > q.backlog) {
      this.host.note(
        `SYN dropped: accept queue of *:${this.localPort} is full (${q.ready.length} waiting, backlog ${q.backlog}); the client will retransmit`,
      );
      return null;
    }
    if (cookie) {
      const cookieIss = env.random32() | 0;
      q.cookies.set(seg.srcIp + ':' + seg.srcPort, {iss: cookieIss, irs: seg.seq});
      this.host.note(
        `${q.pending.size} half-open connections on *:${this.localPort} (backlog ${q.backlog}): the SYN is answered with a SYN cookie and no state is kept`,
      );
      env.transmit(
        replyTo(seg, {seq: cookieIss, ack: seqAdd(seg.seq, 1), flags: SYN | ACK, window: this.recvBuf}),
        Because.rule['syn-cookie'],
      );
      return null;
    }
    const child = this.newChild(seg, env, iss);
    q.pending.add(child);
    return child.conn!;
  }

  /** An ACK that may return a SYN cookie (Linux cookie_v4_check): true if it was one (used or dropped). */
  cookieReturned(seg: Segment): boolean {
    const q = this.listenQ!;
    const key = seg.srcIp + ':' + seg.srcPort;
    const c = q.cookies.get(key);
    if (!c || !seqEq(seg.ack, seqAdd(c.iss, 1)) || !seqEq(seg.seq, seqAdd(c.irs, 1))) return false;
    if (q.ready.length > q.backlog) {
      this.host.note(`the ACK of a SYN cookie is dropped: accept queue of *:${this.localPort} is full and no state was kept`);
      return true;
    }
    q.cookies.delete(key);
    const child = this.newChild(seg, this.host.env, c.iss);
    child.established(child.conn!);
    child.conn!.openFromCookie(c.iss, c.irs, seg);
    return true;
  }

  /** A connection socket for an incoming handshake, holding the listener's port. */
  private newChild(seg: Segment, env: TcpEnv, iss?: number): Socket {
    const child = new Socket(this.host);
    child.parent = this;
    child.reuse = this.reuse;
    child.noDelay = this.noDelay;
    child.userPort = this.userPort;
    child.userAddr = this.userAddr;
    child.localIp = seg.dstIp;
    child.localPort = seg.dstPort;
    child.remoteIp = seg.srcIp;
    child.remotePort = seg.srcPort;
    child.host.holdPort(child, seg.dstPort);
    child.conn = new TcpConnection(env, child, child.sendBuf, child.recvBuf, iss);
    child.conn.noDelay = child.noDelay;
    this.host.addConnection(child);
    return child;
  }

  private stopListening(): void {
    const q = this.listenQ!;
    this.listenQ = null;
    this.host.removeListener(this);
    // queued connections are reset (inet_csk_listen_stop → tcp_disconnect), half-open ones dropped
    for (const child of q.ready) {
      child.parent = null;
      child.orphan = true;
      if (child.conn && child.conn.state !== 'CLOSED') {
        this.host.note(`listener *:${this.localPort} closed: its unaccepted connection ${child.describe()} is reset`);
        child.conn.abort(Because.listenerClosed);
      }
      child.vanish();
    }
    for (const child of q.pending) {
      child.parent = null;
      child.orphan = true;
      child.conn?.abort(Because.listenerClosed);
      child.vanish();
    }
  }

  /** setsockopt(TCP_NODELAY): turning it on sends what Nagle held back (Linux tcp_push_pending_frames) */
  setNoDelay(on: boolean): void {
    this.noDelay = on;
    if (this.conn) this.conn.setNoDelay(on);
  }

  // ---------------------------------------------------------------------------------------------
  // TcpUser: what the connection tells us
  // ---------------------------------------------------------------------------------------------

  established(_conn: TcpConnection): boolean {
    const parent = this.parent;
    if (parent && parent.listenQ) {
      const q = parent.listenQ;
      if (q.ready.length > q.backlog) {
        this.host.note(`final ACK dropped: accept queue of *:${parent.localPort} is full`);
        return false;
      }
      q.pending.delete(this);
      q.ready.push(this);
      this.phase = 'connected';
      parent.host.changed(parent);
      parent.host.wake(parent);
    }
    this.host.wake(this);
    return true;
  }

  readable(_conn: TcpConnection): void {
    if (this.conn?.rcv.finReceived) this.done = true;
    this.host.wake(this);
  }

  writable(_conn: TcpConnection): void {
    this.host.wake(this);
  }

  aborted(conn: TcpConnection, err: AbortError): void {
    // Linux tcp_done(): CLOSE, both directions shut, the error kept for the next call
    this.err = err;
    this.shutRd = this.shutWr = true;
    this.host.removeConnection(this);
    if (!this.userPort) this.host.releasePort(this);
    const parent = this.parent;
    if (parent && parent.listenQ && parent.listenQ.pending.delete(this)) {
      // a half-open connection dies quietly; the listener never saw it
      this.parent = null;
      this.vanish();
      return;
    }
    if (this.orphan) this.vanish();
    else {
      if (err === 'ECONNREFUSED') this.host.note(`connection refused: ${conn.describe()} was answered with RST`);
      else if (err === 'ECONNRESET' || err === 'EPIPE') this.host.note(`${conn.describe()} was reset by the peer`);
      this.host.changed(this);
      this.host.wake(this);
    }
  }

  finished(_conn: TcpConnection): void {
    this.shutRd = this.shutWr = true;
    this.host.removeConnection(this);
    if (this.orphan) this.vanish();
    else {
      if (!this.userPort) this.host.releasePort(this);
      this.host.changed(this);
      this.host.wake(this);
    }
  }

  changed(_conn: TcpConnection): void {
    this.host.changed(this);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers
  // ---------------------------------------------------------------------------------------------

  /** sock_error(): report the pending error once */
  takeError(): Errno | null {
    const e = this.err;
    this.err = null;
    return e;
  }

  /** tcp_disconnect() after a failed connect: back to a fresh unconnected socket, old port still shown */
  private disconnect(): void {
    if (this.conn) this.host.removeConnection(this);
    this.conn = null;
    if (!this.userPort) this.host.releasePort(this);
    if (!this.userAddr) this.localIp = WILDCARD;
    this.remoteIp = WILDCARD;
    this.remotePort = 0;
    this.shutRd = this.shutWr = false;
    this.done = false;
    this.host.changed(this);
  }

  /** back in CLOSE without being destroyed (Linux tcp_set_state(CLOSE)): an ephemeral port is given back */
  private afterClose(): void {
    if (!this.userPort) this.host.releasePort(this);
    this.host.changed(this);
  }

  /** The kernel forgets the socket. */
  vanish(): void {
    if (this.dead) return;
    this.dead = true;
    if (this.conn) this.host.removeConnection(this);
    this.host.releasePort(this);
    this.host.gone(this);
  }

  describe(): string {
    return this.conn ? this.conn.describe() : `${this.localIp}:${this.localPort}`;
  }
}
