/**
 * Opening a connection: LISTEN, SYN-SENT and SYN-RECEIVED (RFC 9293 §3.5, §3.10.7.2–3), with Linux's
 * accept queue (backlog + 1) as the kernel recordings show it.
 */
import {describe, expect, it} from 'vitest';
import {ACK, RST, SYN} from '../../src/sim/wire/segment';
import {Lab, addrOf, clientPort} from './helpers';

describe('LISTEN — RFC 9293 §3.10.7.2', () => {
  it('answers a SYN with SYN,ACK and completes the handshake without accept() (§3.5 Figure 6)', () => {
    const lab = new Lab();
    lab.listener('server', 8080);
    const c = lab.socket('client');
    const m = lab.mark();
    expect(lab.connect('client', c, 'server', 8080)).toEqual({ret: 0});
    lab.w.runUntilQuiet();
    expect(lab.segments(m)).toEqual(['client>server S 0', 'server>client SA 0', 'client>server A 0']);
    // kernel recording listen-accept-basic: both ends ESTABLISHED while the connection waits in the queue
    const port = clientPort(lab, c);
    expect(lab.table()).toEqual([`client client:${port}→server:8080 ESTABLISHED`, 'server *:8080→* LISTEN', `server server:8080→client:${port} ESTABLISHED`]);
  });

  it('accept() only hands out the queued connection and sends nothing (recording handshake-trace)', () => {
    const lab = new Lab();
    const s = lab.listener('server', 8080);
    const c = lab.socket('client');
    lab.connect('client', c, 'server', 8080);
    lab.w.runUntilQuiet();
    const m = lab.mark();
    const a = lab.accept('server', s);
    lab.w.runUntilQuiet();
    expect(a).toMatchObject({ret: 4, addr: {ip: lab.ip('client'), port: clientPort(lab, c)}});
    expect(lab.segments(m)).toEqual([]);
  });

  it('ignores an RST and answers an ACK with <SEQ=SEG.ACK><CTL=RST>', () => {
    const lab = new Lab();
    lab.listener('server', 8080);
    const server = lab.w.host('server')!;
    const base = {srcIp: lab.ip('client'), dstIp: lab.ip('server'), srcPort: 40000, dstPort: 8080, window: 1000, payload: new Uint8Array(0)};
    let m = lab.mark();
    server.receive({...base, seq: 5, ack: 0, flags: RST});
    expect(lab.segmentEvents(m)).toEqual([]);
    m = lab.mark();
    server.receive({...base, seq: 5, ack: 777, flags: ACK});
    const [rst] = lab.segmentEvents(m);
    expect(rst).toMatchObject({flags: 'R', seq: 777, ack: null, fromHost: 'server', dst: {port: 40000}});
  });

  it('queues backlog + 1 connections; the next SYN is dropped silently and its connect() blocks in SYN-SENT (recording listen-backlog-full)', () => {
    const lab = new Lab({}, 500);
    lab.listener('server', 8080, 1);
    for (const h of ['client', 'client2']) expect(lab.connect(h, lab.socket(h), 'server', 8080)).toEqual({ret: 0});
    const c3 = lab.socket('client3');
    const m = lab.mark();
    expect(lab.connect('client3', c3, 'server', 8080)).toEqual({blocked: true});
    expect(lab.segments(m)).toEqual(['client3>server S 0']);
    expect(lab.stateOf('client3', clientPort(lab, c3, 'client3'))).toBe('SYN-SENT');
    expect(lab.w.trace.some((e) => e.kind === 'note' && /SYN dropped: accept queue of \*:8080 is full/.test(e.text))).toBe(true);
  });

  it('lets a blocked connect complete when accept() makes room and the SYN is retransmitted (recording blocked-connect-completes-later)', () => {
    const lab = new Lab({}, 500);
    const s = lab.listener('server', 8080, 0);
    lab.connect('client', lab.socket('client'), 'server', 8080);
    const c2 = lab.socket('client2');
    expect(lab.connect('client2', c2, 'server', 8080)).toEqual({blocked: true});
    expect(lab.accept('server', s)).toMatchObject({ret: 4});
    lab.w.advance(600); // the SYN retransmission 1 s after the first SYN gets in now
    expect(lab.connect('client2', c2, 'server', 8080)).toEqual({ret: 0});
    expect(lab.connect('client2', c2, 'server', 8080)).toEqual({err: 'EISCONN'});
    expect(lab.accept('server', s)).toMatchObject({ret: 5});
  });
});

describe('SYN-SENT — RFC 9293 §3.10.7.3', () => {
  it('on an acceptable SYN,ACK enters ESTABLISHED and acknowledges it at once', () => {
    const lab = new Lab({latencyMs: 5});
    lab.listener('server', 8080);
    const c = lab.socket('client');
    const m = lab.mark();
    lab.connect('client', c, 'server', 8080);
    const [syn, synack, ack] = lab.segmentEvents(m);
    expect(syn).toMatchObject({flags: 'S', relSeq: 0, ack: null});
    expect(synack).toMatchObject({flags: 'SA', relSeq: 0, relAck: 1, ack: (syn.seq + 1) >>> 0});
    expect(ack).toMatchObject({flags: 'A', relSeq: 1, relAck: 1, t: synack.arrives});
    expect(lab.w.now).toBe(10); // connect() returns after one round trip of 2 × 5 ms
  });

  it('an RST,ACK that acknowledges the SYN refuses the connection: ECONNREFUSED, nothing left (recording connect-refused)', () => {
    const lab = new Lab();
    const c = lab.socket('client');
    const m = lab.mark();
    expect(lab.connect('client', c, 'server', 8080)).toEqual({err: 'ECONNREFUSED'});
    const [syn, rst] = lab.segmentEvents(m);
    expect(rst).toMatchObject({flags: 'RA', seq: 0, ack: (syn.seq + 1) >>> 0});
    expect(lab.table()).toEqual([]);
    expect(lab.call('client', {call: 'getpeername', fd: c})).toEqual({err: 'ENOTCONN'});
  });

  it('a refused socket may connect again, from a new ephemeral port; getsockname shows *:old port between (recording connect-refused-then-retry)', () => {
    const lab = new Lab();
    const c = lab.socket('client');
    lab.connect('client', c, 'server', 8080);
    const first = lab.call('client', {call: 'getsockname', fd: c});
    expect(first).toMatchObject({addr: {ip: '0.0.0.0'}});
    const oldPort = addrOf(first).port;
    expect(oldPort).toBeGreaterThanOrEqual(32768);
    lab.listener('server', 8080);
    expect(lab.connect('client', c, 'server', 8080)).toEqual({ret: 0});
    const again = lab.call('client', {call: 'getsockname', fd: c});
    expect(again).toMatchObject({addr: {ip: lab.ip('client')}});
    expect(addrOf(again).port).not.toBe(oldPort);
  });

  it('answers a SYN,ACK with an unacceptable ACK by <SEQ=SEG.ACK><CTL=RST> and stays in SYN-SENT', () => {
    const lab = new Lab({}, 0);
    lab.w.setLink('client', 'server', {loss: 1}); // the real SYN never arrives
    const c = lab.socket('client');
    expect(lab.connect('client', c, 'server', 8080)).toEqual({blocked: true});
    const port = clientPort(lab, c);
    const m = lab.mark();
    lab.w.host('client')!.receive({
      srcIp: lab.ip('server'), dstIp: lab.ip('client'), srcPort: 8080, dstPort: port,
      seq: 9000, ack: 4242, flags: SYN | ACK, window: 1000, payload: new Uint8Array(0),
    });
    expect(lab.segmentEvents(m)).toMatchObject([{flags: 'R', seq: 4242, ack: null}]);
    expect(lab.stateOf('client', port)).toBe('SYN-SENT');
  });
});

describe('SYN-RECEIVED — RFC 9293 §3.10.7.4 (Figure 6, line 3)', () => {
  it('the listener side sits in SYN-RECEIVED between its SYN,ACK and the final ACK', () => {
    const lab = new Lab({latencyMs: 5}, 7);
    lab.listener('server', 8080);
    const c = lab.socket('client');
    expect(lab.connect('client', c, 'server', 8080)).toEqual({blocked: true}); // 7 ms: the SYN,ACK is still on its way
    const port = clientPort(lab, c);
    expect(lab.stateOf('client', port)).toBe('SYN-SENT');
    expect(lab.stateOf('server', 8080, 'client')).toBe('SYN-RECEIVED');
    lab.w.advance(10);
    expect(lab.stateOf('client', port)).toBe('ESTABLISHED');
    expect(lab.stateOf('server', 8080, 'client')).toBe('ESTABLISHED');
  });

  it('an ACK that acknowledges nothing we sent is answered by RST (§3.10.7.4 fifth, SYN-RECEIVED)', () => {
    const lab = new Lab({latencyMs: 5});
    lab.listener('server', 8080);
    const server = lab.w.host('server')!;
    const base = {srcIp: lab.ip('client'), dstIp: lab.ip('server'), srcPort: 40001, dstPort: 8080, window: 1000, payload: new Uint8Array(0)};
    server.receive({...base, seq: 100, ack: 0, flags: SYN});
    const m = lab.mark();
    server.receive({...base, seq: 101, ack: 12345, flags: ACK});
    expect(lab.segmentEvents(m)).toMatchObject([{flags: 'R', seq: 12345}]);
    expect(lab.stateOf('server', 8080, 'client')).toBe('SYN-RECEIVED');
  });
});
