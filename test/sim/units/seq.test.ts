/**
 * 32-bit sequence arithmetic (src/sim/wire/segment.ts), checked against RFC 9293 §3.4: sequence numbers
 * live in 0 … 2^32 − 1, all arithmetic is modulo 2^32, and comparisons hold across the wrap (the
 * "serial number" comparison of RFC 1982, which Linux's before()/after() implement as a signed difference).
 */
import {describe, expect, it} from 'vitest';
import {ACK, FIN, SYN, segLength, seqAdd, seqDiff, seqEq, seqGe, seqGt, seqLe, seqLt, type Segment} from '../../../src/sim/wire/segment';

const TOP = 0xffffffff; // 2^32 − 1, the last sequence number before the wrap

describe('sequence numbers modulo 2^32 (RFC 9293 §3.4)', () => {
  it('adds past 2^32 − 1 back to 0', () => {
    expect(seqAdd(TOP, 1) >>> 0).toBe(0);
    expect(seqAdd(TOP, 1461) >>> 0).toBe(1460);
    expect(seqAdd(0, -1) >>> 0).toBe(TOP);
  });

  it('treats the signed and the unsigned form of one number as the same number', () => {
    expect(seqEq(TOP, -1)).toBe(true);
    expect(seqEq(0x80000000, -0x80000000)).toBe(true);
    expect(seqEq(5, 6)).toBe(false);
  });

  it('measures the distance across the wrap', () => {
    expect(seqDiff(5, 0xfffffffb)).toBe(10); // 0xFFFFFFFB + 10 = 5 (mod 2^32)
    expect(seqDiff(0xfffffffb, 5)).toBe(-10);
  });

  it('orders numbers just after the wrap after those just before it', () => {
    const before = 0xfffffff0;
    const after = 0x10;
    expect(seqLt(before, after)).toBe(true);
    expect(seqLe(before, after)).toBe(true);
    expect(seqGt(after, before)).toBe(true);
    expect(seqGe(after, before)).toBe(true);
    expect(seqGt(before, after)).toBe(false);
    expect(seqLt(after, before)).toBe(false);
  });

  it('is reflexive where the comparison allows equality', () => {
    expect(seqLe(TOP, TOP)).toBe(true);
    expect(seqGe(0, 0)).toBe(true);
    expect(seqLt(TOP, TOP)).toBe(false);
    expect(seqGt(0, 0)).toBe(false);
  });

  it('orders by the shorter way round the circle (a difference under 2^31)', () => {
    expect(seqLt(0, 0x7fffffff)).toBe(true); // 2^31 − 1 ahead
    expect(seqGt(0, 0x80000001)).toBe(true); // 2^31 − 1 behind, going the other way
  });
});

describe('SEG.LEN (RFC 9293 §3.4): data octets plus one for SYN and one for FIN', () => {
  const seg = (flags: number, len: number): Segment => ({
    srcIp: '10.0.0.2', dstIp: '10.0.0.3', srcPort: 40000, dstPort: 80, seq: 0, ack: 0, flags, window: 0, payload: new Uint8Array(len),
  });
  it('counts each control bit that occupies sequence space', () => {
    expect(segLength(seg(SYN, 0))).toBe(1);
    expect(segLength(seg(SYN | ACK, 0))).toBe(1);
    expect(segLength(seg(ACK, 0))).toBe(0);
    expect(segLength(seg(ACK, 100))).toBe(100);
    expect(segLength(seg(FIN | ACK, 100))).toBe(101);
    expect(segLength(seg(SYN | FIN, 3))).toBe(5);
  });
});
