/**
 * TcpSender on its own (no World, no connection): the send sequence space of RFC 9293 §3.3.1 and §3.8.6
 * (usable window = SND.UNA + SND.WND − SND.NXT), the acceptable-ACK test of §3.10.7.4, the SND.WL1/WL2
 * window-update rule, and the FIN's place in sequence space. Most cases start a few bytes before 2^32 so
 * every one of them crosses the wrap.
 */
import {describe, expect, it} from 'vitest';
import {TcpSender} from '../../../src/sim/tcp/sender';

const ISS = 0xfffffffe; // the SYN takes 0xFFFFFFFE, the first data byte 0xFFFFFFFF, the second 0
const MSS = 1000;
const u = (n: number): number => n >>> 0;
const bytes = (n: number, fill = 120): Uint8Array => new Uint8Array(n).fill(fill);

/** A sender whose SYN went and was acknowledged, with the peer's window `wnd`. */
function synchronized(wnd: number, capacity = 100_000): TcpSender {
  const s = new TcpSender(ISS, capacity);
  s.synMessage();
  s.acknowledge(ISS + 1);
  s.takeWindow({seq: 5000, ack: ISS + 1, window: wnd});
  return s;
}

describe('TcpSender: the SYN', () => {
  it('sends the SYN at the ISS, which takes one sequence number (RFC 9293 §3.4)', () => {
    const s = new TcpSender(ISS, 1000);
    const syn = s.synMessage();
    expect(syn).toEqual({seq: ISS | 0, syn: true, payload: new Uint8Array(0), fin: false, push: false});
    expect(u(s.nxt)).toBe(0xffffffff);
    expect(s.inFlight()).toBe(1);
  });

  it('sends no data before the SYN is acknowledged', () => {
    const s = new TcpSender(ISS, 1000);
    s.synMessage();
    s.takeWindow({seq: 1, ack: ISS + 1, window: 65535});
    s.write(bytes(10), 0);
    expect(s.next(MSS)).toBeNull();
  });

  it('counts the unacknowledged SYN in Send-Q, as Linux does (write_seq − snd_una)', () => {
    const s = new TcpSender(ISS, 1000);
    s.synMessage();
    expect(s.sendQ()).toBe(1);
    s.acknowledge(ISS + 1);
    expect(s.sendQ()).toBe(0);
  });
});

describe('TcpSender: segments within the windows', () => {
  it('numbers data from ISS + 1 across 2^32, cut at the MSS', () => {
    const s = synchronized(10_000);
    s.write(bytes(2500), 0);
    const a = s.next(MSS)!;
    const b = s.next(MSS)!;
    const c = s.next(MSS)!;
    expect([u(a.seq), a.payload.length]).toEqual([0xffffffff, 1000]);
    expect([u(b.seq), b.payload.length]).toEqual([999, 1000]); // 0xFFFFFFFF + 1000 wraps to 999
    expect([u(c.seq), c.payload.length]).toEqual([1999, 500]);
    expect(s.next(MSS)).toBeNull();
    expect(u(s.nxt)).toBe(2499);
    expect(s.inFlight()).toBe(2500);
  });

  it('marks only the segment carrying the last written byte for PSH', () => {
    const s = synchronized(10_000);
    s.write(bytes(1500), 0);
    expect(s.next(MSS)!.push).toBe(false);
    expect(s.next(MSS)!.push).toBe(true);
  });

  it('stops at SND.UNA + SND.WND (the usable window, §3.8.6) and goes on when the window moves', () => {
    const s = synchronized(2500);
    s.write(bytes(4000), 0);
    expect(s.next(MSS)!.payload.length).toBe(1000);
    expect(s.next(MSS)!.payload.length).toBe(1000);
    expect(s.next(MSS)!.payload.length).toBe(500); // only 500 of the window left
    expect(s.next(MSS)).toBeNull();
    // the peer acknowledges the first segment, window unchanged: 1000 more may go
    const ack = ISS + 1 + 1000;
    expect(s.acceptableAck(ack)).toBe(true);
    expect(s.acknowledge(ack)).toBe(1000);
    s.updateWindow({seq: 5000, ack, window: 2500});
    expect(s.next(MSS)!.payload.length).toBe(1000);
    expect(s.next(MSS)).toBeNull();
  });

  it('holds back a short segment when asked to send whole segments only (Nagle), unless it ends with the FIN', () => {
    const s = synchronized(10_000);
    s.write(bytes(300), 0);
    expect(s.next(MSS, true)).toBeNull();
    s.queueFin();
    const m = s.next(MSS, true)!;
    expect([m.payload.length, m.fin]).toEqual([300, true]);
  });

  it('returns a new value per segment: an earlier message does not change when the next is made', () => {
    const s = synchronized(10_000);
    s.write(bytes(1000, 1), 0);
    s.write(bytes(1000, 2), 0);
    const a = s.next(MSS)!;
    const seqA = a.seq;
    const b = s.next(MSS)!;
    expect(b).not.toBe(a);
    expect(a.seq).toBe(seqA);
    expect(a.payload[0]).toBe(1);
    expect(b.payload[0]).toBe(2);
  });

  it('takes only what fits the send buffer', () => {
    const s = synchronized(10_000, 1500);
    expect(s.write(bytes(1000), 0)).toBe(1000);
    expect(s.write(bytes(1000), 0)).toBe(500);
    expect(s.space()).toBe(0);
  });
});

describe('TcpSender: acknowledgements (§3.10.7.4: SND.UNA < SEG.ACK =< SND.NXT)', () => {
  it('accepts an ACK inside the sent range, across the wrap, and nothing outside it', () => {
    const s = synchronized(10_000);
    s.write(bytes(2000), 0);
    s.next(MSS);
    s.next(MSS); // sent up to 0xFFFFFFFF + 2000 = 1999
    expect(s.acceptableAck(ISS + 1)).toBe(false); // = SND.UNA: a duplicate
    expect(s.acceptableAck(0)).toBe(true); // one byte acknowledged, just past the wrap
    expect(s.acceptableAck(1999)).toBe(true); // everything
    expect(s.acceptableAck(2000)).toBe(false); // beyond anything sent
    expect(s.acceptableAck(0xfffffff0)).toBe(false); // behind SND.UNA
  });

  it('frees acknowledged bytes and moves SND.UNA', () => {
    const s = synchronized(10_000);
    s.write(bytes(2000), 0);
    s.next(MSS);
    s.next(MSS);
    expect(s.acknowledge(999)).toBe(1000);
    expect(u(s.una)).toBe(999);
    expect(s.buf.length).toBe(1000);
    expect(s.sendQ()).toBe(1000);
  });
});

describe('TcpSender: the FIN (§3.4: it takes one sequence number after the data)', () => {
  it('rides on the last data segment, and its ACK is one past the last data byte', () => {
    const s = synchronized(10_000);
    s.write(bytes(1500), 0);
    s.queueFin();
    s.next(MSS);
    const last = s.next(MSS)!;
    expect([u(last.seq), last.payload.length, last.fin]).toEqual([999, 500, true]);
    expect(u(s.finSeq)).toBe(1499);
    expect(u(s.nxt)).toBe(1500);
    s.acknowledge(1499);
    expect(s.finAcked).toBe(false);
    s.acknowledge(1500);
    expect(s.finAcked).toBe(true);
    expect(s.sendQ()).toBe(0);
  });

  it('goes alone into a closed window when nothing is outstanding (Linux tcp_send_fin queues it regardless)', () => {
    const s = synchronized(0);
    s.queueFin();
    const fin = s.next(MSS)!;
    expect([u(fin.seq), fin.payload.length, fin.fin]).toEqual([0xffffffff, 0, true]);
  });
});

describe('TcpSender: the peer window (SND.WL1/SND.WL2, §3.10.7.4)', () => {
  it('takes a window from a newer segment and ignores one from an older segment, across the wrap', () => {
    const s = new TcpSender(ISS, 1000);
    s.takeWindow({seq: 0xfffffff0, ack: ISS + 1, window: 1000});
    expect(s.updateWindow({seq: 0xffffffe0, ack: ISS + 1, window: 5000})).toBe(-1); // older: SEG.SEQ < SND.WL1
    expect(s.wnd).toBe(1000);
    expect(s.updateWindow({seq: 0x10, ack: ISS + 1, window: 3000})).toBe(1000); // newer, past the wrap
    expect(s.wnd).toBe(3000);
  });

  it('with the same SEG.SEQ, takes the window only when SEG.ACK is not older than SND.WL2', () => {
    const s = new TcpSender(ISS, 1000);
    s.takeWindow({seq: 100, ack: 0x10, window: 1000});
    expect(s.updateWindow({seq: 100, ack: 0xfffffff0, window: 0})).toBe(-1); // ack before WL2 (across the wrap)
    expect(s.updateWindow({seq: 100, ack: 0x10, window: 0})).toBe(1000);
    expect(s.wnd).toBe(0);
  });
});

describe('TcpSender: sending again', () => {
  it('retransmits the oldest unacknowledged segment from SND.UNA', () => {
    const s = synchronized(10_000);
    s.write(bytes(2500), 0);
    s.next(MSS);
    s.next(MSS);
    s.acknowledge(999);
    const r = s.retransmission(MSS)!;
    expect([u(r.seq), r.payload.length, r.syn]).toEqual([999, 1000, false]);
  });

  it('retransmits the SYN while it is unacknowledged', () => {
    const s = new TcpSender(ISS, 1000);
    s.synMessage();
    const r = s.retransmission(MSS)!;
    expect([u(r.seq), r.syn]).toEqual([ISS, true]);
  });

  it('after a timeout, sends from SND.UNA again as new segments (rewind)', () => {
    const s = synchronized(10_000);
    s.write(bytes(2000), 0);
    s.next(MSS);
    s.next(MSS);
    s.rewind();
    expect(u(s.nxt)).toBe(0xffffffff);
    expect(u(s.next(MSS)!.seq)).toBe(0xffffffff);
    // everything sent counts for acceptable ACKs (SND.MAX), even above the rewound SND.NXT
    expect(s.acceptableAck(1999)).toBe(true);
  });

  it('offers the last segment sent for a tail loss probe (Linux tcp_send_loss_probe: the tail of the queue)', () => {
    const s = synchronized(10_000);
    s.write(bytes(2000), 0);
    s.next(MSS);
    s.next(MSS);
    const t = s.tail(MSS)!;
    expect([u(t.seq), t.payload.length, t.push]).toEqual([999, 1000, true]);
  });
});
