/**
 * TcpReceiver on its own (no World, no connection): the receive sequence space of RFC 9293 §3.3.1 —
 * RCV.NXT starts at IRS + 1, moves by each in-order octet and once for the FIN (§3.4), RCV.WND is the
 * free buffer, segments beyond RCV.NXT wait until the hole before them is filled (§3.10.7.4 "seventh") —
 * and Linux's Recv-Q (rcv_nxt − copied_seq, an unread FIN counting one). The IRS sits just before 2^32,
 * so the data crosses the wrap.
 */
import {describe, expect, it} from 'vitest';
import {TcpReceiver} from '../../../src/sim/tcp/receiver';
import {TcpSender} from '../../../src/sim/tcp/sender';

const IRS = 0xfffffffd; // RCV.NXT = 0xFFFFFFFE after the SYN; the third data byte is sequence number 0
const u = (n: number): number => n >>> 0;
const text = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const str = (b: Uint8Array): string => String.fromCharCode(...b);

function afterSyn(capacity = 1000): TcpReceiver {
  const r = new TcpReceiver(capacity);
  r.synReceived(IRS);
  return r;
}

describe('TcpReceiver', () => {
  it('expects IRS + 1 after the SYN, with nothing to read', () => {
    const r = afterSyn();
    expect(u(r.nxt)).toBe(0xfffffffe);
    expect(r.recvQ()).toBe(0);
    expect(r.window()).toBe(1000);
  });

  it('takes in-order data across 2^32 and moves RCV.NXT by its length', () => {
    const r = afterSyn();
    expect(r.receive({seq: 0xfffffffe, payload: text('hello'), fin: false})).toBe(true);
    expect(u(r.nxt)).toBe(3); // 0xFFFFFFFE + 5
    expect(r.recvQ()).toBe(5);
    expect(r.window()).toBe(995);
    expect(str(r.read(100))).toBe('hello');
    expect(r.recvQ()).toBe(0);
    expect(r.window()).toBe(1000);
  });

  it('keeps a segment beyond RCV.NXT and delivers it once the hole before it is filled', () => {
    const r = afterSyn();
    expect(r.receive({seq: 1, payload: text('world'), fin: false})).toBe(false); // 3 octets early, past the wrap
    expect(u(r.nxt)).toBe(0xfffffffe);
    expect(r.hasEarly()).toBe(true);
    expect(r.window()).toBe(995); // the early bytes take buffer space too
    expect(r.receive({seq: 0xfffffffe, payload: text('hi '), fin: false})).toBe(true);
    expect(u(r.nxt)).toBe(6);
    expect(r.hasEarly()).toBe(false);
    expect(str(r.read(100))).toBe('hi world');
  });

  it('takes only the new part of an early segment that overlaps what arrived since', () => {
    const r = afterSyn();
    r.receive({seq: 0, payload: text('CDEF'), fin: false}); // C at 0
    r.receive({seq: 0xfffffffe, payload: text('ABCD'), fin: false}); // A at 0xFFFFFFFE: C and D again
    expect(str(r.read(100))).toBe('ABCDEF');
    expect(u(r.nxt)).toBe(4);
  });

  it('counts the FIN as one sequence number and as one in Recv-Q until the data before it is read', () => {
    const r = afterSyn();
    r.receive({seq: 0xfffffffe, payload: text('bye'), fin: true});
    expect(r.finReceived).toBe(true);
    expect(u(r.nxt)).toBe(2); // 3 octets and the FIN
    expect(r.recvQ()).toBe(4);
    r.read(100);
    expect(r.recvQ()).toBe(0); // the read that took the last byte passed the FIN too (Linux tcp_recvmsg)
  });

  it('takes a FIN that arrived early when the hole before it is filled', () => {
    const r = afterSyn();
    r.receive({seq: 0, payload: text('end'), fin: true});
    expect(r.finReceived).toBe(false);
    r.receive({seq: 0xfffffffe, payload: text('th'), fin: false});
    expect(r.finReceived).toBe(true);
    expect(u(r.nxt)).toBe(4);
    expect(str(r.read(100))).toBe('thend');
  });

  it('ignores everything after the FIN', () => {
    const r = afterSyn();
    r.receive({seq: 0xfffffffe, payload: new Uint8Array(0), fin: true});
    expect(r.receive({seq: 0xffffffff, payload: text('late'), fin: false})).toBe(false);
    expect(u(r.nxt)).toBe(0xffffffff);
    expect(r.buf.length).toBe(0);
  });

  it('reports the unread bytes it throws away (close with unread data, Linux sends RST)', () => {
    const r = afterSyn();
    r.receive({seq: 0xfffffffe, payload: text('unread'), fin: false});
    r.receive({seq: 10, payload: text('early'), fin: false});
    expect(r.discard()).toBe(6);
    expect(r.window()).toBe(1000);
  });
});

/**
 * The receiver's message (CS144's TCPReceiverMessage): what each segment we send acknowledges and the window it
 * advertises. ackno is RCV.NXT (RFC 9293 §3.3.1: the next sequence number expected), which moves over in-order
 * data and once for the FIN only (§3.10.7.4 "seventh" and "eighth"; §3.4: the FIN occupies one sequence number);
 * the window is RCV.WND, the receive buffer still free (§3.3.1, §3.8.6), and a window that may not be scaled
 * stops at 65535 (RFC 7323 §2.2: never on a SYN; §2.3: only when both SYNs carried the option).
 */
describe('TcpReceiver.message()', () => {
  const SCALED = true;

  it('acknowledges IRS + 1 once the SYN is in, then moves over in-order data across 2^32', () => {
    const r = afterSyn();
    expect(u(r.message(SCALED).ackno)).toBe(0xfffffffe);
    r.receive({seq: 0xfffffffe, payload: text('abcd'), fin: false});
    expect(u(r.message(SCALED).ackno)).toBe(2); // 0xFFFFFFFE + 4 mod 2^32
  });

  it('keeps the ackno for data beyond RCV.NXT, and moves it past both parts once the gap fills', () => {
    const r = afterSyn();
    r.receive({seq: 0xfffffffe, payload: text('ab'), fin: false}); // RCV.NXT = 0 (wrapped)
    r.receive({seq: 1, payload: text('def'), fin: false}); // sequence number 0 still missing
    expect(u(r.message(SCALED).ackno)).toBe(0); // the next ACK asks for 0 again
    r.receive({seq: 0, payload: text('c'), fin: false});
    expect(u(r.message(SCALED).ackno)).toBe(4); // c at 0, d e f at 1..3
    expect(str(r.read(100))).toBe('abcdef');
  });

  it('acknowledges the FIN with one more than its data (§3.4), also when it arrived early', () => {
    const r = afterSyn();
    r.receive({seq: 0xfffffffe, payload: text('xy'), fin: true});
    expect(u(r.message(SCALED).ackno)).toBe(1); // 2 octets and the FIN from 0xFFFFFFFE

    const early = afterSyn();
    early.receive({seq: 0, payload: text('z'), fin: true}); // FIN at 1, behind a hole at 0xFFFFFFFE..0xFFFFFFFF
    expect(u(early.message(SCALED).ackno)).toBe(0xfffffffe);
    early.receive({seq: 0xfffffffe, payload: text('xy'), fin: false});
    expect(u(early.message(SCALED).ackno)).toBe(2); // x y z and the FIN
  });

  it('advertises less as data waits unread and more again after read() (RCV.WND = free buffer)', () => {
    const r = afterSyn(1000);
    expect(r.message(SCALED).window).toBe(1000);
    r.receive({seq: 0xfffffffe, payload: new Uint8Array(300), fin: false});
    expect(r.message(SCALED).window).toBe(700);
    r.receive({seq: 0xfffffffe + 300, payload: new Uint8Array(700), fin: false});
    expect(r.message(SCALED).window).toBe(0); // the buffer is full: a zero window (§3.8.6.1)
    r.read(250);
    expect(r.message(SCALED).window).toBe(250);
    r.read(1000);
    expect(r.message(SCALED).window).toBe(1000);
  });

  it('counts data held beyond a gap against the window, and not the ackno', () => {
    const r = afterSyn(1000);
    r.receive({seq: 100, payload: new Uint8Array(400), fin: false});
    const m = r.message(SCALED);
    expect([u(m.ackno), m.window]).toEqual([0xfffffffe, 600]);
  });

  it('advertises at most 65535 where the window may not be scaled, and the whole RCV.WND where it may', () => {
    const r = afterSyn(131_072);
    expect(r.message(false).window).toBe(65_535); // a SYN, or no scaling agreed: the 16-bit field's largest value
    expect(r.message(SCALED).window).toBe(131_072);
    r.receive({seq: 0xfffffffe, payload: new Uint8Array(65_536), fin: false}); // 65,536 left: one too many
    expect(r.message(false).window).toBe(65_535);
    r.receive({seq: 0xfffffffe + 65_536, payload: new Uint8Array(1), fin: false}); // 65,535 left: fits
    expect(r.message(false).window).toBe(65_535);
    r.receive({seq: 0xfffffffe + 65_537, payload: new Uint8Array(35), fin: false});
    expect(r.message(false).window).toBe(65_500); // below the limit the clamp changes nothing
    expect(r.message(SCALED).window).toBe(65_500);
  });

  it('makes a new value per call: a message taken earlier does not change as data arrives', () => {
    const r = afterSyn(1000);
    const before = r.message(SCALED);
    r.receive({seq: 0xfffffffe, payload: text('data'), fin: false});
    const after = r.message(SCALED);
    expect(after).not.toBe(before);
    expect([u(before.ackno), before.window]).toEqual([0xfffffffe, 1000]);
    expect([u(after.ackno), after.window]).toEqual([2, 996]);
  });
});

describe('TcpReceiver.acceptable(): RFC 9293 §3.10.7.4, the table of segment acceptability', () => {
  // RCV.NXT = 0xFFFFFFFE: the window 0xFFFFFFFE .. 0xFFFFFFFE + RCV.WND - 1 crosses 2^32
  it('zero-length segment, zero window: only SEG.SEQ = RCV.NXT', () => {
    const r = afterSyn();
    expect(r.acceptable(0xfffffffe, 0, 0)).toBe(true);
    expect(r.acceptable(0xffffffff, 0, 0)).toBe(false);
  });

  it('zero-length segment, open window: RCV.NXT =< SEG.SEQ < RCV.NXT + RCV.WND', () => {
    const r = afterSyn();
    expect(r.acceptable(0xfffffffe, 0, 10)).toBe(true);
    expect(r.acceptable(7, 0, 10)).toBe(true); // the window's last sequence number, past the wrap
    expect(r.acceptable(8, 0, 10)).toBe(false); // just beyond it
    expect(r.acceptable(0xfffffffd, 0, 10)).toBe(false); // just before RCV.NXT
  });

  it('segment with data, zero window: never', () => {
    const r = afterSyn();
    expect(r.acceptable(0xfffffffe, 1, 0)).toBe(false);
  });

  it('segment with data, open window: its first or its last sequence number inside the window', () => {
    const r = afterSyn();
    expect(r.acceptable(0xfffffff0, 20, 10)).toBe(true); // old start, last octet (3) inside
    expect(r.acceptable(5, 20, 10)).toBe(true); // starts inside, ends beyond
    expect(r.acceptable(0xfffffff0, 14, 10)).toBe(false); // ends at 0xFFFFFFFD, just before RCV.NXT
    expect(r.acceptable(8, 5, 10)).toBe(false); // starts just beyond the window
  });
});

describe('TcpReceiver fed by a TcpSender through values', () => {
  it('takes the SenderMessage a sender made as it is, and its message acknowledges it', () => {
    const s = new TcpSender(IRS, 1000); // the peer: its SYN takes IRS
    s.synMessage();
    s.acknowledge(IRS + 1);
    s.takeWindow({seq: 0, ack: IRS + 1, window: 1000});
    s.write(text('over the wrap'), 0);
    s.queueFin();
    const r = afterSyn();
    const m = s.next(536)!;
    expect(r.receive(m)).toBe(true);
    const reply = r.message(true);
    expect(s.acceptableAck(reply.ackno)).toBe(true);
    s.acknowledge(reply.ackno);
    expect(s.finAcked).toBe(true); // 13 octets and the FIN, all acknowledged (§3.4)
    expect(str(r.read(100))).toBe('over the wrap');
  });
});
