/**
 * The receiving half of a connection (RFC 9293 §3.3.1 "receive sequence space"): bytes that arrived
 * in order and wait for read(), segments that arrived early, and the FIN.
 * Like CS144's TCPReceiver it takes plain data and tells what to acknowledge and the window.
 */
import {ByteQueue} from './byteQueue';
import {seqAdd as _seqAdd, seqDiff as _seqDiff, seqEq as _seqEq, seqLe as _seqLe} from '../wire/segment';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call on the per-segment path. Measured 2026-12-05 (the bulk transfer of
// scripts/bench.ts, 7 interleaved A/B runs, medians): without these lines 578k instead of 950k segments per
// CPU-second (0.64x); the simulator-heavy unit tests took 1.10x as long. src/sim/README.md "Speed".
const seqAdd = _seqAdd;
const seqDiff = _seqDiff;
const seqEq = _seqEq;
const seqLe = _seqLe;

interface Early {
  seq: number;
  data: Uint8Array;
  fin: boolean;
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
  private early: Early[] | null = null;
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

  /** Linux's Recv-Q (rcv_nxt - copied_seq): unread bytes, plus one for an unread FIN */
  recvQ(): number {
    return Math.max(0, seqDiff(this.nxt, this.copied));
  }

  hasEarly(): boolean {
    return this.early !== null && this.early.length > 0;
  }

  /**
   * Take data (already trimmed to the window) and maybe a FIN.
   * Returns true if it arrived in order (RCV.NXT moved), false if it was kept for later.
   */
  receive(seq: number, data: Uint8Array, fin: boolean): boolean {
    if (this.finReceived) return false;
    seq |= 0;
    if (!seqEq(seq, this.nxt)) {
      if (data.length === 0 && !fin) return false;
      const early = (this.early ??= []);
      early.push({seq, data, fin});
      early.sort((a, b) => seqDiff(a.seq, b.seq));
      this.earlyBytes += data.length;
      return false;
    }
    this.take(data, fin);
    // fill from the early segments that now touch RCV.NXT
    while (this.early && this.early.length > 0 && !this.finReceived && seqLe(this.early[0].seq, this.nxt)) {
      const e = this.early.shift()!;
      this.earlyBytes -= e.data.length;
      const skip = seqDiff(this.nxt, e.seq);
      if (skip < e.data.length) this.take(e.data.subarray(skip), e.fin);
      else if (skip === e.data.length && e.fin) this.take(e.data.subarray(skip), true);
    }
    return true;
  }

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
