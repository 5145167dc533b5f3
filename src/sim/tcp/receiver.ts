/**
 * The receiving half of a connection (RFC 9293 §3.3.1 "receive sequence space"): bytes that arrived
 * in order and wait for read(), segments that arrived early, and the FIN.
 * Like CS144's TCPReceiver it takes plain data and tells what to acknowledge and the window.
 */
import {ByteQueue} from './byteQueue';
import {seqAdd, seqDiff, seqLe} from '../wire/segment';

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
  /** segments beyond RCV.NXT, kept until the gap is filled */
  private early: Early[] = [];
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
    return this.early.length > 0;
  }

  /**
   * Take data (already trimmed to the window) and maybe a FIN.
   * Returns true if it arrived in order (RCV.NXT moved), false if it was kept for later.
   */
  receive(seq: number, data: Uint8Array, fin: boolean): boolean {
    if (this.finReceived) return false;
    if (seq !== this.nxt) {
      if (data.length === 0 && !fin) return false;
      this.early.push({seq, data, fin});
      this.early.sort((a, b) => seqDiff(a.seq, b.seq));
      this.earlyBytes += data.length;
      return false;
    }
    this.take(data, fin);
    // fill from the early segments that now touch RCV.NXT
    while (this.early.length > 0 && !this.finReceived && seqLe(this.early[0].seq, this.nxt)) {
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
      this.early = [];
      this.earlyBytes = 0;
    }
  }

  /** read(): up to `max` queued bytes */
  read(max: number): Uint8Array {
    const out = this.buf.read(max);
    this.copied = seqAdd(this.copied, out.length);
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
    this.early = [];
    this.earlyBytes = 0;
    return n;
  }
}
