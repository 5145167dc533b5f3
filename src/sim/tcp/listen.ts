/**
 * Segments that reach no connection, as the state machine answers them: RFC 9293 §3.10.7.1 (CLOSED: nothing
 * on the port) and §3.10.7.2 (LISTEN). The listening socket above keeps what Linux adds around the LISTEN
 * state (the accept queue, SYN cookies) and tells this code what to do with a SYN through TcpListener.
 */
import {ACK, RST, SYN, replyTo, segLength, seqAdd, type Segment} from '../wire/segment';
import type {TcpConnection} from './connection';
import {Because, type TcpEnv} from './env';

/** The socket in LISTEN, as the state machine needs it. */
export interface TcpListener {
  /**
   * An ACK without SYN that may carry a SYN cookie back (Linux cookie_v4_check): true if it did (the
   * connection was opened from it, or dropped because the accept queue is full).
   */
  cookieReturned(seg: Segment): boolean;
  /**
   * A SYN for this listener: the new connection that answers it, its ISN `iss` when given, or null when
   * the listener dealt with the SYN alone (dropped for a full accept queue, or answered with a SYN cookie).
   */
  synArrived(seg: Segment, iss: number | undefined): TcpConnection | null;
}

/**
 * §3.10.7.2 LISTEN STATE: what a listener does with a segment that belongs to no connection. `twIsn`: the
 * SYN ended a TIME-WAIT of the same address pair, and the new connection starts there (RFC 6191).
 */
export function listenArrives(seg: Segment, env: TcpEnv, listener: TcpListener, twIsn: number | null = null): void {
  const f = seg.flags;
  // first, check for an RST: an incoming RST is ignored
  if (f & RST) return;
  // second, check for an ACK: any acknowledgement is bad here, answered with <SEQ=SEG.ACK><CTL=RST>
  // (unless it returns a SYN cookie: then the handshake it completes was ours)
  if (f & ACK) {
    if (!(f & SYN) && listener.cookieReturned(seg)) return;
    env.transmit(replyTo(seg, {seq: seg.ack, ack: 0, flags: RST}), Because.rule['rst-no-connection']);
    return;
  }
  // fourth, other text or control: drop the segment
  if (!(f & SYN)) return;
  // third, check for a SYN: a new connection answers with SYN,ACK and enters SYN-RECEIVED (acceptSyn)
  listener.synArrived(seg, twIsn ?? undefined)?.acceptSyn(seg);
}

/**
 * §3.10.7.1 CLOSED STATE: the reply to a segment that reached no connection and no listener.
 * An RST gets nothing; a segment with ACK gets <SEQ=SEG.ACK><CTL=RST>; otherwise
 * <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
 */
export function resetForClosedPort(seg: Segment): Segment | null {
  if (seg.flags & RST) return null;
  if (seg.flags & ACK) return replyTo(seg, {seq: seg.ack, ack: 0, flags: RST});
  return replyTo(seg, {seq: 0, ack: seqAdd(seg.seq, segLength(seg)), flags: RST | ACK});
}
