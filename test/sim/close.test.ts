/**
 * Closing: FIN-WAIT-1/2, CLOSE-WAIT, LAST-ACK, CLOSING and TIME-WAIT (RFC 9293 §3.6, §3.10.4,
 * §3.10.7.4 fifth/eighth), with Linux's timers: TIME-WAIT 60 s (its 2*MSL), orphaned FIN-WAIT-2 60 s.
 */
import {describe, expect, it} from 'vitest';
import {ACK, FIN} from '../../src/sim/wire/segment';
import {Lab, clientPort} from './helpers';

describe('FIN-WAIT-1 and FIN-WAIT-2 — RFC 9293 §3.10.4, §3.10.7.4', () => {
  it('close() sends FIN; the ACK moves the closer to FIN-WAIT-2 and the peer to CLOSE-WAIT (recording four-segment-close-trace)', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    const port = clientPort(lab, c);
    const m = lab.mark();
    lab.close('client', c);
    expect(lab.stateOf('client', port)).toBe('FIN-WAIT-1');
    lab.w.runUntilQuiet();
    expect(lab.segments(m)).toEqual(['client>server FA 0', 'server>client A 0']);
    expect(lab.stateOf('client', port)).toBe('FIN-WAIT-2');
    expect(lab.stateOf('server', 8080, 'client')).toBe('CLOSE-WAIT');
  });

  it('an orphaned FIN-WAIT-2 gives up after 60 s (Linux tcp_fin_timeout)', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    const port = clientPort(lab, c);
    lab.close('client', c);
    lab.w.advance(59_000);
    expect(lab.stateOf('client', port)).toBe('FIN-WAIT-2');
    lab.w.advance(2_000);
    expect(lab.stateOf('client', port)).toBe('gone');
  });

  it('after shutdown(SHUT_WR) the socket still reads, the peer reads EOF and may answer (recording shutdown-wr-half-close)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.write('client', c, 'request');
    expect(lab.shutdown('client', c, 1)).toEqual({ret: 0});
    expect(lab.text('server', a)).toBe('request');
    expect(lab.text('server', a)).toBe('');
    expect(lab.write('server', a, 'response')).toEqual({ret: 8});
    expect(lab.text('client', c)).toBe('response');
    expect(lab.write('client', c, 'more')).toEqual({err: 'EPIPE'});
  });
});

describe('CLOSE-WAIT and LAST-ACK — RFC 9293 §3.10.7.4', () => {
  it('read returns the data, then EOF on every further read (recording close-then-read-eof)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.write('server', a, 'bye');
    lab.close('server', a);
    expect(lab.text('client', c)).toBe('bye');
    expect(lab.text('client', c)).toBe('');
    expect(lab.text('client', c)).toBe('');
  });

  it('the passive closer goes LAST-ACK and is forgotten once its FIN is acknowledged; the active closer holds TIME-WAIT (recording active-close-time-wait)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    const port = clientPort(lab, c);
    lab.close('client', c);
    lab.w.runUntilQuiet();
    lab.close('server', a);
    expect(lab.stateOf('server', 8080, 'client')).toBe('LAST-ACK');
    lab.w.runUntilQuiet();
    expect(lab.stateOf('server', 8080, 'client')).toBe('gone');
    expect(lab.table()).toEqual([`client client:${port}→server:8080 TIME-WAIT`, 'server *:8080→* LISTEN']);
  });
});

describe('CLOSING — RFC 9293 §3.6 (Figure 13, simultaneous close)', () => {
  it('two FINs that cross: both sides pass through CLOSING and end in TIME-WAIT', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    const port = clientPort(lab, c);
    lab.close('client', c);
    lab.close('server', a); // same instant: neither FIN has arrived yet
    lab.w.runUntilQuiet();
    const states = (host: string, p: number) =>
      lab.w.trace.flatMap((e) => (e.kind === 'sock' && e.host === host && e.local.port === p && e.remote ? [e.state] : []));
    expect(states('client', port)).toEqual(expect.arrayContaining(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT']));
    expect(states('server', 8080)).toEqual(expect.arrayContaining(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT']));
    expect(lab.stateOf('client', port)).toBe('TIME-WAIT');
    expect(lab.stateOf('server', 8080, 'client')).toBe('TIME-WAIT');
  });
});

describe('TIME-WAIT — RFC 9293 §3.6 and §3.10.7.4 (2*MSL; Linux 60 s)', () => {
  it('lingers 60 s, then the kernel forgets the connection', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    const port = clientPort(lab, c);
    lab.close('client', c);
    lab.w.runUntilQuiet();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    const since = lab.w.now;
    lab.w.advance(59_900 - (lab.w.now - since));
    expect(lab.stateOf('client', port)).toBe('TIME-WAIT');
    lab.w.advance(200);
    expect(lab.stateOf('client', port)).toBe('gone');
  });

  it('a retransmitted FIN is acknowledged again and restarts the 2 MSL timer', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    const port = clientPort(lab, c);
    lab.close('client', c);
    lab.w.runUntilQuiet();
    const m0 = lab.mark();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    const fin = lab.segmentEvents(m0).find((e) => e.flags === 'FA')!;
    lab.w.advance(30_000);
    // as if the server had missed our ACK and sent its FIN again; our new ACK is lost on the way, so
    // the server (which in fact forgot the connection) cannot answer it with an RST
    lab.w.setLink('client', 'server', {loss: 1});
    const m = lab.mark();
    lab.w.host('client')!.receive({
      srcIp: lab.ip('server'), dstIp: lab.ip('client'), srcPort: 8080, dstPort: port,
      seq: fin.seq, ack: fin.ack!, flags: FIN | ACK, window: 1000, payload: new Uint8Array(0),
    });
    expect(lab.segments(m)).toEqual(['client>server A 0']);
    lab.w.advance(59_000); // 89 s after the first FIN: still there, the timer was restarted at 30 s
    expect(lab.stateOf('client', port)).toBe('TIME-WAIT');
    lab.w.advance(2_000);
    expect(lab.stateOf('client', port)).toBe('gone');
  });

  it('the TIME-WAIT keeps its port: a server that closed first cannot bind it again (recording bind-during-time-wait)', () => {
    const lab = new Lab();
    const {s, c, a} = lab.pair();
    lab.close('server', a);
    lab.text('client', c);
    lab.close('client', c);
    lab.close('server', s);
    lab.w.runUntilQuiet();
    const s2 = lab.socket('server');
    expect(lab.bind('server', s2, 8080)).toEqual({err: 'EADDRINUSE'});
  });

  it('SO_REUSEADDR on the old listener and on the new socket allows the rebind (recording bind-time-wait-reuseaddr)', () => {
    const lab = new Lab();
    const s = lab.socket('server');
    lab.call('server', {call: 'setsockopt', fd: s, opt: 'SO_REUSEADDR', value: 1});
    lab.bind('server', s, 8080);
    lab.listen('server', s);
    const c = lab.socket('client');
    lab.connect('client', c, 'server', 8080);
    const a = lab.accept('server', s);
    lab.close('server', 'ret' in a ? a.ret : -1);
    lab.close('client', c);
    lab.close('server', s);
    lab.w.runUntilQuiet();
    const s2 = lab.socket('server');
    expect(lab.bind('server', s2, 8080)).toEqual({err: 'EADDRINUSE'});
    lab.call('server', {call: 'setsockopt', fd: s2, opt: 'SO_REUSEADDR', value: 1});
    expect(lab.bind('server', s2, 8080)).toEqual({ret: 0});
    expect(lab.listen('server', s2)).toEqual({ret: 0});
  });
});

describe('CLOSE-WAIT — the FIN\'s delayed ACK (test/conformance/README.md, "Kernel behaviour worth knowing")', () => {
  it('a passive close within a few ms of the FIN, without reading, folds the ACK into its FIN: FA, FA, A', () => {
    const lab = new Lab({latencyMs: 1});
    const {c, a} = lab.pair();
    const m = lab.mark();
    lab.close('client', c);
    lab.w.advance(3); // the FIN has arrived, its ACK is still delayed
    lab.close('server', a);
    lab.w.runUntilQuiet();
    expect(lab.segments(m)).toEqual(['client>server FA 0', 'server>client FA 0', 'client>server A 0']);
  });

  it('a read that returns EOF sends the pending ACK at once', () => {
    const lab = new Lab({latencyMs: 1});
    const {c, a} = lab.pair();
    const m = lab.mark();
    lab.close('client', c);
    lab.w.advance(3);
    const t = lab.w.now;
    expect(lab.text('server', a)).toBe('');
    const ack = lab.segmentEvents(m).find((e) => e.fromHost === 'server')!;
    expect(ack).toMatchObject({flags: 'A', t});
  });
});
