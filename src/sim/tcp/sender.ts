/**
 * The sending half of a connection (RFC 9293 §3.3.1 "send sequence space"): the bytes the
 * application wrote that are not yet acknowledged, and which of them may go out now.
 * Like CS144's TCPSender it produces plain messages; the connection turns them into segments.
 */
import {ByteQueue} from './byteQueue';
import {EMPTY as _EMPTY, seqAdd as _seqAdd, seqDiff as _seqDiff, seqEq as _seqEq, seqGe as _seqGe, seqGt as _seqGt, seqLe as _seqLe, seqLt as _seqLt} from '../wire/segment';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call on the per-segment path. Measured 2026-12-05 (the bulk transfer of
// scripts/bench.ts, 7 interleaved A/B runs, medians): without these lines 578k instead of 950k segments per
// CPU-second (0.64x); the simulator-heavy unit tests took 1.10x as long. src/sim/README.md "Speed".
const EMPTY = _EMPTY;
const seqAdd = _seqAdd;
const seqDiff = _seqDiff;
const seqEq = _seqEq;
const seqGe = _seqGe;
const seqGt = _seqGt;
const seqLe = _seqLe;
const seqLt = _seqLt;

/**
 * What the sender wants to put in one segment (CS144's TCPSenderMessage): a plain value, made anew for
 * each segment, that the connection turns into a segment.
 */
export interface SenderMessage {
  readonly seq: number;
  readonly syn: boolean;
  readonly payload: Uint8Array;
  readonly fin: boolean;
  /** last byte of what the application has written so far: the segment gets PSH */
  readonly push: boolean;
}

/**
 * What a segment from the peer tells the sender about its window: the peer receiver's ReceiverMessage as the
 * segment carries it (SEG.ACK, SEG.WND; CS144's TCPReceiverMessage), with the segment's seq, which together
 * with the ack decides whether that window is newer than the one held (SND.WL1/SND.WL2). A Segment is one,
 * so the connection passes the segment itself.
 */
export interface PeerWindow {
  readonly seq: number;
  readonly ack: number;
  readonly window: number;
}

export class TcpSender {
  /** initial send sequence number */
  readonly iss: number;
  /** SND.UNA: oldest unacknowledged sequence number */
  una: number;
  /** SND.NXT: next sequence number to send (moves back to SND.UNA when a timeout resends everything) */
  nxt: number;
  /** the highest sequence number sent so far (BSD's snd_max): acknowledgements up to it are acceptable */
  max: number;
  /** SND.WND: the peer's advertised window (set only through takeWindow/updateWindow) */
  private sndWnd = 0;
  /** SND.WL1 / SND.WL2: segment seq/ack used for the last window update */
  private wl1 = 0;
  private wl2 = 0;
  /** unacknowledged and unsent bytes, starting at sequence number `bufSeq` */
  readonly buf = new ByteQueue();
  bufSeq: number;
  /** send buffer size (Linux tcp_wmem default) */
  capacity: number;
  synSent = false;
  synAcked = false;
  /** the application closed its sending side: a FIN follows the data */
  finQueued = false;
  /** our FIN has been sent, with sequence number finSeq */
  finSent = false;
  finSeq = 0;
  finAcked = false;

  constructor(iss: number, capacity: number) {
    iss |= 0;
    this.iss = iss;
    this.una = iss;
    this.nxt = iss;
    this.max = iss;
    this.bufSeq = seqAdd(iss, 1);
    this.capacity = capacity;
  }

  /** SND.WND: the peer's advertised window */
  get wnd(): number {
    return this.sndWnd;
  }

  /**
   * The peer's first window, from the segment that synchronizes us (its SYN, its SYN,ACK, or the ACK that
   * returned a SYN cookie): SND.WND <- SEG.WND, SND.WL1 <- SEG.SEQ, SND.WL2 <- SEG.ACK (RFC 9293 §3.10.7.3).
   */
  takeWindow(m: PeerWindow): void {
    this.sndWnd = m.window;
    this.wl1 = m.seq | 0;
    this.wl2 = m.ack | 0;
  }

  /**
   * RFC 9293 §3.10.7.4 fifth: the window of a segment no older than the last one used (SND.WL1 < SEG.SEQ, or
   * SND.WL1 = SEG.SEQ and SND.WL2 =< SEG.ACK) replaces SND.WND. Returns the window held before, or -1 if
   * this segment's window was not taken.
   */
  updateWindow(m: PeerWindow): number {
    const seq = m.seq | 0;
    if (!(seqLt(this.wl1, seq) || (seqEq(this.wl1, seq) && seqGe(m.ack, this.wl2)))) return -1;
    const before = this.sndWnd;
    this.takeWindow(m);
    return before;
  }

  /** The application closed its sending side: a FIN follows the data (RFC 9293 §3.10.4). */
  queueFin(): void {
    this.finQueued = true;
  }

  /** free space in the send buffer */
  space(): number {
    return Math.max(0, this.capacity - this.buf.length);
  }

  /** Queue bytes; returns how many fit. */
  write(data: Uint8Array, offset: number): number {
    const n = Math.min(this.space(), data.length - offset);
    if (n > 0) this.buf.push(data.slice(offset, offset + n));
    return n;
  }

  /** sequence number just after the last written byte */
  dataEnd(): number {
    return seqAdd(this.bufSeq, this.buf.length);
  }

  /** bytes written but never sent */
  unsent(): number {
    const from = seqGt(this.nxt, this.bufSeq) ? this.nxt : this.bufSeq;
    return Math.max(0, seqDiff(this.dataEnd(), from));
  }

  /** sequence space sent but not acknowledged */
  inFlight(): number {
    return seqDiff(this.nxt, this.una);
  }

  /** Linux's Send-Q (write_seq - snd_una): unacknowledged plus unsent, counting SYN and FIN */
  sendQ(): number {
    const end = seqAdd(this.dataEnd(), this.finQueued ? 1 : 0);
    return Math.max(0, seqDiff(end, this.una));
  }

  synMessage(): SenderMessage {
    this.synSent = true;
    if (seqEq(this.nxt, this.iss)) this.nxt = seqAdd(this.iss, 1);
    if (seqGt(this.nxt, this.max)) this.max = this.nxt;
    return {seq: this.iss, syn: true, payload: EMPTY, fin: false, push: false};
  }

  /**
   * The next new segment the window allows (data, data+FIN or FIN alone), or null.
   * With `wholeOnly`, a segment shorter than `mss` is held back unless it carries the FIN (Nagle's
   * algorithm, RFC 9293 §3.7.4, is decided by the connection).
   */
  next(mss: number, wholeOnly = false): SenderMessage | null {
    if (!this.synAcked || this.finSent) return null;
    const unsent = this.unsent();
    const room = seqDiff(seqAdd(this.una, this.sndWnd), this.nxt);
    if (unsent > 0) {
      if (room <= 0) return null;
      const n = Math.min(unsent, mss, room);
      if (wholeOnly && n < mss && !(n === unsent && this.finQueued)) return null;
      const payload = this.buf.peek(seqDiff(this.nxt, this.bufSeq), n);
      const last = n === unsent;
      const fin = last && this.finQueued;
      const msg: SenderMessage = {seq: this.nxt, syn: false, payload, fin, push: last};
      this.nxt = seqAdd(this.nxt, n + (fin ? 1 : 0));
      if (seqGt(this.nxt, this.max)) this.max = this.nxt;
      if (fin) {
        this.finSent = true;
        this.finSeq = seqAdd(this.nxt, -1);
      }
      return msg;
    }
    // a FIN alone may go even into a closed window (Linux tcp_send_fin queues it regardless)
    if (this.finQueued && (room > 0 || seqEq(this.nxt, this.una))) {
      const msg: SenderMessage = {seq: this.nxt, syn: false, payload: EMPTY, fin: true, push: false};
      this.finSent = true;
      this.finSeq = this.nxt;
      this.nxt = seqAdd(this.nxt, 1);
      if (seqGt(this.nxt, this.max)) this.max = this.nxt;
      return msg;
    }
    return null;
  }

  /**
   * After a retransmission timeout everything outstanding counts as lost (Linux tcp_enter_loss marks
   * it so): sending starts again at SND.UNA, as new segments limited by the congestion window.
   */
  rewind(): void {
    if (!this.synAcked || seqLe(this.nxt, this.una)) return;
    this.nxt = this.una;
    if (this.finSent && !this.finAcked) this.finSent = false;
  }

  /** The oldest unacknowledged segment again (retransmission), or null if nothing is outstanding. */
  retransmission(mss: number): SenderMessage | null {
    if (this.inFlight() <= 0) return null;
    if (!this.synAcked) return {seq: this.iss, syn: true, payload: EMPTY, fin: false, push: false};
    const sentData = Math.max(0, seqDiff(this.finSent ? this.finSeq : this.nxt, this.una));
    const n = Math.min(mss, sentData);
    const payload = n > 0 ? this.buf.peek(seqDiff(this.una, this.bufSeq), n) : EMPTY;
    const fin = this.finSent && seqEq(seqAdd(this.una, n), this.finSeq);
    return {seq: this.una, syn: false, payload, fin, push: n > 0 && seqEq(seqAdd(this.una, n), this.dataEnd())};
  }

  /** The last segment sent (up to `mss` bytes before SND.NXT), for a tail loss probe; null if nothing is out. */
  tail(mss: number): SenderMessage | null {
    const end = this.finSent ? this.finSeq : this.nxt;
    const sentData = Math.max(0, seqDiff(end, this.una));
    if (sentData === 0 && !(this.finSent && !this.finAcked)) return null;
    const n = Math.min(mss, sentData);
    const seq = seqAdd(end, -n);
    const payload = n > 0 ? this.buf.peek(seqDiff(seq, this.bufSeq), n) : EMPTY;
    return {seq, syn: false, payload, fin: this.finSent && !this.finAcked, push: n > 0 && seqEq(end, this.dataEnd())};
  }

  /** Is `ack` an acceptable acknowledgement (SND.UNA < ack ≤ the highest sequence number sent)? */
  acceptableAck(ack: number): boolean {
    return seqGt(ack, this.una) && seqLe(ack, this.max);
  }

  /** Apply an acknowledgement that passed acceptableAck; returns the data bytes it freed. */
  acknowledge(ack: number): number {
    ack |= 0;
    if (!this.synAcked && seqGt(ack, this.iss)) this.synAcked = true;
    const freed = Math.min(Math.max(0, seqDiff(ack, this.bufSeq)), this.buf.length);
    this.buf.drop(freed);
    this.bufSeq = seqAdd(this.bufSeq, freed);
    this.una = ack;
    if (seqGt(ack, this.nxt)) this.nxt = ack; // acknowledged beyond a rewound SND.NXT: no need to resend it
    if (this.finQueued && seqEq(ack, seqAdd(this.dataEnd(), 1))) {
      this.finSent = true;
      this.finSeq = this.dataEnd();
    }
    if (this.finSent && seqGt(ack, this.finSeq)) this.finAcked = true;
    return freed;
  }
}
