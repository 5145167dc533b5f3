/**
 * TCP options on SYN and SYN,ACK (RFC 9293 §3.2, RFC 7323, RFC 2018), written in the order and with
 * the padding Linux's tcp_options_write() uses, so a capture or a packetdrill script sees the same
 * bytes as from a kernel with the packetdrill baseline (tcp_timestamps=1, tcp_sack=1,
 * tcp_window_scaling=1, tcp_rmem max 15 MB → window scale 8).
 *
 * What the simulator does with them: the MSS option sets the largest segment each side sends, the
 * window scale is agreed when both SYNs carry it (windows above 65535 only then), SACK-permitted is
 * recorded but no SACK blocks are sent or read, and the timestamp option stands only on our SYN: the
 * clock value every segment carries (Segment.tsval, used by TIME-WAIT) is kept beside the option list, so
 * a SYN,ACK's list does not echo it and no later segment carries options.
 */
import type {TcpOption} from '../wire/segment';

/** Linux's window scale with tcp_rmem[2] = 15728640 (tcp_select_initial_window: ilog2(space) - 15). */
export const WINDOW_SCALE = 8;
/** RFC 9293 §3.7.1: the send MSS when the peer's SYN carries no MSS option. */
export const DEFAULT_MSS = 536;
/** the largest window a segment can describe without scaling */
export const MAX_UNSCALED_WINDOW = 65535;

/** What a peer's SYN or SYN,ACK announced. */
export interface PeerOptions {
  mss: number | null;
  wscale: number | null;
  sackOk: boolean;
  timestamps: boolean;
}

export function readOptions(options: readonly TcpOption[] | undefined): PeerOptions {
  const out: PeerOptions = {mss: null, wscale: null, sackOk: false, timestamps: false};
  for (const o of options ?? []) {
    if (o.kind === 'mss') out.mss = o.value;
    else if (o.kind === 'wscale') out.wscale = Math.min(o.value, 14); // RFC 7323 §2.3: at most 14
    else if (o.kind === 'sackOK') out.sackOk = true;
    else if (o.kind === 'ts') out.timestamps = true;
  }
  return out;
}

/** An active open's SYN: <mss, sackOK, TS, nop, wscale>. `tsVal` is the sender's clock in ms. */
export function synOptions(mss: number, tsVal: number): TcpOption[] {
  return [
    {kind: 'mss', value: mss},
    {kind: 'sackOK'},
    {kind: 'ts', val: tsVal >>> 0, ecr: 0},
    {kind: 'nop'},
    {kind: 'wscale', value: WINDOW_SCALE},
  ];
}

/**
 * The SYN,ACK's options answer the SYN's: SACK-permitted and window scale only if the SYN offered them.
 * Timestamps are not echoed in the list (see the note at the top), so SACK-permitted stands alone,
 * padded as `nop,nop,sackOK`.
 */
export function synAckOptions(mss: number, peer: PeerOptions): TcpOption[] {
  const out: TcpOption[] = [{kind: 'mss', value: mss}];
  if (peer.sackOk) out.push({kind: 'nop'}, {kind: 'nop'}, {kind: 'sackOK'});
  if (peer.wscale !== null) out.push({kind: 'nop'}, {kind: 'wscale', value: WINDOW_SCALE});
  return out;
}
