/**
 * Per-connection state that only matters once data flows: the congestion window and what is in
 * flight (RFC 5681, RFC 6928), and the receiver's delayed-ACK engine (Linux's icsk_ack). A connection
 * creates each on first use, so an idle connection costs no more than its handshake needs (the
 * benchmark's memory goal is per idle connection).
 */
import type {TimerHandle} from './env';

/** RFC 6928 initial window, in segments (Linux TCP_INIT_CWND) */
export const INITIAL_CWND = 10;

/** ssthresh before any loss: "arbitrarily high" (RFC 5681 §3.1), kept a small integer for the engine */
export const NO_SSTHRESH = 0x3fffffff;

export class Congestion {
  /** congestion window and slow-start threshold, in segments as Linux counts them */
  cwnd = INITIAL_CWND;
  ssthresh = NO_SSTHRESH;
  /** acknowledged segments counted towards the next +1 in congestion avoidance */
  cwndCount = 0;
  /** end sequence numbers of the segments sent and not yet acknowledged (packets_out), from `head` */
  flight: number[] = [];
  head = 0;
  /** duplicate ACKs taken as segments that left the network (Linux tcp_add_reno_sack without SACK) */
  sackedOut = 0;
  /** fast recovery until SND.UNA passes recoverSeq (RFC 6582) */
  inRecovery = false;
  recoverSeq = 0;
  /** end of the last segment shorter than the MSS (Linux snd_sml: Minshall's variant of Nagle) */
  sndSml: number;
  /** a tail loss probe went and is not yet answered, up to probeHigh: one probe per tail (Linux tlp_high_seq) */
  probing = false;
  probeHigh = 0;
  probeTimer: TimerHandle | null = null;
  /** zero-window probe timer (RFC 9293 §3.8.6.1): only a connection with data to send has one */
  persistTimer: TimerHandle | null = null;
  /** duplicate ACKs in a row */
  dupAcks = 0;

  constructor(iss: number) {
    this.sndSml = iss;
  }

  packetsOut(): number {
    return this.flight.length - this.head;
  }
}

export class AckState {
  /** delayed-ACK timeout, ms; 0 until the first data arrives */
  ato = 0;
  /** ACKs still to send at once (quick-ACK mode) */
  quick = 0;
  /** interactive: the application answered within the ACK timeout, or the peer's FIN came */
  pingpong = false;
  /** when data last arrived */
  lrcvtime = 0;
  /** estimate of the peer's segment size (icsk_ack.rcv_mss), starting at RFC 9293's default */
  rcvMss = 536;
  /** small segments arrived since the last ACK: bit 1 ICSK_ACK_PUSHED, bit 2 ICSK_ACK_PUSHED2 */
  pushed = 0;
}

/** Remove the segments `ack` covers from the flight; returns how many (sequence numbers compared mod 2^32). */
export function ackFlight(cc: Congestion, ack: number): number {
  const f = cc.flight;
  let h = cc.head;
  while (h < f.length && ((ack - f[h]) | 0) >= 0) h++;
  const n = h - cc.head;
  if (h === f.length) {
    f.length = 0;
    h = 0;
  } else if (h > 64) {
    f.splice(0, h);
    h = 0;
  }
  cc.head = h;
  return n;
}

/**
 * RFC 5681 §3.1: slow start adds one segment per segment acknowledged up to ssthresh, congestion
 * avoidance one per window (Reno's line; Linux's default CUBIC grows along a cubic curve instead).
 * Only while the window is what limits sending (Linux tcp_is_cwnd_limited).
 */
export function growWindow(cc: Congestion, delivered: number, outBefore: number): void {
  if (cc.cwnd < cc.ssthresh) {
    if (cc.cwnd >= 2 * outBefore) return;
    cc.cwnd = Math.min(cc.cwnd + delivered, Math.max(cc.ssthresh, cc.cwnd));
    return;
  }
  if (outBefore < cc.cwnd) return;
  cc.cwndCount += delivered;
  if (cc.cwndCount >= cc.cwnd) {
    cc.cwndCount -= cc.cwnd;
    cc.cwnd++;
  }
}
