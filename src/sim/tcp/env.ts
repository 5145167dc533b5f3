/**
 * What a TCP connection needs from below (a clock, a way to put segments on the wire, timers, randomness)
 * and what it tells the layer above (the socket). Both are interfaces so that tcp/ imports nothing
 * from socket/, host/ or net/.
 */
import type {CallEffect, SegmentRule, SegmentTimer} from '../api';
import type {Segment} from '../wire/segment';
import type {TcpConnection} from './connection';

export const TimerKind = {
  /** retransmission timeout (RFC 6298) */
  Rto: 0,
  /** delayed acknowledgement (Linux: 40 ms) */
  DelAck: 1,
  /** TIME-WAIT (2*MSL; Linux 60 s) or the orphaned FIN-WAIT-2 timeout (Linux 60 s) */
  Wait: 2,
  /** zero-window probe */
  Persist: 3,
  /** tail loss probe (RFC 8985 §7; Linux tcp_send_loss_probe), on connections that agreed on SACK */
  LossProbe: 4,
} as const;
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind];

/** An armed timer; the environment skips it once cancelled. */
export interface TimerHandle {
  cancelled: boolean;
  /** when it fires (virtual ms) */
  readonly t: number;
}

/**
 * Why a segment leaves, as the code that sends it knows it. The world completes it into the trace's
 * SegmentCause: the running call's id for `call`, the answered segment's id for `rule`.
 */
export type Why =
  | {readonly kind: 'call'; readonly effect?: CallEffect}
  | {readonly kind: 'timer'; readonly timer: SegmentTimer}
  | {readonly kind: 'rule'; readonly rule: SegmentRule};

/** Every rule once (the Record type makes a missing one a compile error). */
const RULES: Record<SegmentRule, true> = {
  'syn-ack': true, 'syn-cookie': true, 'simultaneous-open': true, 'syn-ack-again': true, 'handshake-ack': true,
  'ack-two-segments': true, 'quick-ack': true, 'ack-duplicate-data': true, 'ack-out-of-order': true, 'ack-gap-filled': true, 'ack-of-fin': true,
  'ack-unacceptable': true, 'ack-too-new': true, 'challenge-ack': true, 'time-wait-ack': true, 'window-opened': true,
  'fast-retransmit': true, 'loss-recovery': true, 'rst-closed-port': true, 'rst-no-connection': true,
  'rst-bad-ack': true, 'rst-data-after-close': true,
};

/** Shared constants, so the per-segment path allocates nothing for its reason. */
export const Because = {
  call: {kind: 'call'},
  unreadData: {kind: 'call', effect: 'rst-unread-data'},
  listenerClosed: {kind: 'call', effect: 'rst-listener-closed'},
  ackAtEof: {kind: 'call', effect: 'ack-at-eof'},
  windowUpdate: {kind: 'call', effect: 'window-update'},
  delayedAck: {kind: 'timer', timer: 'delayed-ack'},
  rto: {kind: 'timer', timer: 'retransmit'},
  synRto: {kind: 'timer', timer: 'syn-retransmit'},
  synAckRto: {kind: 'timer', timer: 'synack-retransmit'},
  persist: {kind: 'timer', timer: 'persist'},
  lossProbe: {kind: 'timer', timer: 'loss-probe'},
  rule: Object.fromEntries(Object.keys(RULES).map((rule) => [rule, {kind: 'rule', rule}])) as {
    readonly [R in SegmentRule]: Why;
  },
} as const satisfies Record<string, Why | Record<string, Why>>;

export interface TcpEnv {
  now(): number;
  /** maximum segment size of data on this host's links */
  readonly mss: number;
  /** net.ipv4.tcp_syn_retries (Linux's default 6; packetdrill's baseline sets 5) */
  readonly synRetries: number;
  /** a uniformly random 32-bit unsigned integer from the world's seeded generator */
  random32(): number;
  /**
   * The initial sequence number for a new connection on this 4-tuple (RFC 6528 as Linux's secure_tcp_seq
   * does it: a keyed hash of the addresses and ports plus a clock ticking every 64 ns). Two connections on
   * the same 4-tuple get increasing numbers, whatever the seed.
   */
  isn(localIp: string, localPort: number, remoteIp: string, remotePort: number): number;
  transmit(seg: Segment, why: Why): void;
  /** run conn.onTimer(kind) at virtual time `at` */
  schedule(conn: TcpConnection, kind: TimerKind, at: number): TimerHandle;
  cancel(handle: TimerHandle): void;
  /** a plain-English remark for the trace */
  note(text: string): void;
}

/** Errors a connection reports when it is aborted, as Linux's tcp_reset()/tcp_write_err() set them. */
export type AbortError = 'ECONNREFUSED' | 'ECONNRESET' | 'EPIPE' | 'ETIMEDOUT';

/** The socket on top of a connection. It holds the connection's addresses. */
export interface TcpUser {
  readonly localIp: string;
  readonly localPort: number;
  readonly remoteIp: string;
  readonly remotePort: number;
  /**
   * The handshake completed. A passive connection asks its listener here; returning false means the
   * accept queue is full and the final ACK is dropped (the connection stays SYN-RECEIVED).
   */
  established(conn: TcpConnection): boolean;
  /** data or a FIN became readable */
  readable(conn: TcpConnection): void;
  /** send-buffer space was freed */
  writable(conn: TcpConnection): void;
  /** the connection was aborted (RST received, timeout); it is CLOSED now */
  aborted(conn: TcpConnection, err: AbortError): void;
  /** the connection ended normally and the kernel forgets it (LAST-ACK acked, TIME-WAIT over) */
  finished(conn: TcpConnection): void;
  /** state, queues or addresses changed (the trace shows a new view) */
  changed(conn: TcpConnection): void;
}
