/**
 * TcpReceiver on its own (no World, no connection): the receive sequence space of RFC 9293 §3.3.1 —
 * RCV.NXT starts at IRS + 1, moves by each in-order octet and once for the FIN (§3.4), RCV.WND is the
 * free buffer, segments beyond RCV.NXT wait until the hole before them is filled (§3.10.7.4 "seventh") —
 * and Linux's Recv-Q (rcv_nxt − copied_seq, an unread FIN counting one). The IRS sits just before 2^32,
 * so the data crosses the wrap.
 */
import {describe, expect, it} from 'vitest';
import {TcpReceiver} from '../../../src/sim/tcp/receiver';

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
