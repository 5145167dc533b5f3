/**
 * The wire layer: what a TCP segment carries (RFC 9293 §3.1) and 32-bit sequence arithmetic.
 * Nothing here knows about connections or sockets.
 */
import type {TraceTcpOption} from '../api';

/** Flag bits as in the TCP header. */
export const FIN = 0x01;
export const SYN = 0x02;
export const RST = 0x04;
export const PSH = 0x08;
export const ACK = 0x10;
export const URG = 0x20;
export const ECE = 0x40;
export const CWR = 0x80;

/** One TCP segment in flight between two IPv4 addresses. `payload.length` is the data length. */
export interface Segment {
  srcIp: string;
  dstIp: string;
  srcPort: number;
  dstPort: number;
  /**
   * Absolute sequence number: 32 bits. Inside the simulator it is kept as a signed 32-bit integer
   * (a small integer for the JS engine, no boxing); the trace shows it unsigned, as on the wire.
   * Compare sequence numbers only with the seq* helpers below, which work for either form.
   */
  seq: number;
  /** absolute acknowledgement number (same representation); meaningful only with ACK set */
  ack: number;
  flags: number;
  window: number;
  payload: Uint8Array;
  /**
   * TCP options in the order they stand in the header (RFC 9293 §3.2; Linux writes them in
   * tcp_options_write()). Only SYN and SYN,ACK carry them here; the timestamp of every segment is `tsval`.
   */
  options?: TcpOption[];
  /**
   * RFC 7323 timestamp option, TSval: the sender's clock in whole ms (Linux's 1 kHz TCP clock). Linux puts
   * it on every segment of a connection except RST; absent on segments sent without a connection.
   */
  tsval?: number;
}

/** One TCP option (the trace carries the same type: api.ts TraceTcpOption). */
export type TcpOption = TraceTcpOption;

export const EMPTY: Uint8Array = new Uint8Array(0);

const LETTERS: [number, string][] = [
  [FIN, 'F'], [SYN, 'S'], [RST, 'R'], [PSH, 'P'], [ACK, 'A'], [URG, 'U'], [ECE, 'E'], [CWR, 'W'],
];
/** Precomputed so the hot path does no string building. */
const FLAG_STRINGS: string[] = Array.from({length: 256}, (_, bits) =>
  LETTERS.filter(([bit]) => bits & bit).map(([, ch]) => ch).join(''),
);

/** Flags as letters in the fixed order F S R P A U E W ("SA", "FA", "PA", "R", …). */
export function flagString(flags: number): string {
  return FLAG_STRINGS[flags & 0xff];
}

/** Sequence space length a segment occupies: data bytes plus one for SYN and one for FIN. */
export function segLength(seg: Segment): number {
  return seg.payload.length + (seg.flags & SYN ? 1 : 0) + (seg.flags & FIN ? 1 : 0);
}

/** a + n modulo 2^32, as a signed 32-bit integer */
export function seqAdd(a: number, n: number): number {
  return (a + n) | 0;
}
/** the same sequence number (in either representation) */
export function seqEq(a: number, b: number): boolean {
  return ((a - b) | 0) === 0;
}
/** signed distance a - b in sequence space */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}
export function seqLt(a: number, b: number): boolean {
  return ((a - b) | 0) < 0;
}
export function seqLe(a: number, b: number): boolean {
  return ((a - b) | 0) <= 0;
}
export function seqGt(a: number, b: number): boolean {
  return ((a - b) | 0) > 0;
}
export function seqGe(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}

/** The fields of a reply that the answering code chooses (addresses come from the segment answered). */
export interface ReplyFields {
  seq: number;
  ack: number;
  flags: number;
  window?: number;
  payload?: Uint8Array;
}

/**
 * A segment answering `seg`: from its destination back to its source, window 0 and no data unless given.
 * Every reply sent without a connection's own addresses at hand (RSTs, a SYN cookie's SYN,ACK) is built here.
 */
export function replyTo(seg: Segment, r: ReplyFields): Segment {
  return {
    srcIp: seg.dstIp, dstIp: seg.srcIp, srcPort: seg.dstPort, dstPort: seg.srcPort,
    seq: r.seq, ack: r.ack, flags: r.flags, window: r.window ?? 0, payload: r.payload ?? EMPTY,
  };
}
