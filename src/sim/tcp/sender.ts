/**
 * The sending half of a connection (RFC 9293 §3.3.1 "send sequence space"): the bytes the
 * application wrote that are not yet acknowledged, and which of them may go out now.
 * Like CS144's TCPSender it produces plain messages; the connection turns them into segments.
 */
import {ByteQueue} from './byteQueue';
import {EMPTY, seqAdd, seqDiff, seqGt, seqLe} from '../wire/segment';

/** What the sender wants to put in one segment. */
export interface SenderMessage {
  seq: number;
  syn: boolean;
  payload: Uint8Array;
  fin: boolean;
  /** last byte of what the application has written so far: the segment gets PSH */
  push: boolean;
}

export class TcpSender {
  /** initial send sequence number */
  readonly iss: number;
  /** SND.UNA: oldest unacknowledged sequence number */
  una: number;
  /** SND.NXT: next sequence number to send */
  nxt: number;
  /** SND.WND: the peer's advertised window */
  wnd = 0;
  /** SND.WL1 / SND.WL2: segment seq/ack used for the last window update */
  wl1 = 0;
  wl2 = 0;
  /** unacknowledged and unsent bytes, starting at sequence number `bufSeq` */
  readonly buf = new ByteQueue();
  bufSeq: number;
  /** send buffer size (Linux tcp_wmem default) */
  capacity: number;
  synSent = false;
  synAcked = false;
  /** the application closed its sending side: a FIN follows the data */
  finQueued = false;
  /** sequence number of our FIN once sent, else -1 */
  finSeq = -1;
  finAcked = false;

  constructor(iss: number, capacity: number) {
    this.iss = iss;
    this.una = iss;
    this.nxt = iss;
    this.bufSeq = seqAdd(iss, 1);
    this.capacity = capacity;
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
    if (this.nxt === this.iss) this.nxt = seqAdd(this.iss, 1);
    return {seq: this.iss, syn: true, payload: EMPTY, fin: false, push: false};
  }

  /** The next new segment the window allows (data, data+FIN or FIN alone), or null. */
  next(mss: number): SenderMessage | null {
    if (!this.synAcked || this.finSeq >= 0) return null;
    const unsent = this.unsent();
    const room = seqDiff(seqAdd(this.una, this.wnd), this.nxt);
    if (unsent > 0) {
      if (room <= 0) return null;
      const n = Math.min(unsent, mss, room);
      const payload = this.buf.peek(seqDiff(this.nxt, this.bufSeq), n);
      const last = n === unsent;
      const fin = last && this.finQueued;
      const msg = {seq: this.nxt, syn: false, payload, fin, push: last};
      this.nxt = seqAdd(this.nxt, n + (fin ? 1 : 0));
      if (fin) this.finSeq = seqAdd(this.nxt, -1);
      return msg;
    }
    if (this.finQueued && room > 0) {
      const msg = {seq: this.nxt, syn: false, payload: EMPTY, fin: true, push: false};
      this.finSeq = this.nxt;
      this.nxt = seqAdd(this.nxt, 1);
      return msg;
    }
    return null;
  }

  /** The oldest unacknowledged segment again (retransmission), or null if nothing is outstanding. */
  retransmission(mss: number): SenderMessage | null {
    if (this.inFlight() <= 0) return null;
    if (!this.synAcked) return {seq: this.iss, syn: true, payload: EMPTY, fin: false, push: false};
    const sentData = Math.max(0, seqDiff(this.finSeq >= 0 ? this.finSeq : this.nxt, this.una));
    const n = Math.min(mss, sentData);
    const payload = n > 0 ? this.buf.peek(seqDiff(this.una, this.bufSeq), n) : EMPTY;
    const fin = this.finSeq >= 0 && seqAdd(this.una, n) === this.finSeq;
    return {seq: this.una, syn: false, payload, fin, push: n > 0 && seqAdd(this.una, n) === this.dataEnd()};
  }

  /** Is `ack` an acceptable acknowledgement (SND.UNA < ack ≤ SND.NXT)? */
  acceptableAck(ack: number): boolean {
    return seqGt(ack, this.una) && seqLe(ack, this.nxt);
  }

  /** Apply an acknowledgement that passed acceptableAck; returns the data bytes it freed. */
  acknowledge(ack: number): number {
    if (!this.synAcked && seqGt(ack, this.iss)) this.synAcked = true;
    const freed = Math.min(Math.max(0, seqDiff(ack, this.bufSeq)), this.buf.length);
    this.buf.drop(freed);
    this.bufSeq = seqAdd(this.bufSeq, freed);
    this.una = ack;
    if (this.finSeq >= 0 && seqGt(ack, this.finSeq)) this.finAcked = true;
    return freed;
  }
}
