/**
 * The RFC section behind each reason a segment was sent (pure: no translate(), so the pcapng export can cite it too).
 */
import type {CallEffect, SegmentRule, SegmentTimer} from '../../sim/api';

/** The RFC text behind each reason (RFC 9293 unless it names another). */
export const RFC: Record<CallEffect | SegmentTimer | SegmentRule, string | null> = {
  'rst-unread-data': 'RFC 9293 §3.6.1',
  'rst-listener-closed': 'RFC 9293 §3.10.5',
  'ack-at-eof': null,
  'window-update': 'RFC 9293 §3.8.6.2.2',
  'delayed-ack': 'RFC 9293 §3.8.6.3',
  retransmit: 'RFC 9293 §3.8.1, RFC 6298',
  'syn-retransmit': 'RFC 9293 §3.8.1',
  'synack-retransmit': 'RFC 9293 §3.8.1',
  persist: 'RFC 9293 §3.8.6.1',
  'loss-probe': 'RFC 8985 §7',
  'syn-ack': 'RFC 9293 §3.10.7.2',
  'syn-cookie': 'RFC 4987 §3.6',
  'simultaneous-open': 'RFC 9293 §3.10.7.3',
  'syn-ack-again': 'RFC 9293 §3.10.7.4',
  'handshake-ack': 'RFC 9293 §3.10.7.3',
  'ack-two-segments': 'RFC 9293 §3.8.6.3',
  'quick-ack': 'RFC 9293 §3.8.6.3',
  'ack-duplicate-data': 'RFC 2883',
  'ack-out-of-order': 'RFC 9293 §3.10.7.4, RFC 5681 §4.2',
  'ack-gap-filled': 'RFC 5681 §4.2',
  'ack-of-fin': 'RFC 9293 §3.10.7.4',
  'ack-unacceptable': 'RFC 9293 §3.10.7.4',
  'ack-too-new': 'RFC 9293 §3.10.7.4',
  'challenge-ack': 'RFC 9293 §3.10.7.4, RFC 5961',
  'time-wait-ack': 'RFC 9293 §3.10.7.4',
  'window-opened': 'RFC 9293 §3.8.6',
  'fast-retransmit': 'RFC 5681 §3.2',
  'loss-recovery': 'RFC 6582 §3.2',
  'rst-closed-port': 'RFC 9293 §3.10.7.1',
  'rst-no-connection': 'RFC 9293 §3.10.7.1',
  'rst-bad-ack': 'RFC 9293 §3.10.7.3',
  'rst-data-after-close': 'RFC 9293 §3.6.1',
};
