/**
 * The timeline (src/runner/timeline.ts): a run's trace as moments for time travel. Programs run on the real
 * simulator; the expected state sequences are RFC 9293 §3.3.2's state diagram (the transitions and what
 * causes each), never read off the simulator's output. The 3-segment close is a hand-written trace: the
 * simulator, like Linux when every step settles (test/conformance), acknowledges a FIN at once, so its
 * runs never combine the ACK of a FIN with the reply FIN.
 */
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {buildTimeline, nextCallStop, previousCallStop, stateAtMoment, type Moment} from '../../src/runner/timeline';
import type {RunResult} from '../../src/runner/types';
import type {TraceEvent} from '../../src/sim/api';

const LISTEN = `let lfd = 0, conn = 0;
on('server', () => { lfd = socket(); bind(lfd, INADDR_ANY, 8080); listen(lfd, 5); });
const fd = socket();
connect(fd, '10.0.0.3', 8080);
on('server', () => { conn = accept(lfd); });
`;

function run(code: string): RunResult {
  const r = runInProcess({code});
  expect(r.error?.message).toBeUndefined();
  return r;
}

type StateMoment = Extract<Moment, {kind: 'state'}>;
const statesOf = (moments: Moment[], host: string) =>
  moments.filter((m): m is StateMoment => m.kind === 'state' && m.host === host && m.peer !== null);
const path = (ms: StateMoment[]) => ms.map((m) => m.to);
const causeText = (m: StateMoment) =>
  m.cause.kind === 'segment' ? `segment ${m.cause.segment.flags}` : m.cause.kind === 'call' ? `call ${m.cause.label.split('(')[0]}` : m.cause.kind;

describe('a pure function of the trace', () => {
  it('the same trace gives the same timeline, and the trace is left as it was', () => {
    const r = run(LISTEN + 'close(fd);');
    const before = JSON.stringify(r.trace, (_, v) => (v instanceof Uint8Array ? [...v] : v));
    const a = buildTimeline(r);
    const b = buildTimeline(r);
    expect(b).toEqual(a);
    expect(JSON.stringify(r.trace, (_, v) => (v instanceof Uint8Array ? [...v] : v))).toBe(before);
  });

  it('moments are in time order, their prefixes never shrink, and the last one is the whole trace', () => {
    const r = run(LISTEN + "write(fd, 'hello');\nconsole.log('sent');\nclose(fd);");
    const {moments} = buildTimeline(r);
    expect(moments[0].kind).toBe('start');
    for (let k = 1; k < moments.length; k++) {
      expect(moments[k].t).toBeGreaterThanOrEqual(moments[k - 1].t);
      expect(moments[k].end).toBeGreaterThanOrEqual(moments[k - 1].end);
    }
    expect(moments[moments.length - 1].end).toBe(r.trace.length);
  });

  it('every call enters and returns, every segment leaves and arrives', () => {
    const r = run(LISTEN + 'close(fd);');
    const {moments} = buildTimeline(r);
    const segments = r.trace.filter((e) => e.kind === 'segment');
    for (const c of r.calls) {
      const enter = moments.findIndex((m) => m.kind === 'call' && m.callId === c.callId);
      const leave = moments.findIndex((m) => m.kind === 'return' && m.callId === c.callId);
      expect(enter).toBeGreaterThan(0);
      expect(leave).toBeGreaterThan(enter);
    }
    for (const s of segments) {
      const sent = moments.findIndex((m) => m.kind === 'send' && m.segment.id === s.id);
      const arrived = moments.findIndex((m) => m.kind === 'arrive' && m.segment.id === s.id);
      expect(sent).toBeGreaterThan(0);
      expect(arrived).toBeGreaterThan(sent);
      expect(moments[arrived].t).toBe(s.arrives);
    }
  });
});

describe('states at every event, as RFC 9293 §3.3.2 draws them', () => {
  it('the handshake: SYN-SENT, SYN-RECEIVED, then ESTABLISHED on each side, each caused by the segment before it', () => {
    const {moments} = buildTimeline(run(LISTEN));
    const client = statesOf(moments, 'client');
    const server = statesOf(moments, 'server');
    expect(path(client)).toEqual(['SYN-SENT', 'ESTABLISHED']);
    expect(client.map(causeText)).toEqual(['call connect', 'segment SA']);
    expect(path(server)).toEqual(['SYN-RECEIVED', 'ESTABLISHED']);
    expect(server.map(causeText)).toEqual(['segment S', 'segment A']);
    // in causal order: SYN-SENT < SYN-RECEIVED < client ESTABLISHED < server ESTABLISHED
    const order = [client[0], server[0], client[1], server[1]].map((m) => moments.indexOf(m));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // the listener: CLOSED -> LISTEN by listen()
    const listener = moments.filter((m): m is StateMoment => m.kind === 'state' && m.host === 'server' && m.peer === null);
    expect(listener.map((m) => [m.from, m.to, causeText(m)])).toEqual([['CLOSED', 'LISTEN', 'call listen']]);
  });

  it('the 4-segment close: the closer FIN-WAIT-1, FIN-WAIT-2, TIME-WAIT; the other CLOSE-WAIT, LAST-ACK, CLOSED', () => {
    const {moments} = buildTimeline(run(LISTEN + "on('server', () => close(conn));\nread(fd, 100);\nclose(fd);"));
    const server = statesOf(moments, 'server').slice(2);
    const client = statesOf(moments, 'client').slice(2);
    expect(path(server)).toEqual(['FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT']);
    expect(server.map(causeText)).toEqual(['call close', 'segment A', 'segment FA']);
    expect(path(client)).toEqual(['CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    expect(client.map(causeText)).toEqual(['segment FA', 'call close', 'segment A']);
    // the passive side can only be in CLOSE-WAIT once the FIN has arrived, and FIN-WAIT-2 waits for its ACK
    expect(moments.indexOf(client[0])).toBeGreaterThan(moments.indexOf(server[0]));
    expect(moments.indexOf(server[1])).toBeGreaterThan(moments.indexOf(client[0]));
  });

  it('simultaneous close: both FIN-WAIT-1, then CLOSING on a FIN, then TIME-WAIT on the ACK', () => {
    const {moments} = buildTimeline(run(LISTEN + "close(fd);\non('server', () => close(conn));"));
    for (const host of ['client', 'server']) {
      const s = statesOf(moments, host).slice(2);
      expect(path(s), host).toEqual(['FIN-WAIT-1', 'CLOSING', 'TIME-WAIT']);
      expect(s.map(causeText), host).toEqual(['call close', 'segment FA', 'segment A']);
    }
  });

  it('a connection refused: SYN-SENT, then CLOSED when the RST arrives, and the call returns ECONNREFUSED', () => {
    const r = runInProcess({code: "const fd = socket();\nconnect(fd, '10.0.0.3', 9);"});
    const {moments} = buildTimeline(r);
    const client = statesOf(moments, 'client');
    expect(path(client)).toEqual(['SYN-SENT', 'CLOSED']);
    expect(causeText(client[1])).toMatch(/^segment R/);
    const ret = moments.find((m) => m.kind === 'return' && m.label.startsWith('connect'));
    expect(ret && ret.kind === 'return' && ret.errno).toBe('ECONNREFUSED');
  });

  it('a reset: closing with unread data sends RST and the peer goes straight to CLOSED', () => {
    const {moments} = buildTimeline(run(LISTEN + "write(fd, 'unread');\nsleep(100);\non('server', () => close(conn));\nsleep(100);"));
    const server = statesOf(moments, 'server').slice(2);
    const client = statesOf(moments, 'client').slice(2);
    // RFC 9293 §3.10.4: ABORT (a close with data unread, RFC 2525 §2.17) sends RST and deletes the TCB
    expect(path(server)).toEqual(['CLOSED']);
    expect(path(client)).toEqual(['CLOSED']);
    expect(causeText(client[0])).toMatch(/^segment R/);
    const rst = moments.find((m) => m.kind === 'send' && m.segment.flags.includes('R'));
    expect(rst && rst.kind === 'send' && rst.host).toBe('server');
  });

  it('the 3-segment close (hand-written trace): FIN, FIN+ACK, ACK; FIN-WAIT-2 and TIME-WAIT at one arrival', () => {
    const A = {ip: '10.0.0.2', port: 40000};
    const B = {ip: '10.0.0.3', port: 8080};
    const sock = (t: number, host: string, id: number, state: string, local = A, remote = B): TraceEvent =>
      ({kind: 'sock', t, host, sock: id, local, remote, state, recvQ: 0, sendQ: 0, recvBuf: 1, sendBuf: 1, orphan: false}) as TraceEvent;
    const seg = (t: number, id: number, from: string, to: string, flags: string): TraceEvent => ({
      kind: 'segment', t, id, fromHost: from, toHost: to, src: from === 'client' ? A : B, dst: from === 'client' ? B : A, flags,
      seq: 0, ack: 0, relSeq: 0, relAck: 0, window: 1, len: 0, payload: new Uint8Array(), arrives: t + 5, callId: null, cause: {kind: 'call', callId: null, call: 'close'},
    });
    const trace: TraceEvent[] = [
      sock(0, 'client', 1, 'ESTABLISHED'),
      sock(0, 'server', 2, 'ESTABLISHED', B, A),
      {kind: 'call', t: 0, host: 'client', callId: 1, req: {call: 'close', fd: 3}},
      sock(0, 'client', 1, 'FIN-WAIT-1'),
      seg(0, 1, 'client', 'server', 'FA'),
      {kind: 'result', t: 0, host: 'client', callId: 1, res: {ret: 0}},
      sock(5, 'server', 2, 'CLOSE-WAIT', B, A),
      {kind: 'call', t: 5, host: 'server', callId: 2, req: {call: 'close', fd: 4}},
      sock(5, 'server', 2, 'LAST-ACK', B, A),
      seg(5, 2, 'server', 'client', 'FA'),
      {kind: 'result', t: 5, host: 'server', callId: 2, res: {ret: 0}},
      sock(10, 'client', 1, 'FIN-WAIT-2'),
      sock(10, 'client', 1, 'TIME-WAIT'),
      seg(10, 3, 'client', 'server', 'A'),
      sock(15, 'server', 2, 'CLOSED', B, A),
    ];
    const calls = [{callId: 1, host: 'client', line: 1}, {callId: 2, host: 'server', line: 2}];
    const {moments} = buildTimeline({trace, calls});
    const client = statesOf(moments, 'client');
    const server = statesOf(moments, 'server');
    expect(path(client)).toEqual(['FIN-WAIT-1', 'FIN-WAIT-2', 'TIME-WAIT']);
    expect(client.map(causeText)).toEqual(['call close', 'segment FA', 'segment FA']);
    expect(path(server)).toEqual(['CLOSE-WAIT', 'LAST-ACK', 'CLOSED']);
    expect(server.map(causeText)).toEqual(['segment FA', 'call close', 'segment A']);
    expect(moments.filter((m) => m.kind === 'send').length).toBe(3);
  });

  it('TIME-WAIT ends by its timer after 60 s', () => {
    const {moments} = buildTimeline(run(LISTEN + "close(fd);\non('server', () => { read(conn, 10); close(conn); });\nsleep(61000);"));
    const last = statesOf(moments, 'client').at(-1)!;
    expect([last.from, last.to]).toEqual(['TIME-WAIT', 'CLOSED']);
    expect(last.cause).toEqual({kind: 'timer', timer: 'time-wait'});
    expect(last.t).toBeGreaterThanOrEqual(60_000);
  });
});

describe('what each moment shows', () => {
  it('a state moment shows the socket in that state; a segment is in flight until its arrival', () => {
    const r = run(LISTEN + "on('server', () => close(conn));\nread(fd, 100);\nclose(fd);");
    const tl = buildTimeline(r);
    tl.moments.forEach((m, k) => {
      if (m.kind !== 'state' || m.peer === null || m.to === 'CLOSED') return;
      const state = stateAtMoment(r.trace, tl, k, r.calls);
      const row = state.hosts.find((h) => h.name === m.host)!.allSockets.find((s) => s.sock === m.sock);
      expect(row?.state, `moment ${k}`).toBe(m.to);
    });
    const send = tl.moments.findIndex((m) => m.kind === 'send');
    const id = (tl.moments[send] as Extract<Moment, {kind: 'send'}>).segment.id;
    expect(stateAtMoment(r.trace, tl, send).segments.find((s) => s.id === id)?.inFlight).toBe(true);
    expect(stateAtMoment(r.trace, tl, tl.arrivalAt[id]).segments.find((s) => s.id === id)?.inFlight).toBe(false);
  });

  it('a console line belongs to the moment it was printed at', () => {
    const r = run("console.log('before');\nconst fd = socket();\nconsole.log('after', fd);");
    const tl = buildTimeline(r);
    const prints = tl.moments.filter((m) => m.kind === 'print');
    expect(prints.map((m) => m.kind === 'print' && m.text)).toEqual(['before', 'after 3']);
    const socketReturn = tl.moments.findIndex((m) => m.kind === 'return');
    expect(tl.moments[socketReturn].consoleCount).toBe(1);
    expect(tl.moments.at(-1)!.consoleCount).toBe(2);
    expect(tl.moments.indexOf(prints[1])).toBeGreaterThan(socketReturn);
  });

  it('the call-by-call jump stops at each program call\'s return', () => {
    const r = run('const a = socket();\nconst b = socket();\nclose(a);');
    const tl = buildTimeline(r);
    expect(tl.callStops.map((k) => tl.moments[k].kind)).toEqual(['return', 'return', 'return']);
    expect(nextCallStop(tl, 0)).toBe(tl.callStops[0]);
    expect(nextCallStop(tl, tl.callStops[0])).toBe(tl.callStops[1]);
    expect(previousCallStop(tl, tl.callStops[1])).toBe(tl.callStops[0]);
    expect(previousCallStop(tl, tl.callStops[0])).toBeNull();
    expect(nextCallStop(tl, tl.callStops[2])).toBeNull();
  });
});
