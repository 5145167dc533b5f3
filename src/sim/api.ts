/**
 * The simulator's public contract.
 *
 * Everything outside src/sim (the runner, the inspectors, the quizzes, the HTTP lab, the conformance
 * script) talks to the simulator only through these plain, serialisable types and the `World` class
 * exported from src/sim/index.ts. Inside src/sim the layers are wire / tcp / socket / host / net;
 * this file sits beside them and imports none of them.
 *
 * Rules: no wall clock (time is `World.now`, virtual milliseconds), no Math.random (a seed),
 * the same program and seed give the same trace.
 */

/** Linux errno names the simulator can return. */
export type Errno =
  | 'EBADF'
  | 'ECONNREFUSED'
  | 'ECONNRESET'
  | 'EISCONN'
  | 'ENOTCONN'
  | 'EPIPE'
  | 'EADDRINUSE'
  | 'EADDRNOTAVAIL'
  | 'EINVAL'
  | 'EMFILE'
  | 'ETIMEDOUT'
  | 'ECONNABORTED'
  | 'EAGAIN'
  | 'EINPROGRESS'
  | 'EALREADY'
  | 'EHOSTUNREACH'
  | 'EAFNOSUPPORT'
  | 'EPROTONOSUPPORT'
  | 'EOPNOTSUPP'
  | 'ENOPROTOOPT';

/** RFC 9293 state names (spelled as in the conformance recordings), plus CLOSED. */
export type TcpState =
  | 'CLOSED'
  | 'LISTEN'
  | 'SYN-SENT'
  | 'SYN-RECEIVED'
  | 'ESTABLISHED'
  | 'FIN-WAIT-1'
  | 'FIN-WAIT-2'
  | 'CLOSE-WAIT'
  | 'CLOSING'
  | 'LAST-ACK'
  | 'TIME-WAIT';

/** An IPv4 address in dotted form and a port. ip '0.0.0.0' is the wildcard, port 0 is "none yet". */
export interface SockAddr {
  ip: string;
  port: number;
}

/** One socket call, as plain data. `data` is bytes; `how` is SHUT_RD=0, SHUT_WR=1, SHUT_RDWR=2. */
export type SyscallRequest =
  | { call: 'socket'; domain?: number; type?: number; protocol?: number }
  | { call: 'bind'; fd: number; addr: SockAddr }
  | { call: 'listen'; fd: number; backlog: number }
  | { call: 'accept'; fd: number }
  | { call: 'connect'; fd: number; addr: SockAddr }
  | { call: 'write'; fd: number; data: Uint8Array }
  | { call: 'read'; fd: number; max: number }
  | { call: 'close'; fd: number }
  | { call: 'shutdown'; fd: number; how: 0 | 1 | 2 }
  | { call: 'getsockname'; fd: number }
  | { call: 'getpeername'; fd: number }
  | { call: 'setsockopt'; fd: number; opt: 'SO_REUSEADDR' | 'TCP_NODELAY'; value: number }
  /** fcntl(fd, F_SETFL, flags): only O_NONBLOCK (same bit as SOCK_NONBLOCK) has an effect */
  | { call: 'fcntl'; fd: number; flags: number }
  /** wait until one of the descriptors is ready or `timeoutMs` passes (negative: no limit), like poll(2) */
  | { call: 'poll'; fds: PollFd[]; timeoutMs: number };

/** One entry of poll()'s array: a descriptor and the events (POLLIN, POLLOUT) it waits for. */
export interface PollFd {
  fd: number;
  events: number;
}

/**
 * Flags and events with Linux's values (include/linux/net.h, include/uapi/asm-generic/poll.h).
 * `socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK)` makes a descriptor whose calls never wait: connect()
 * fails with EINPROGRESS (the handshake goes on), read/write/accept with EAGAIN.
 */
export const SOCK_NONBLOCK = 0o4000;
export const POLLIN = 0x001;
export const POLLOUT = 0x004;
export const POLLERR = 0x008;
export const POLLHUP = 0x010;
export const POLLNVAL = 0x020;
/**
 * net.core.somaxconn (4096 since Linux 5.4): listen() caps its backlog at it, and the reader's
 * listen(fd) without a backlog passes it, as C programs pass SOMAXCONN.
 */
export const SOMAXCONN = 4096;

export type SyscallName = SyscallRequest['call'];

/**
 * The outcome of one call.
 * - `ret`: socket/accept give the descriptor, write the byte count, poll the number of ready descriptors
 *   (with `revents`), the others 0.
 * - `data`: read's bytes; an empty array means EOF.
 * - `addr`: getsockname/getpeername, and accept's peer (together with `ret`).
 * - `err`: the call failed with this errno.
 * - `blocked`: the call could not complete (see World.call); `reason` says why, in English, for logs.
 */
export type SyscallResult =
  | {
      ret: number;
      addr?: SockAddr;
      /** poll(): each entry's revents, in the order asked (`ret` counts the non-zero ones) */
      revents?: number[];
    }
  | { data: Uint8Array }
  | { addr: SockAddr }
  | { err: Errno }
  /** `stopped`: the run ended with the call still waiting (a runner's process left in accept(), SimWorld.endCall) */
  | { blocked: true; reason?: string; stopped?: true };

/** Options of one call. */
export interface CallOptions {
  /**
   * How long (virtual ms) a blocking call may wait. Undefined means "until it completes or
   * nothing pending can ever complete it" (the reader's mode: then the result is `blocked`).
   * The conformance mode passes 500.
   */
  blockTimeoutMs?: number;
  /** the runner's process making the call (its `spawn` pid; 1 is the main program): traced on the call's events */
  pid?: number;
}

/**
 * A call that had to wait (SimWorld.startCall): poll it with pollCall, stop it with endCall. The world keeps
 * everything else about it to itself.
 */
export interface WaitingCall {
  readonly callId: number;
  /** why it waits, in English */
  readonly reason: string;
  /** virtual time it stops waiting at (poll()'s timeout); null: until it completes */
  readonly deadline: number | null;
  /** virtual time it started waiting */
  readonly since: number;
}

/** startCall's answer: completed at once (traced), or waiting. */
export type CallStarted = {callId: number; res: SyscallResult} | {callId: number; open: WaitingCall};

/** Segment flags as letters in the fixed order F S R P A U E W, e.g. "S", "SA", "PA", "FA", "R", "RA". */
export type Flags = string;

/**
 * Why a segment was sent, recorded by the simulator at the moment it sends it (the UI never guesses it):
 * - `call`: a socket call put it on the wire (connect → SYN, write → data, close/shutdown → FIN, read → an
 *   ACK or window update, close with unread data → RST). `callId` is the call's id in the trace; null for a
 *   built-in server's call (those calls are not traced). `effect` says what the call did beyond the obvious.
 * - `timer`: a timer fired (delayed ACK, retransmission, zero-window probe).
 * - `rule`: the stack's answer to an arriving segment under a protocol rule; `inReplyTo` is that segment's id.
 */
export type SegmentCause =
  | {kind: 'call'; callId: number | null; call: SyscallName; effect?: CallEffect}
  | {kind: 'timer'; timer: SegmentTimer}
  | {kind: 'rule'; rule: SegmentRule; inReplyTo: number | null};

/** What a call did besides the segment its name implies. */
export type CallEffect =
  /** close() with bytes still unread: RST instead of FIN (RFC 9293 §3.6.1, RFC 2525 §2.17) */
  | 'rst-unread-data'
  /** close() of a listener resets the connections it had not accepted yet (Linux inet_csk_listen_stop) */
  | 'rst-listener-closed'
  /** read() reached the FIN: the pending delayed ACK goes at once (Linux) */
  | 'ack-at-eof'
  /** read() freed a lot of the receive buffer: the larger window is announced (RFC 9293 §3.8.6.2.2) */
  | 'window-update';

export type SegmentTimer =
  /** the 40 ms delayed ACK ran out (RFC 9293 §3.8.6.3) */
  | 'delayed-ack'
  /** no ACK within the retransmission timeout: data or FIN again (RFC 9293 §3.8.1, RFC 6298) */
  | 'retransmit'
  /** no SYN,ACK came: SYN again */
  | 'syn-retransmit'
  /** no ACK for our SYN,ACK: SYN,ACK again */
  | 'synack-retransmit'
  /** the peer's window is zero: a probe that makes it answer (RFC 9293 §3.8.6.1) */
  | 'persist'
  /** the tail of the data went unacknowledged for about two round trips: a probe (RFC 8985 §7) */
  | 'loss-probe';

export type SegmentRule =
  /** a listener answers a SYN (RFC 9293 §3.10.7.2) */
  | 'syn-ack'
  /** a listener flooded with half-open connections answers with a SYN cookie and keeps no state (RFC 4987 §3.6) */
  | 'syn-cookie'
  /** a SYN arrived in SYN-SENT: simultaneous open (RFC 9293 §3.10.7.3) */
  | 'simultaneous-open'
  /** the SYN arrived again in SYN-RECEIVED: the SYN,ACK is sent again */
  | 'syn-ack-again'
  /** the SYN,ACK arrived: the handshake's last ACK (RFC 9293 §3.10.7.3) */
  | 'handshake-ack'
  /** a second full-sized segment arrived: acknowledged at once (RFC 9293 §3.8.6.3) */
  | 'ack-two-segments'
  /** data early in a connection: acknowledged at once so the sender's window opens quickly (Linux quick-ACK mode) */
  | 'quick-ack'
  /** data that had partly arrived before: acknowledged at once (a duplicate, RFC 2883) */
  | 'ack-duplicate-data'
  /** data arrived out of order: a duplicate ACK at once (RFC 9293 §3.10.7.4, RFC 5681 §4.2) */
  | 'ack-out-of-order'
  /** data filled a gap left by out-of-order data: ACK at once (RFC 5681 §4.2) */
  | 'ack-gap-filled'
  /** a FIN arrived in FIN-WAIT-1/2: acknowledged at once (RFC 9293 §3.10.7.4, eighth step) */
  | 'ack-of-fin'
  /** a segment outside the receive window: an ACK says what is expected (RFC 9293 §3.10.7.4, first step) */
  | 'ack-unacceptable'
  /** an ACK of bytes never sent: answered with an ACK (RFC 9293 §3.10.7.4, fifth step) */
  | 'ack-too-new'
  /** an RST or SYN inside the window but not exact: challenge ACK (RFC 9293 §3.10.7.4, RFC 5961 §3.2, §4.2) */
  | 'challenge-ack'
  /** a retransmitted FIN reached TIME-WAIT: acknowledged again (RFC 9293 §3.10.7.4) */
  | 'time-wait-ack'
  /** the peer's ACK opened room in its window: data or a FIN waiting in the send buffer goes out (RFC 9293 §3.8.6) */
  | 'window-opened'
  /** three duplicate ACKs: the missing segment is sent again at once (RFC 5681 §3.2) */
  | 'fast-retransmit'
  /** a partial acknowledgement during fast recovery: the next missing segment is sent again (RFC 6582 §3.2) */
  | 'loss-recovery'
  /** a SYN to a port where nothing listens (RFC 9293 §3.10.7.1) */
  | 'rst-closed-port'
  /** a segment for a connection that does not exist (RFC 9293 §3.10.7.1, §3.10.7.2) */
  | 'rst-no-connection'
  /** an ACK of something never sent during the handshake (RFC 9293 §3.10.7.3, §3.10.7.4) */
  | 'rst-bad-ack'
  /** new data after close() or SHUT_RD: RST to show it was lost (RFC 9293 §3.6.1) */
  | 'rst-data-after-close';

/** One TCP option as a segment carried it (`nop` is the one-byte padding Linux puts before options). */
export type TraceTcpOption =
  | {kind: 'mss'; value: number}
  | {kind: 'wscale'; value: number}
  | {kind: 'sackOK'}
  | {kind: 'nop'}
  | {kind: 'ts'; val: number; ecr: number};

/** Everything the UI may know comes as one of these events, each stamped with virtual time `t` (ms). */
export type TraceEvent =
  | { kind: 'host'; t: number; host: string; ip: string; builtin: boolean }
  /** `pid`: the runner's process that made the call (absent: no process model, e.g. World.call from a test) */
  | { kind: 'call'; t: number; host: string; callId: number; req: SyscallRequest; pid?: number }
  | { kind: 'result'; t: number; host: string; callId: number; res: SyscallResult; pid?: number }
  | {
      kind: 'segment';
      t: number;
      /** unique per world, in send order */
      id: number;
      fromHost: string;
      toHost: string;
      src: SockAddr;
      dst: SockAddr;
      flags: Flags;
      /** absolute sequence/ack numbers as on the wire */
      seq: number;
      ack: number | null;
      /** relative to each side's ISN, as tcpdump/compare.py show them (null when unknown) */
      relSeq: number | null;
      relAck: number | null;
      window: number;
      len: number;
      payload: Uint8Array;
      /** TCP options in header order, as sent (only SYN and SYN,ACK carry them: src/sim/tcp/options.ts); a capture
       *  (src/export/pcapng.ts) writes them and reads the window scale both sides agreed from them */
      options?: TraceTcpOption[];
      /** virtual time it arrives, or null when the link dropped it */
      arrives: number | null;
      /** the call that was running (or had last run) when this segment left, if any */
      callId: number | null;
      /** why it was sent */
      cause: SegmentCause;
    }
  | { kind: 'fd'; t: number; host: string; fd: number; sock: number | null }
  | {
      kind: 'sock';
      t: number;
      host: string;
      /** unique socket id within the world */
      sock: number;
      local: SockAddr;
      remote: SockAddr | null;
      state: TcpState;
      /** bytes queued, as `ss -tan` shows them: unread (Recv-Q) and unacknowledged or unsent (Send-Q) */
      recvQ: number;
      sendQ: number;
      recvBuf: number;
      sendBuf: number;
      /** true once no descriptor refers to it (closed by the application, still in the kernel's tables) */
      orphan: boolean;
    }
  | { kind: 'sock-gone'; t: number; host: string; sock: number }
  | { kind: 'note'; t: number; host: string; text: string };

export type TraceEventKind = TraceEvent['kind'];
/** One segment sent, as the trace records it. */
export type SegmentEvent = Extract<TraceEvent, {kind: 'segment'}>;

/** Construction options of a world. */
export interface WorldOptions {
  /** seeds ISNs, ephemeral port choice and link loss */
  seed?: number;
  /** one-way latency of every link in ms unless set per link (default: a few ms) */
  latencyMs?: number;
  /** probability in [0, 1) that a link drops a segment (default 0) */
  loss?: number;
  /** ephemeral port range, inclusive (default Linux's 32768–60999) */
  ephemeralRange?: [number, number];
  /** per-host descriptor limit (default 1024) */
  fdLimit?: number;
  /** add the built-in hosts (www.example.com:80, mail.example.com:25, echo.example.com:7, DNS) */
  builtins?: boolean;
  /** the built-in web server's time to produce each response, in ms (default 0; the HTTP lab's "slow response") */
  webThinkMs?: number;
}

/**
 * What src/sim/index.ts exports as `class World implements SimWorld` (constructor: `new World(options?: WorldOptions)`).
 */
export interface SimWorld {
  /** virtual time, ms */
  readonly now: number;
  /** every event so far, in order */
  readonly trace: readonly TraceEvent[];
  /** subscribe to events as they happen; returns an unsubscribe function */
  subscribe(listener: (e: TraceEvent) => void): () => void;
  /** add a host (name unique, no ':'); ip chosen from 10.0.0.0/24 when omitted; returns its ip */
  addHost(name: string, ip?: string): string;
  hasHost(name: string): boolean;
  hostNames(): string[];
  ipOf(name: string): string | null;
  /** the host that owns an ip, or null */
  hostOf(ip: string): string | null;
  /** DNS: resolve a host name to its IPv4 address the way a stub resolver would (null: unknown name) */
  resolve(fromHost: string, name: string): string | null;
  /** set latency/loss on the link between two hosts (both directions) */
  setLink(a: string, b: string, opts: { latencyMs?: number; loss?: number }): void;
  /**
   * Do one socket call on a host. Non-blocking parts happen at once; a call that must wait
   * (connect, accept, read, write with a full buffer) runs the network in virtual time until it can
   * complete. It gives up with `{blocked: true}` when `opts.blockTimeoutMs` passes, or, when no
   * timeout is given, when nothing pending can ever complete it ("would block forever").
   */
  call(host: string, req: SyscallRequest, opts?: CallOptions): SyscallResult;
  /**
   * The same call in steps, for a scheduler that runs other processes while one waits: startCall traces the call
   * and runs it as far as it can now; a waiting one is polled (pollCall: its result once it can complete, else
   * null) while the scheduler runs the network (nextEvent/step), or ended (endCall: `timeout` at its deadline,
   * `blocked` when nothing can ever complete it, `stopped` when the run ends with it waiting, `refused` when the
   * caller cannot wait). Each result is traced once, when it is known.
   */
  startCall(host: string, req: SyscallRequest, opts?: CallOptions): CallStarted;
  pollCall(open: WaitingCall): SyscallResult | null;
  endCall(open: WaitingCall, why: 'timeout' | 'blocked' | 'stopped' | 'refused'): SyscallResult;
  /** when the next batch of events is due (null: none) and whether any pending event could complete a call */
  nextEvent(): {t: number; progress: boolean} | null;
  /** run the next batch of events */
  step(): void;
  /** run the network for exactly `ms` of virtual time */
  advance(ms: number): void;
  /** run until no event is due within `horizonMs` (default 250) of the last one; long timers (TIME-WAIT) stay pending */
  runUntilQuiet(horizonMs?: number): void;
}
