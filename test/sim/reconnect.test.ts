/**
 * Connecting again over the same address pair (issue 22). The kernel recordings in test/conformance
 * (reconnect-bound-port-*, syn-meets-*) check calls, tables and relative sequence numbers; these tests
 * check what the recordings cannot: absolute ISNs, timing, and the one trace whose relative numbers depend
 * on the real time between two connections.
 */
import {describe, expect, it} from 'vitest';
import {Lab} from './helpers';

/** a client bound to port 9000 (SO_REUSEADDR) connected to server:8080 and accepted */
function boundPair(lab: Lab): {s: number; c: number; a: number} {
  const s = lab.listener('server', 8080);
  const c = lab.socket('client');
  lab.call('client', {call: 'setsockopt', fd: c, opt: 'SO_REUSEADDR', value: 1});
  lab.bind('client', c, 9000);
  expect(lab.connect('client', c, 'server', 8080)).toEqual({ret: 0});
  const a = lab.accept('server', s);
  if (!('ret' in a)) throw new Error(JSON.stringify(a));
  return {s, c, a: a.ret};
}

function reboundSocket(lab: Lab): number {
  const d = lab.socket('client');
  lab.call('client', {call: 'setsockopt', fd: d, opt: 'SO_REUSEADDR', value: 1});
  expect(lab.bind('client', d, 9000)).toEqual({ret: 0});
  return d;
}

describe('connect() over an address pair that is still in the tables', () => {
  it('takes a TIME-WAIT over: the new SYN starts 65537 after the old SND.NXT (tcp_twsk_unique)', () => {
    const lab = new Lab({}, 500);
    const {c, a} = boundPair(lab);
    lab.write('client', c, 'hello');
    lab.text('server', a);
    lab.close('client', c);
    lab.text('server', a);
    lab.close('server', a);
    lab.w.advance(250);
    const oldFin = lab.segmentEvents().filter((e) => e.fromHost === 'client' && e.flags.includes('F'))[0];
    expect(lab.stateOf('client', 9000)).toBe('TIME-WAIT');

    const from = lab.mark();
    const d = reboundSocket(lab);
    expect(lab.connect('client', d, 'server', 8080)).toEqual({ret: 0});

    const syn = lab.segmentEvents(from)[0];
    expect(syn.flags).toBe('S');
    // the old connection's SND.NXT is just past its FIN
    expect(syn.seq).toBe((oldFin.seq + 1 + 65537) >>> 0);
    expect(lab.table()).toContain('client client:9000→server:8080 ESTABLISHED');
  });

  it('after a challenge ACK in SYN-SENT, resets it and sends the SYN again within milliseconds, not after 1 s', () => {
    const lab = new Lab({}, 500);
    const {c} = boundPair(lab);
    lab.close('client', c); // orphaned FIN-WAIT-2; the server stays in CLOSE-WAIT
    lab.w.advance(250);
    const from = lab.mark();
    const d = reboundSocket(lab);
    expect(lab.connect('client', d, 'server', 8080)).toEqual({ret: 0});

    const segs = lab.segmentEvents(from);
    expect(segs.map((e) => `${e.fromHost} ${e.flags}`)).toEqual([
      'client S', 'server A', 'client R', 'client S', 'server SA', 'client A',
    ]);
    const [, challenge, rst, again] = segs;
    expect(rst.seq).toBe(challenge.ack); // RFC 9293 §3.10.7.3: <SEQ=SEG.ACK><CTL=RST>
    // Linux re-arms the SYN timer with TCP_TIMEOUT_MIN (2 jiffies): 10–13 ms in the kernel recordings
    expect(again.t - challenge.arrives!).toBeGreaterThan(0);
    expect(again.t - challenge.arrives!).toBeLessThan(20);
  });

  it('a SYN meeting a TIME-WAIT with no listener behind it gets an ACK, then RST, SYN again, refused', () => {
    // kernel recording syn-meets-time-wait-no-listener, 3 runs: S, A, R, S, RA and ECONNREFUSED
    const lab = new Lab({}, 500);
    const {s, c, a} = boundPair(lab);
    lab.close('server', a);
    lab.w.advance(250);
    lab.close('client', c);
    lab.w.advance(250);
    lab.close('server', s);
    expect(lab.stateOf('server', 8080)).toBe('TIME-WAIT');

    const from = lab.mark();
    const d = lab.socket('client');
    expect(lab.bind('client', d, 9000)).toEqual({ret: 0});
    expect(lab.connect('client', d, 'server', 8080)).toEqual({err: 'ECONNREFUSED'});
    expect(lab.segments(from)).toEqual([
      'client>server S 0', 'server>client A 0', 'client>server R 0', 'client>server S 0', 'server>client RA 0',
    ]);
    expect(lab.table()).toEqual([]);
  });
});
