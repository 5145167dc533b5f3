/**
 * Reset generation and processing (RFC 9293 §3.5.2, §3.10.7.1, §3.10.5 ABORT; RFC 5961 §3.2;
 * RFC 1122 §4.2.2.13), with the errno Linux reports as the kernel recordings show.
 */
import {describe, expect, it} from 'vitest';
import {ACK, RST} from '../../src/sim/wire/segment';
import {Lab, clientPort} from './helpers';

describe('CLOSED — RFC 9293 §3.10.7.1 (no connection, no listener)', () => {
  it('a SYN gets <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>', () => {
    const lab = new Lab();
    const m = lab.mark();
    lab.connect('client', lab.socket('client'), 'server', 9999);
    const [syn, rst] = lab.segmentEvents(m);
    expect(rst).toMatchObject({flags: 'RA', seq: 0, ack: (syn.seq + 1) >>> 0, fromHost: 'server'});
  });

  it('a segment with ACK gets <SEQ=SEG.ACK><CTL=RST>; an RST gets nothing', () => {
    const lab = new Lab();
    const server = lab.w.host('server')!;
    const base = {srcIp: lab.ip('client'), dstIp: lab.ip('server'), srcPort: 40000, dstPort: 7777, window: 100, payload: new Uint8Array(3)};
    let m = lab.mark();
    server.receive({...base, seq: 10, ack: 555, flags: ACK});
    expect(lab.segmentEvents(m)).toMatchObject([{flags: 'R', seq: 555, ack: null}]);
    m = lab.mark();
    server.receive({...base, seq: 10, ack: 555, flags: RST | ACK});
    expect(lab.segmentEvents(m)).toEqual([]);
  });
});

describe('ESTABLISHED — ABORT and RST arrival (RFC 9293 §3.10.5, §3.10.7.4 second; RFC 5961 §3.2)', () => {
  it('close() with unread data sends RST,ACK instead of FIN; the peer reads ECONNRESET once, then EOF, and writes EPIPE (recording close-with-unread-data-rst)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.write('client', c, 'unread');
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    expect(lab.segments(m)).toEqual(['server>client RA 0']);
    expect(lab.read('client', c)).toEqual({err: 'ECONNRESET'});
    expect(lab.text('client', c)).toBe('');
    expect(lab.write('client', c, 'x')).toEqual({err: 'EPIPE'});
  });

  it('after an RST the first write reports the pending ECONNRESET, the next EPIPE (recording reset-then-write-first)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.write('client', c, 'unread');
    lab.w.runUntilQuiet();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    expect(lab.write('client', c, 'x')).toEqual({err: 'ECONNRESET'});
    expect(lab.write('client', c, 'y')).toEqual({err: 'EPIPE'});
  });

  it('an RST inside the window but not at RCV.NXT only draws a challenge ACK; the connection survives', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    const port = clientPort(lab, c);
    const ack = lab.segmentEvents().filter((e) => e.fromHost === 'client').at(-1)!;
    const m = lab.mark();
    lab.w.host('client')!.receive({
      srcIp: lab.ip('server'), dstIp: lab.ip('client'), srcPort: 8080, dstPort: port,
      seq: (ack.ack! + 100) >>> 0, ack: 0, flags: RST, window: 0, payload: new Uint8Array(0),
    });
    expect(lab.segments(m)).toEqual(['client>server A 0']);
    expect(lab.stateOf('client', port)).toBe('ESTABLISHED');
  });
});

describe('FIN-WAIT-2 and CLOSE-WAIT — data after close (RFC 1122 §4.2.2.13)', () => {
  it('a closed socket answers new data with a bare RST (seq = the ACK it received); the writer gets EPIPE next (recording write-after-peer-close-epipe)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    const m = lab.mark();
    expect(lab.write('client', c, 'late')).toEqual({ret: 4});
    lab.w.runUntilQuiet();
    const [data, rst] = lab.segmentEvents(m);
    expect(data).toMatchObject({flags: 'PA', len: 4});
    expect(rst).toMatchObject({flags: 'R', seq: data.ack, ack: null});
    expect(lab.write('client', c, 'again')).toEqual({err: 'EPIPE'});
    expect(lab.text('client', c)).toBe(''); // the FIN came first: EOF, not an error
  });

  it('shutdown(SHUT_RDWR) then new data from the peer: RST, the shut socket reads EOF (recording shutdown-rdwr-then-peer-writes)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.shutdown('server', a, 2);
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.write('client', c, 'data');
    lab.w.runUntilQuiet();
    expect(lab.segments(m)).toEqual(['client>server PA 4', 'server>client R 0']);
    expect(lab.read('server', a)).toEqual({err: 'ECONNRESET'});
    expect(lab.text('server', a)).toBe('');
  });

  it('closing a listener resets the connection still waiting in its queue (recording close-listener-resets-queued)', () => {
    const lab = new Lab();
    const s = lab.listener('server', 8080);
    const c = lab.socket('client');
    lab.connect('client', c, 'server', 8080);
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.close('server', s);
    lab.w.runUntilQuiet();
    expect(lab.segments(m)).toEqual(['server>client RA 0']);
    expect(lab.read('client', c)).toEqual({err: 'ECONNRESET'});
    expect(lab.table()).toEqual([]);
  });
});
