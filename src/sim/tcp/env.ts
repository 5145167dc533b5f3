/**
 * What a TCP connection needs from below (a clock, a way to put segments on the wire, timers, randomness)
 * and what it tells the layer above (the socket). Both are interfaces so that tcp/ imports nothing
 * from socket/, host/ or net/.
 */
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
  transmit(seg: Segment): void;
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
