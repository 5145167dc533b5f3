/**
 * Retransmission on loss (RFC 6298; RFC 9293 §3.8.1) with Linux's numbers: initial RTO 1 s, a floor
 * of 200 ms, exponential backoff; SYNs use tcp_syn_linear_timeouts = 4 and tcp_syn_retries = 6
 * (Documentation/networking/ip-sysctl.rst), so connect() gives up after 131 s.
 */
import {describe, expect, it} from 'vitest';
import {Lab, dec} from './helpers';

describe('SYN-SENT — retransmitting the SYN (RFC 6298 §2.1, §5.5)', () => {
  it('sends the SYN at 0, 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s, then fails with ETIMEDOUT at 131 s', () => {
    const lab = new Lab();
    lab.w.setLink('client', 'server', {loss: 1});
    const c = lab.socket('client');
    const t0 = lab.w.now;
    const m = lab.mark();
    expect(lab.connect('client', c, 'server', 8080)).toEqual({err: 'ETIMEDOUT'});
    const syns = lab.segmentEvents(m).filter((e) => e.flags === 'S');
    expect(syns.map((e) => (e.t - t0) / 1000)).toEqual([0, 1, 2, 3, 4, 5, 7, 11, 19, 35, 67]);
    expect(syns.every((e) => e.arrives === null)).toBe(true);
    expect((lab.w.now - t0) / 1000).toBe(131);
  });

  it('a SYN lost once is sent again after 1 s and the connection opens', () => {
    const lab = new Lab({latencyMs: 5});
    lab.listener('server', 8080);
    lab.w.setLink('client', 'server', {loss: 1});
    const c = lab.socket('client');
    lab.w.call('client', {call: 'connect', fd: c, addr: {ip: lab.ip('server'), port: 8080}}, {blockTimeoutMs: 500});
    lab.w.setLink('client', 'server', {loss: 0});
    expect(lab.connect('client', c, 'server', 8080)).toEqual({ret: 0});
    expect(lab.w.now).toBe(1010); // second SYN at 1000 ms, one round trip of 10 ms
  });
});

describe('ESTABLISHED — retransmitting data (RFC 6298 §5)', () => {
  it('probes a lost tail once (RFC 8985 §7), then retransmits with a backed-off timer: each wait doubles', () => {
    const lab = new Lab({latencyMs: 5});
    const {c} = lab.pair(); // simulated SYNs offer SACK, so the connection runs tail loss probes
    lab.w.setLink('client', 'server', {loss: 1});
    const m = lab.mark();
    lab.write('client', c, 'hello');
    lab.w.advance(20_000);
    const sends = lab.segmentEvents(m).filter((e) => e.len === 5).map((e) => e.t);
    expect(sends.length).toBeGreaterThanOrEqual(6);
    const gaps = sends.slice(1).map((t, i) => t - sends[i]);
    // the probe: two RTTs plus Linux's 200 ms allowance for a delayed ACK when one segment is out, but
    // never later than the retransmission timeout (RTT 10 ms + the 200 ms floor)
    expect(gaps[0]).toBe(Math.min(2 * 10 + 200, 10 + 200));
    expect(lab.w.trace.some((e) => e.kind === 'note' && /tail loss probe/.test(e.text))).toBe(true);
    expect(gaps[1]).toBeGreaterThanOrEqual(200); // Linux's RTO floor (RFC 6298 §2.4 allows it)
    for (let i = 2; i < gaps.length; i++) expect(gaps[i]).toBeCloseTo(gaps[i - 1] * 2, 5); // RFC 6298 §5.5
  });

  it('delivers every byte once and in order over a link that loses 30 % of the segments', () => {
    const lab = new Lab({latencyMs: 5, seed: 3});
    const {c, a} = lab.pair();
    lab.w.setLink('client', 'server', {loss: 0.3});
    const text = Array.from({length: 2000}, (_, i) => `line ${i}\n`).join('');
    const m = lab.mark();
    for (let i = 0; i < text.length; i += 700) expect(lab.write('client', c, text.slice(i, i + 700))).toMatchObject({ret: expect.any(Number)});
    lab.close('client', c);
    let got = '';
    for (let chunk = lab.text('server', a); chunk !== ''; chunk = lab.text('server', a)) got += chunk;
    expect(got).toBe(text);
    const lost = lab.segmentEvents(m).filter((e) => e.arrives === null);
    expect(lost.length).toBeGreaterThan(0);
    expect(lab.w.trace.some((e) => e.kind === 'note' && /retransmi/.test(e.text))).toBe(true);
  });
});

describe('reader mode — waiting in virtual time (SimWorld.call)', () => {
  it('reports a read that nothing can satisfy as blocked without running the clock to a TIME-WAIT expiry', () => {
    const lab = new Lab();
    const first = lab.pair(8080);
    lab.close('client', first.c);
    lab.close('server', first.a);
    lab.w.runUntilQuiet(); // a TIME-WAIT is now pending for 60 s
    const second = lab.pair(8081);
    const t = lab.w.now;
    expect(lab.read('server', second.a)).toMatchObject({blocked: true});
    expect(lab.w.now - t).toBeLessThan(1000);
  });

  it('waits for data that is on its way', () => {
    const lab = new Lab({latencyMs: 50});
    const {c, a} = lab.pair();
    lab.write('client', c, 'soon');
    const t = lab.w.now;
    expect(dec((lab.read('server', a) as {data: Uint8Array}).data)).toBe('soon');
    expect(lab.w.now - t).toBe(50);
  });

  it('with a timeout, gives up after exactly that much virtual time and the socket stays usable (recording read-blocks-then-data)', () => {
    const lab = new Lab({}, 500);
    const {c, a} = lab.pair();
    const t = lab.w.now;
    expect(lab.read('server', a)).toEqual({blocked: true});
    expect(lab.w.now - t).toBe(500);
    lab.write('client', c, 'late data');
    expect(lab.text('server', a)).toBe('late data');
  });
});
