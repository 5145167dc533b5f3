/**
 * ESTABLISHED: data, acknowledgements, segmentation and the window (RFC 9293 §3.8, §3.10.7.4 seventh),
 * with Linux's delayed ACK of 40 ms.
 */
import {describe, expect, it} from 'vitest';
import {Lab, dec} from './helpers';

describe('ESTABLISHED — RFC 9293 §3.10.7.4 (segment text) and §3.8.6.3 (delayed ACK)', () => {
  it('acknowledges the first data of a connection at once: quick-ACK mode (packetdrill tcp_basic_server.pkt, blocking-read.pkt)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    const m = lab.mark();
    expect(lab.write('client', c, 'ping\n')).toEqual({ret: 5});
    lab.w.runUntilQuiet();
    const [data, ack] = lab.segmentEvents(m);
    expect(data).toMatchObject({flags: 'PA', len: 5, relSeq: 1, relAck: 1});
    expect(ack).toMatchObject({flags: 'A', len: 0, relAck: 6, t: data.arrives});
    expect(lab.text('server', a)).toBe('ping\n');
  });

  it('once the receiver has answered (interactive), a small segment is acknowledged 40 ms late, not over 500 ms (§3.8.6.3)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    lab.write('client', c, 'ping\n');
    lab.w.advance(5);
    expect(lab.text('server', a)).toBe('ping\n');
    lab.write('server', a, 'pong\n'); // an answer within the ACK timeout: Linux enters pingpong mode
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.write('client', c, 'more\n');
    lab.w.runUntilQuiet();
    const [data, ack] = lab.segmentEvents(m);
    expect(data).toMatchObject({flags: 'PA', len: 5});
    expect(ack).toMatchObject({flags: 'A', len: 0, fromHost: 'server'});
    // RFC 9293 §3.8.6.3: "the delay MUST be less than 0.5 seconds"; Linux's shortest delay is 40 ms
    expect(ack.t - data.arrives!).toBe(40);
  });

  it('an interactive receiver acknowledges at least every second full-sized segment at once (§3.8.6.3, RFC 5681 §4.2)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    lab.write('client', c, 'x'.repeat(1460));
    lab.w.advance(5);
    lab.text('server', a);
    lab.write('server', a, 'ok'); // interactive now: no quick ACKs
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.write('client', c, 'x'.repeat(1460 * 4));
    lab.w.runUntilQuiet();
    const segs = lab.segmentEvents(m);
    const acks = segs.filter((e) => e.fromHost === 'server');
    // after the first 1460 bytes: the 2nd and the 4th new segment are acknowledged
    expect(acks.map((e) => [e.flags, e.relAck])).toEqual([['A', 1 + 3 * 1460], ['A', 1 + 5 * 1460]]);
    const arrived = segs.filter((e) => e.fromHost === 'client').map((e) => e.arrives);
    expect(acks.every((e) => arrived.includes(e.t))).toBe(true); // sent as the segment arrives, not 40 ms later
  });

  it('cuts a large write into MSS-sized segments (1460 on the simulated links), PSH on the last', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    const m = lab.mark();
    lab.write('client', c, 'y'.repeat(4000));
    lab.w.runUntilQuiet();
    const data = lab.segmentEvents(m).filter((e) => e.fromHost === 'client' && e.len > 0);
    expect(data.map((e) => `${e.flags} ${e.len}`)).toEqual(['A 1460', 'A 1460', 'PA 1080']);
    expect(lab.text('server', a)).toBe('y'.repeat(4000));
  });

  it('returns whatever is queued, up to max, regardless of write boundaries (recordings stream-coalescing, short-reads)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    for (const part of ['abc', 'def', 'ghi']) lab.write('client', c, part);
    lab.w.runUntilQuiet();
    expect(lab.text('server', a, 4)).toBe('abcd');
    expect(lab.text('server', a, 100)).toBe('efghi');
  });

  it('a read with nothing queued waits; in the reader mode it reports blocked at once when nothing can arrive', () => {
    const lab = new Lab();
    const {a} = lab.pair();
    const t = lab.w.now;
    expect(lab.read('server', a)).toMatchObject({blocked: true, reason: expect.stringContaining('read()')});
    expect(lab.w.now).toBe(t);
  });

  it('never has more in flight than the peer advertised, and probes a zero window until the reader makes room (§3.8.6.1)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    const big = 'z'.repeat(300_000);
    const m = lab.mark();
    // the receiver does not read: its buffer fills, then ours. With SO_SNDTIMEO the write returns
    // what it copied; without a timeout a write that cannot finish never returns (reader mode: blocked)
    const r = lab.w.call('client', {call: 'write', fd: c, data: new TextEncoder().encode(big)}, {blockTimeoutMs: 1000});
    expect('ret' in r && r.ret).toBeLessThan(big.length);
    const sent = 'ret' in r ? r.ret : 0;
    const t = lab.w.now;
    expect(lab.write('client', c, 'more')).toMatchObject({blocked: true});
    expect(lab.w.now - t).toBeLessThan(1000); // zero-window probes alone do not keep it waiting
    const segs = lab.segmentEvents(m);
    const peerWindow = Math.min(...segs.filter((e) => e.fromHost === 'server').map((e) => e.window));
    expect(peerWindow).toBe(0);
    const highest = Math.max(...segs.filter((e) => e.fromHost === 'client').map((e) => (e.relSeq ?? 0) + e.len));
    expect(highest - 1).toBeLessThanOrEqual(131072); // the receive buffer is the whole window
    // zero-window probes keep going while the window is closed
    lab.w.advance(5000);
    const probes = lab.segmentEvents(m).filter((e) => e.fromHost === 'client' && e.len === 0 && e.t > 100);
    expect(probes.length).toBeGreaterThan(0);
    // the reader drains everything; the rest of the write follows
    let got = '';
    while (got.length < sent) got += lab.text('server', a, 65536);
    expect(got).toBe(big.slice(0, sent));
  });
});
