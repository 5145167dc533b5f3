/**
 * Why each segment was sent (`cause` on the trace's segment events), for every kind of segment the stack
 * produces. The expectations are the RFC's reasons (RFC 9293 sections named per case) and Linux's timers
 * (40 ms delayed ACK, 1 s SYN retransmission), never a copy of a simulator run.
 */
import {describe, expect, it} from 'vitest';
import type {SegmentCause, TraceEvent} from '../../src/sim/api';
import {World} from '../../src/sim';
import {ACK, FIN, RST, SYN} from '../../src/sim/wire/segment';
import {Lab, clientPort, enc} from './helpers';

type Seg = TraceEvent & {kind: 'segment'};

/** the id of the call event the latest call made */
const lastCallId = (lab: Lab): number => {
  const calls = lab.w.trace.filter((e): e is TraceEvent & {kind: 'call'} => e.kind === 'call');
  return calls.at(-1)!.callId;
};
/** a segment from server:8080 handed straight to the client's host: it was never on a traced link, so no id */
const inject = (lab: Lab, port: number, seg: {seq: number; ack?: number; flags: number; window?: number}) =>
  lab.w.host('client')!.receive({
    srcIp: lab.ip('server'), dstIp: lab.ip('client'), srcPort: 8080, dstPort: port,
    ack: 0, window: 1000, payload: new Uint8Array(0), ...seg,
  });

const only = (segs: Seg[], flags: string, from?: string): Seg => {
  const found = segs.filter((s) => s.flags === flags && (!from || s.fromHost === from));
  expect(found, `one ${flags}${from ? ' from ' + from : ''}`).toHaveLength(1);
  return found[0];
};

describe('segments a call sends', () => {
  it('connect() sends the SYN; the listener answers it with SYN+ACK, and the SYN+ACK draws the last ACK (RFC 9293 §3.5, §3.10.7.2, §3.10.7.3)', () => {
    const lab = new Lab();
    lab.listener('server', 8080);
    const fd = lab.socket('client');
    const m = lab.mark();
    lab.connect('client', fd, 'server', 8080);
    const connectId = lastCallId(lab);
    const [syn, synAck, ack] = lab.segmentEvents(m);
    expect(syn.cause).toEqual<SegmentCause>({kind: 'call', callId: connectId, call: 'connect'});
    expect(synAck.cause).toEqual<SegmentCause>({kind: 'rule', rule: 'syn-ack', inReplyTo: syn.id});
    expect(ack.cause).toEqual<SegmentCause>({kind: 'rule', rule: 'handshake-ack', inReplyTo: synAck.id});
  });

  it('write() sends the data; close() sends the FIN', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    let m = lab.mark();
    lab.write('client', c, 'hello');
    expect(only(lab.segmentEvents(m), 'PA').cause).toEqual({kind: 'call', callId: lastCallId(lab), call: 'write'});
    lab.w.runUntilQuiet();
    m = lab.mark();
    lab.close('client', c);
    expect(only(lab.segmentEvents(m), 'FA', 'client').cause).toEqual({kind: 'call', callId: lastCallId(lab), call: 'close'});
  });

  it('close() with unread data sends RST+ACK instead of FIN (RFC 9293 §3.6.1)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.write('client', c, 'never read');
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.close('server', a);
    expect(only(lab.segmentEvents(m), 'RA').cause).toEqual({
      kind: 'call', callId: lastCallId(lab), call: 'close', effect: 'rst-unread-data',
    });
  });

  it('closing a listener resets the connection it had not accepted', () => {
    const lab = new Lab();
    const s = lab.listener('server', 8080);
    lab.connect('client', lab.socket('client'), 'server', 8080);
    const m = lab.mark();
    lab.close('server', s);
    expect(only(lab.segmentEvents(m), 'RA').cause).toEqual({
      kind: 'call', callId: lastCallId(lab), call: 'close', effect: 'rst-listener-closed',
    });
  });

  it('a read() that returns EOF sends the pending ACK of the FIN at once', () => {
    const lab = new Lab({latencyMs: 1});
    const {c, a} = lab.pair();
    lab.close('client', c);
    lab.w.advance(3); // the FIN has arrived; its ACK waits (Linux delays the ACK that enters CLOSE-WAIT)
    const m = lab.mark();
    lab.text('server', a);
    expect(only(lab.segmentEvents(m), 'A', 'server').cause).toEqual({
      kind: 'call', callId: lastCallId(lab), call: 'read', effect: 'ack-at-eof',
    });
  });

  it('a built-in server\'s write names the call but no call id (its calls are not in the trace)', () => {
    const w = new World({seed: 1, builtins: true});
    const fd = w.call('client', {call: 'socket'}) as {ret: number};
    w.call('client', {call: 'connect', fd: fd.ret, addr: {ip: w.ipOf('www.example.com')!, port: 80}});
    const m = w.trace.length;
    w.call('client', {call: 'write', fd: fd.ret, data: enc('GET / HTTP/1.0\r\n\r\n')});
    w.runUntilQuiet();
    const reply = w.trace.slice(m).find((e): e is Seg => e.kind === 'segment' && e.fromHost === 'www.example.com' && e.len > 0)!;
    expect(reply.cause).toEqual({kind: 'call', callId: null, call: 'write'});
  });
});

describe('segments a timer sends', () => {
  it('on an interactive connection the ACK of a lone small segment leaves when the 40 ms delayed-ACK timer fires (RFC 9293 §3.8.6.3)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    lab.write('client', c, 'hi');
    lab.w.advance(5);
    lab.text('server', a);
    lab.write('server', a, 'ok'); // an answer within the ACK timeout: no more quick ACKs (Linux pingpong)
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.write('client', c, 'hi');
    lab.w.advance(100);
    const data = only(lab.segmentEvents(m), 'PA');
    const ack = only(lab.segmentEvents(m), 'A', 'server');
    expect(ack.cause).toEqual({kind: 'timer', timer: 'delayed-ack'});
    expect(ack.t - data.arrives!).toBe(40);
  });

  it('the first data of a connection is acknowledged at once: quick-ACK mode (packetdrill tcp_basic_server.pkt)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c} = lab.pair();
    const m = lab.mark();
    lab.write('client', c, 'hi');
    lab.w.advance(100);
    const data = only(lab.segmentEvents(m), 'PA');
    const ack = only(lab.segmentEvents(m), 'A', 'server');
    expect(ack.cause).toEqual({kind: 'rule', rule: 'quick-ack', inReplyTo: data.id});
    expect(ack.t).toBe(data.arrives);
  });

  it('SYNs after the first are retransmissions, one second apart (Linux tcp_syn_linear_timeouts)', () => {
    const lab = new Lab({}, 3500);
    const fd = lab.socket('client');
    const m = lab.mark();
    lab.call('client', {call: 'connect', fd, addr: {ip: '10.0.0.99', port: 80}}); // nobody has this address
    const syns = lab.segmentEvents(m);
    expect(syns.map((s) => [s.t, s.cause.kind === 'timer' ? s.cause.timer : s.cause.kind])).toEqual([
      [0, 'call'], [1000, 'syn-retransmit'], [2000, 'syn-retransmit'], [3000, 'syn-retransmit'],
    ]);
  });

  it('data nobody acknowledges is probed once, then sent again by the retransmission timer (RFC 8985 §7, RFC 9293 §3.8.1)', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    lab.w.setLink('client', 'server', {loss: 1});
    const m = lab.mark();
    lab.write('client', c, 'hello');
    lab.w.advance(2_000);
    const sends = lab.segmentEvents(m).filter((s) => s.len === 5);
    expect(sends[0].cause.kind).toBe('call');
    expect(sends.length).toBeGreaterThan(2);
    expect(sends[1].cause).toEqual({kind: 'timer', timer: 'loss-probe'}); // the connection agreed on SACK
    for (const s of sends.slice(2)) expect(s.cause).toEqual({kind: 'timer', timer: 'retransmit'});
  });
});

describe('segments a rule sends in answer to one that arrived', () => {
  it('a SYN to a port nobody listens on gets RST+ACK (RFC 9293 §3.10.7.1)', () => {
    const lab = new Lab();
    const m = lab.mark();
    lab.connect('client', lab.socket('client'), 'server', 9999);
    const [syn, rst] = lab.segmentEvents(m);
    expect(rst.flags).toBe('RA');
    expect(rst.cause).toEqual({kind: 'rule', rule: 'rst-closed-port', inReplyTo: syn.id});
  });

  it('the FIN that reaches FIN-WAIT-2 is acknowledged at once (RFC 9293 §3.10.7.4, eighth step)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.close('client', c);
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    const fin = only(lab.segmentEvents(m), 'FA', 'server');
    expect(only(lab.segmentEvents(m), 'A', 'client').cause).toEqual({kind: 'rule', rule: 'ack-of-fin', inReplyTo: fin.id});
  });

  it('new data for a closed socket is answered with RST (RFC 9293 §3.6.1)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.write('client', c, 'late');
    lab.w.runUntilQuiet();
    const data = only(lab.segmentEvents(m), 'PA');
    expect(only(lab.segmentEvents(m), 'R').cause).toEqual({kind: 'rule', rule: 'rst-data-after-close', inReplyTo: data.id});
  });

  it('an RST inside the window but not at RCV.NXT draws a challenge ACK (RFC 5961 §3.2, RFC 9293 §3.10.7.4)', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    const port = clientPort(lab, c);
    const last = lab.segmentEvents().filter((e) => e.fromHost === 'client').at(-1)!;
    const m = lab.mark();
    inject(lab, port, {seq: (last.ack! + 100) >>> 0, flags: RST, window: 0});
    expect(only(lab.segmentEvents(m), 'A').cause).toEqual({kind: 'rule', rule: 'challenge-ack', inReplyTo: null});
  });

  it('a SYN on an established connection draws a challenge ACK too (RFC 5961 §4.2)', () => {
    const lab = new Lab();
    const {c} = lab.pair();
    const port = clientPort(lab, c);
    const last = lab.segmentEvents().filter((e) => e.fromHost === 'client').at(-1)!;
    const m = lab.mark();
    inject(lab, port, {seq: (last.ack! + 10) >>> 0, flags: SYN});
    expect(only(lab.segmentEvents(m), 'A').cause).toMatchObject({kind: 'rule', rule: 'challenge-ack'});
  });

  it('a retransmitted FIN reaching TIME-WAIT is acknowledged again (RFC 9293 §3.10.7.4)', () => {
    const lab = new Lab();
    const {c, a} = lab.pair();
    const port = clientPort(lab, c);
    lab.close('client', c);
    lab.w.runUntilQuiet();
    const m0 = lab.mark();
    lab.close('server', a);
    lab.w.runUntilQuiet();
    const fin = only(lab.segmentEvents(m0), 'FA', 'server');
    lab.w.setLink('client', 'server', {loss: 1});
    const m = lab.mark();
    inject(lab, port, {seq: fin.seq, ack: fin.ack!, flags: FIN | ACK});
    expect(only(lab.segmentEvents(m), 'A').cause).toMatchObject({kind: 'rule', rule: 'time-wait-ack'});
  });

  it('every second full-sized segment is acknowledged at once, not after 40 ms (RFC 9293 §3.8.6.3)', () => {
    const lab = new Lab({latencyMs: 5});
    const {c, a} = lab.pair();
    lab.write('client', c, 'x');
    lab.w.advance(5);
    lab.text('server', a);
    lab.write('server', a, 'ok'); // interactive now: no quick ACKs
    lab.w.runUntilQuiet();
    const m = lab.mark();
    lab.write('client', c, 'x'.repeat(2 * 1460));
    lab.w.runUntilQuiet();
    const data = lab.segmentEvents(m).filter((s) => s.len === 1460);
    expect(data).toHaveLength(2);
    const ack = only(lab.segmentEvents(m), 'A', 'server');
    expect(ack.cause).toEqual({kind: 'rule', rule: 'ack-two-segments', inReplyTo: data[1].id});
    expect(ack.t).toBe(data[1].arrives);
  });
});
