/**
 * inspect.ts reduces a trace prefix to what the inspectors show. The traces here are written by hand
 * (the shape the simulator emits), so every expected value follows from the events above it.
 */
import {describe, expect, it} from 'vitest';
import type {SyscallRequest, SyscallResult, TcpState, TraceEvent} from '../../src/sim/api';
import {inspectAt, steps} from '../../src/runner/inspect';
import type {CallRecord} from '../../src/runner/types';

const enc = (s: string) => new TextEncoder().encode(s);
const CLIENT = {ip: '10.0.0.2', port: 40312};
const WWW = {ip: '93.184.216.34', port: 80};

/** A little builder so the trace reads like the story it tells. */
class Story {
  readonly trace: TraceEvent[] = [];
  readonly calls: CallRecord[] = [];
  t = 0;
  private callId = 0;
  private segId = 0;
  host(host: string, ip: string, builtin = true) {
    this.trace.push({kind: 'host', t: this.t, host, ip, builtin});
    return this;
  }
  call(host: string, req: SyscallRequest, line: number | null, byProgram = true) {
    const callId = ++this.callId;
    this.trace.push({kind: 'call', t: this.t, host, callId, req});
    if (byProgram) this.calls.push({callId, host, line});
    return callId;
  }
  result(host: string, callId: number, res: SyscallResult) {
    this.trace.push({kind: 'result', t: this.t, host, callId, res});
  }
  fd(host: string, fd: number, sock: number | null) {
    this.trace.push({kind: 'fd', t: this.t, host, fd, sock});
  }
  sock(host: string, sock: number, state: TcpState, local = CLIENT, remote: typeof WWW | null = WWW, q: Partial<{recvQ: number; sendQ: number; orphan: boolean}> = {}) {
    this.trace.push({kind: 'sock', t: this.t, host, sock, local, remote, state, recvQ: q.recvQ ?? 0, sendQ: q.sendQ ?? 0, recvBuf: 131072, sendBuf: 16384, orphan: q.orphan ?? false});
  }
  seg(fromHost: string, toHost: string, src: typeof WWW, dst: typeof WWW, flags: string, relSeq: number, relAck: number | null, payload = '', callId: number | null = this.callId) {
    const p = enc(payload);
    this.trace.push({kind: 'segment', t: this.t, id: ++this.segId, fromHost, toHost, src, dst, flags, seq: 1000 + relSeq, ack: relAck === null ? null : 5000 + relAck, relSeq, relAck, window: 65535, len: p.length, payload: p, arrives: this.t + 5, callId, cause: {kind: 'call', callId: callId ?? null, call: 'write'}});
  }
}

/** The client fetches / from www.example.com; the server answers and closes first (HTTP/1.0). */
function httpStory() {
  const s = new Story();
  s.host('client', '10.0.0.2').host('www.example.com', '93.184.216.34');
  // the web server's own calls, before the program starts
  const l = s.call('www.example.com', {call: 'accept', fd: 3}, null, false); // index 2
  const c1 = s.call('client', {call: 'socket'}, 1);
  s.fd('client', 3, 1);
  s.sock('client', 1, 'CLOSED', {ip: '0.0.0.0', port: 0}, null);
  s.result('client', c1, {ret: 3});
  const c2 = s.call('client', {call: 'connect', fd: 3, addr: WWW}, 2);
  s.sock('client', 1, 'SYN-SENT');
  s.seg('client', 'www.example.com', CLIENT, WWW, 'S', 0, null);
  s.t = 5;
  s.seg('www.example.com', 'client', WWW, CLIENT, 'SA', 0, 1);
  s.t = 10;
  s.sock('client', 1, 'ESTABLISHED');
  s.seg('client', 'www.example.com', CLIENT, WWW, 'A', 1, 1);
  s.result('client', c2, {ret: 0});
  const c3 = s.call('client', {call: 'write', fd: 3, data: enc('GET / HTTP/1.0\r\n\r\n')}, 3);
  s.seg('client', 'www.example.com', CLIENT, WWW, 'PA', 1, 1, 'GET / HTTP/1.0\r\n\r\n');
  s.sock('client', 1, 'ESTABLISHED', CLIENT, WWW, {sendQ: 18});
  s.result('client', c3, {ret: 18});
  const c4 = s.call('client', {call: 'read', fd: 3, max: 4096}, 4);
  s.t = 15;
  s.result('www.example.com', l, {ret: 4, addr: CLIENT});
  s.t = 20;
  s.sock('client', 1, 'ESTABLISHED', CLIENT, WWW, {recvQ: 0, sendQ: 0});
  s.result('client', c4, {data: enc('HTTP/1.0 200 OK\r\nContent-Length: 5\r\n\r\nhello')});
  const c5 = s.call('client', {call: 'close', fd: 3}, 5);
  s.fd('client', 3, null);
  s.sock('client', 1, 'FIN-WAIT-1', CLIENT, WWW, {orphan: true});
  s.seg('client', 'www.example.com', CLIENT, WWW, 'FA', 19, 40);
  s.result('client', c5, {ret: 0});
  s.t = 30;
  s.sock('client', 1, 'TIME-WAIT', CLIENT, WWW, {orphan: true});
  s.trace.push({kind: 'note', t: 30, host: 'client', text: 'TIME-WAIT for 60 s'});
  return s;
}

describe('steps(): one step per program call, in order', () => {
  it('labels, results, lines and trace segments', () => {
    const s = httpStory();
    const st = steps({trace: s.trace, calls: s.calls});
    expect(st.map((x) => [x.label, x.resultText, x.line])).toEqual([
      ['socket(AF_INET, SOCK_STREAM, 0)', '3', 1],
      ['connect(3, 93.184.216.34, 80)', '0', 2],
      ["write(3, 'GET / HTTP/1.0\\r\\n…', 18)", '18', 3],
      ['read(3, 4096)', "'HTTP/1.0 200 OK\\r\\nContent…'", 4],
      ['close(3)', '0', 5],
    ]);
    // each step ends where the next program call starts; the web server's accept is not a step
    const callIdx = s.trace.flatMap((e, i) => (e.kind === 'call' && e.host === 'client' ? [i] : []));
    expect(st.map((x) => x.traceStart)).toEqual(callIdx);
    expect(st.map((x) => x.traceEnd)).toEqual([...callIdx.slice(1), s.trace.length]);
    // the segments of the handshake belong to connect's step
    const connect = st[1];
    const flags = s.trace.slice(connect.traceStart, connect.traceEnd).flatMap((e) => (e.kind === 'segment' ? [e.flags] : []));
    expect(flags).toEqual(['S', 'SA', 'A']);
  });

  it('errors, EOF, blocked and accept with its peer read as the call log shows them', () => {
    const s = new Story();
    s.host('client', '10.0.0.2');
    const a = s.call('client', {call: 'connect', fd: 3, addr: {ip: '10.0.0.3', port: 8080}}, 1);
    s.result('client', a, {err: 'ECONNREFUSED'});
    const b = s.call('client', {call: 'read', fd: 3, max: 10}, 2);
    s.result('client', b, {data: new Uint8Array()});
    const c = s.call('client', {call: 'accept', fd: 4}, 3);
    s.result('client', c, {ret: 5, addr: {ip: '10.0.0.3', port: 50000}});
    const d = s.call('client', {call: 'shutdown', fd: 5, how: 1}, 4);
    s.result('client', d, {ret: 0});
    const e = s.call('client', {call: 'getsockname', fd: 5}, 5);
    s.result('client', e, {addr: {ip: '10.0.0.2', port: 8080}});
    const f = s.call('client', {call: 'setsockopt', fd: 5, opt: 'SO_REUSEADDR', value: 1}, 6);
    s.result('client', f, {ret: 0});
    const g = s.call('client', {call: 'read', fd: 5, max: 10}, 7);
    s.result('client', g, {blocked: true});
    s.call('client', {call: 'listen', fd: 6, backlog: 5}, 8); // no result in this trace
    const st = steps({trace: s.trace, calls: s.calls});
    expect(st.map((x) => [x.label, x.resultText, x.errno])).toEqual([
      ['connect(3, 10.0.0.3, 8080)', 'ECONNREFUSED', 'ECONNREFUSED'],
      ['read(3, 10)', "'' (EOF)", undefined],
      ['accept(4)', '5 (10.0.0.3:50000)', undefined],
      ['shutdown(5, SHUT_WR)', '0', undefined],
      ['getsockname(5)', '10.0.0.2:8080', undefined],
      ['setsockopt(5, SOL_SOCKET, SO_REUSEADDR, 1)', '0', undefined],
      ['read(5, 10)', 'blocked', undefined],
      ['listen(6, 5)', '…', undefined],
    ]);
  });

  it('a program without socket calls has no steps', () => {
    const s = new Story();
    s.host('client', '10.0.0.2');
    expect(steps({trace: s.trace, calls: []})).toEqual([]);
  });
});

describe('inspectAt(): the state after a trace prefix', () => {
  it('after connect: descriptor 3 is an ESTABLISHED connection; ss lists it with host names', () => {
    const s = httpStory();
    const st = steps({trace: s.trace, calls: s.calls});
    const state = inspectAt(s.trace, st[1].traceEnd, s.calls);
    const client = state.hosts.find((h) => h.name === 'client')!;
    expect(client.ip).toBe('10.0.0.2');
    expect(client.fds).toEqual([
      {fd: 3, sock: 1, local: '10.0.0.2:40312', remote: '93.184.216.34:80', localHost: 'client', remoteHost: 'www.example.com', state: 'ESTABLISHED'},
    ]);
    expect(client.sockets).toEqual([
      {sock: 1, host: 'client', state: 'ESTABLISHED', recvQ: 0, sendQ: 0, local: '10.0.0.2:40312', peer: '93.184.216.34:80', localHost: 'client', peerHost: 'www.example.com', orphan: false, fds: [3]},
    ]);
    expect(state.segments.map((g) => [g.from, g.to, g.flags, g.relSeq, g.relAck, g.len])).toEqual([
      ['10.0.0.2:40312', '93.184.216.34:80', 'S', 0, null, 0],
      ['93.184.216.34:80', '10.0.0.2:40312', 'SA', 0, 1, 0],
      ['10.0.0.2:40312', '93.184.216.34:80', 'A', 1, 1, 0],
    ]);
    expect(state.t).toBe(10);
  });

  it('right after socket(): the descriptor exists, the socket is CLOSED and not in the ss table', () => {
    const s = httpStory();
    const st = steps({trace: s.trace, calls: s.calls});
    const client = inspectAt(s.trace, st[0].traceEnd).hosts.find((h) => h.name === 'client')!;
    expect(client.fds.map((f) => [f.fd, f.state, f.local, f.remote])).toEqual([[3, 'CLOSED', '0.0.0.0:0', null]]);
    expect(client.sockets).toEqual([]);
    expect(client.allSockets.map((r) => [r.sock, r.state, r.peer])).toEqual([[1, 'CLOSED', '0.0.0.0:*']]);
    expect(client.buffers).toEqual([]);
  });

  it('after write: Send-Q holds the unacknowledged request; buffers show sizes', () => {
    const s = httpStory();
    const st = steps({trace: s.trace, calls: s.calls});
    const client = inspectAt(s.trace, st[2].traceEnd).hosts.find((h) => h.name === 'client')!;
    expect(client.buffers).toEqual([
      {sock: 1, host: 'client', local: '10.0.0.2:40312', peer: '93.184.216.34:80', peerHost: 'www.example.com', state: 'ESTABLISHED', recvQ: 0, recvBuf: 131072, sendQ: 18, sendBuf: 16384},
    ]);
    const seg = inspectAt(s.trace, st[2].traceEnd).segments.at(-1)!;
    expect(seg).toMatchObject({flags: 'PA', len: 18, preview: "'GET / HTTP/1.0\\r\\n\\r\\n'", fromHost: 'client', toHost: 'www.example.com', t: 10, arrives: 15, dropped: false});
  });

  it('after close: no descriptor, but the orphaned socket stays in the table through TIME-WAIT', () => {
    const s = httpStory();
    const state = inspectAt(s.trace, s.trace.length, s.calls);
    const client = state.hosts.find((h) => h.name === 'client')!;
    expect(client.fds).toEqual([]);
    expect(client.sockets.map((r) => [r.state, r.orphan, r.fds])).toEqual([['TIME-WAIT', true, []]]);
    expect(state.notes).toEqual([{t: 30, host: 'client', text: 'TIME-WAIT for 60 s'}]);
  });

  it('sock-gone removes a socket from every table', () => {
    const s = httpStory();
    s.trace.push({kind: 'sock-gone', t: 60030, host: 'client', sock: 1});
    const client = inspectAt(s.trace, s.trace.length).hosts.find((h) => h.name === 'client')!;
    expect(client.sockets).toEqual([]);
    expect(client.allSockets).toEqual([]);
  });

  it('the call log has every call with result, line, host and time; built-in servers are marked', () => {
    const s = httpStory();
    const st = steps({trace: s.trace, calls: s.calls});
    const log = inspectAt(s.trace, st[3].traceEnd, s.calls).calls;
    expect(log.map((c) => [c.host, c.label, c.result, c.line, c.byProgram, c.t, c.tDone])).toEqual([
      ['www.example.com', 'accept(3)', '4 (10.0.0.2:40312)', null, false, 0, 15],
      ['client', 'socket(AF_INET, SOCK_STREAM, 0)', '3', 1, true, 0, 0],
      ['client', 'connect(3, 93.184.216.34, 80)', '0', 2, true, 0, 10],
      ['client', "write(3, 'GET / HTTP/1.0\\r\\n…', 18)", '18', 3, true, 10, 10],
      ['client', 'read(3, 4096)', "'HTTP/1.0 200 OK\\r\\nContent…'", 4, true, 10, 20],
    ]);
  });

  it('a call still running at the end of the prefix has no result yet', () => {
    const s = httpStory();
    const st = steps({trace: s.trace, calls: s.calls});
    const log = inspectAt(s.trace, st[3].traceStart + 1, s.calls).calls;
    expect(log.at(-1)).toMatchObject({label: 'read(3, 4096)', result: null, tDone: null});
    // the accept of the web server has not returned yet either
    expect(log[0]).toMatchObject({result: null});
  });

  it('a listener shows as LISTEN with peer 0.0.0.0:*; the socket table is sorted by local, then peer', () => {
    const s = new Story();
    s.host('server', '10.0.0.3', false);
    s.fd('server', 3, 7);
    s.sock('server', 7, 'LISTEN', {ip: '0.0.0.0', port: 8080}, null);
    s.fd('server', 4, 9);
    s.sock('server', 9, 'ESTABLISHED', {ip: '10.0.0.3', port: 8080}, {ip: '10.0.0.2', port: 41000});
    s.sock('server', 8, 'ESTABLISHED', {ip: '10.0.0.3', port: 8080}, {ip: '10.0.0.2', port: 40000});
    const server = inspectAt(s.trace, s.trace.length).hosts[0];
    expect(server.sockets.map((r) => [r.sock, r.state, r.local, r.peer, r.localHost, r.fds])).toEqual([
      [7, 'LISTEN', '0.0.0.0:8080', '0.0.0.0:*', null, [3]],
      [8, 'ESTABLISHED', '10.0.0.3:8080', '10.0.0.2:40000', 'server', []],
      [9, 'ESTABLISHED', '10.0.0.3:8080', '10.0.0.2:41000', 'server', [4]],
    ]);
    expect(server.builtin).toBe(false);
  });

  it('a dropped segment is marked', () => {
    const s = httpStory();
    const seg = s.trace.find((e) => e.kind === 'segment')!;
    (seg as {arrives: number | null}).arrives = null;
    expect(inspectAt(s.trace, s.trace.length).segments[0]).toMatchObject({dropped: true, arrives: null});
  });

  it('end is clamped to the trace; 0 gives an empty state', () => {
    const s = httpStory();
    expect(inspectAt(s.trace, 1e9).end).toBe(s.trace.length);
    expect(inspectAt(s.trace, 0)).toEqual({end: 0, t: 0, hosts: [], segments: [], calls: [], notes: [], stateChanges: []});
  });
});
