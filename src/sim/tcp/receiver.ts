/**
 * The receiving half of a connection (RFC 9293 §3.3.1 "receive sequence space"): bytes that arrived
 * in order and wait for read(), segments that arrived early, and the FIN.
 * Like CS144's TCPReceiver it takes plain values (SegmentText in) and makes plain values (ReceiverMessage
 * out: what to acknowledge and the window); the connection turns them into segments.
 */
import {ByteQueue} from './byteQueue';
import {MAX_UNSCALED_WINDOW as _MAX_UNSCALED_WINDOW} from './options';
import {seqAdd as _seqAdd, seqDiff as _seqDiff, seqEq as _seqEq, seqGe as _seqGe, seqLe as _seqLe, seqLt as _seqLt} from '../wire/segment';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call on the per-segment path. Measured 2026-12-05 (the bulk transfer of
// scripts/bench.ts, 7 interleaved A/B runs, medians): without these lines 578k instead of 950k segments per
// CPU-second (0.64x); the simulator-heavy unit tests took 1.10x as long. src/sim/README.md "Speed".
const MAX_UNSCALED_WINDOW = _MAX_UNSCALED_WINDOW;
const seqAdd = _seqAdd;
const seqDiff = _seqDiff;
const seqEq = _seqEq;
const seqGe = _seqGe;
const seqLe = _seqLe;
const seqLt = _seqLt;

/**
 * What the receiver tells the peer in one segment (CS144's TCPReceiverMessage): a plain value, made anew
 * for each segment by TcpReceiver.message(), that the connection copies into the segment's ACK and window.
 */
export interface ReceiverMessage {
  /** RCV.NXT: the next sequence number expected, which an ACK carries (RFC 9293 §3.3.1, §3.4) */
  readonly ackno: number;
  /** the window to advertise, in bytes: RCV.WND, at most 65535 where it may not be scaled (RFC 7323 §2.2, §2.3) */
  readonly window: number;
}

/**
 * The part of a segment the receiver takes (the peer sender's SenderMessage without SYN and PSH): where
 * its data starts, the data, and whether the FIN follows it. A SenderMessage is one.
 */
export interface SegmentText {
  readonly seq: number;
  readonly payload: Uint8Array;
  readonly fin: boolean;
}

export class TcpReceiver {
  /** IRS: the peer's initial sequence number */
  irs = 0;
  /** RCV.NXT */
  nxt = 0;
  /** sequence number up to which the application has read (Linux copied_seq; the FIN counts once read) */
  copied = 0;
  /** bytes in order, not yet read */
  readonly buf = new ByteQueue();
  /** segments beyond RCV.NXT, kept until the gap is filled (null while there are none) */
  private early: SegmentText[] | null = null;
  private earlyBytes = 0;
  /** the peer's FIN has been received in order */
  finReceived = false;
  /** the application has read up to the FIN (read returned 0) */
  eofRead = false;
  /** receive buffer size (Linux tcp_rmem default) */
  capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** The peer's SYN: IRS <- SEG.SEQ, RCV.NXT <- SEG.SEQ + 1 (RFC 9293 §3.10.7.2, §3.10.7.3). */
  synReceived(seq: number): void {
    seq |= 0;
    this.irs = seq;
    this.nxt = seqAdd(seq, 1);
    this.copied = this.nxt;
  }

  /** RCV.WND: what still fits in the buffer */
  window(): number {
    return Math.max(0, this.capacity - this.buf.length - this.earlyBytes);
  }

  /**
   * What the next segment tells the peer: ACK = RCV.NXT and the window (RCV.WND). `scaled` says whether
   * this segment's window may use window scaling: never on a SYN or SYN,ACK (RFC 7323 §2.2), and only once
   * both SYNs carried the option (§2.3; otherwise the shift is 0). Unscaled, the 16-bit field holds at most
   * 65535, so a larger RCV.WND is advertised as 65535 (the clamp lives here, the connection knows `scaled`). The shift itself is
   * not applied: segments in the simulator carry the window in bytes, as a capture shows it once scaled.
   */
  message(scaled: boolean): ReceiverMessage {
    const window = this.window();
    return {ackno: this.nxt, window: !scaled && window > MAX_UNSCALED_WINDOW ? MAX_UNSCALED_WINDOW : window};
  }

  /**
   * RFC 9293 §3.10.7.4 "first", the table of segment acceptability: does a segment of `len` octets of
   * sequence space starting at `seq` touch the receive window RCV.NXT .. RCV.NXT + `wnd` - 1?
   */
  acceptable(seq: number, len: number, wnd: number): boolean {
    const nxt = this.nxt;
    if (len === 0) {
      if (wnd === 0) return seqEq(seq, nxt);
      return seqGe(seq, nxt) && seqLt(seq, seqAdd(nxt, wnd));
    }
    if (wnd === 0) return false;
    const last = seqAdd(seq, len - 1);
    const end = seqAdd(nxt, wnd);
    return (seqGe(seq, nxt) && seqLt(seq, end)) || (seqGe(last, nxt) && seqLt(last, end));
  }

  /** Linux's Recv-Q (rcv_nxt - copied_seq): unread bytes, plus one for an unread FIN */
  recvQ(): number {
    return Math.max(0, seqDiff(this.nxt, this.copied));
  }

  hasEarly(): boolean {
    return this.early !== null && this.early.length > 0;
  }

  /**
   * Take a segment's data (already trimmed to the window) and maybe its FIN.
   * Returns true if it arrived in order (RCV.NXT moved), false if it was kept for later.
   */
  receive(text: SegmentText): boolean {
    if (this.finReceived) return false;
    const seq = text.seq | 0;
    const data = text.payload;
    if (!seqEq(seq, this.nxt)) {
      if (data.length === 0 && !text.fin) return false;
      const early = (this.early ??= []);
      early.push({seq, payload: data, fin: text.fin});
      early.sort((a, b) => seqDiff(a.seq, b.seq));
      this.earlyBytes += data.length;
      return false;
    }
    this.take(data, text.fin);
    // fill from the early segments that now touch RCV.NXT
    while (this.early && this.early.length > 0 && !this.finReceived && seqLe(this.early[0].seq, this.nxt)) {
      const e = this.early.shift()!;
      this.earlyBytes -= e.payload.length;
      const skip = seqDiff(this.nxt, e.seq);
      if (skip < e.payload.length) this.take(e.payload.subarray(skip), e.fin);
      else if (skip === e.payload.length && e.fin) this.take(e.payload.subarray(skip), true);
    }
    return true;
  }

  /**
   * The one place RCV.NXT moves after the SYN: over the data accepted (RFC 9293 §3.10.7.4 "seventh") and
   * once more for the FIN (§3.10.7.4 "eighth": "advance RCV.NXT over the FIN").
   */
  private take(data: Uint8Array, fin: boolean): void {
    if (data.length > 0) {
      this.buf.push(data);
      this.nxt = seqAdd(this.nxt, data.length);
    }
    if (fin) {
      this.finReceived = true;
      this.nxt = seqAdd(this.nxt, 1);
      this.early = null;
      this.earlyBytes = 0;
    }
  }

  /**
   * read(): up to `max` queued bytes. A read that takes the last byte also passes the FIN behind it: Linux
   * folds a FIN into the last queued data (tcp_try_coalesce) and tcp_recvmsg moves copied_seq past it
   * (found_fin_ok), so Recv-Q drops to 0; the read that returns EOF still comes next.
   */
  read(max: number): Uint8Array {
    const out = this.buf.read(max);
    this.copied = seqAdd(this.copied, out.length);
    if (this.finReceived && this.buf.length === 0 && out.length > 0) this.copied = this.nxt;
    return out;
  }

  /** read() found the FIN after the data: consume it (Recv-Q drops to 0) */
  consumeFin(): void {
    if (this.finReceived && !this.eofRead) {
      this.eofRead = true;
      this.copied = this.nxt;
    }
  }

  /** drop everything unread (close/abort) and report how many data bytes were thrown away */
  discard(): number {
    const n = this.buf.length;
    this.buf.clear();
    this.early = null;
    this.earlyBytes = 0;
    return n;
  }
}
