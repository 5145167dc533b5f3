/** The typed trace the UI reads (src/sim/api.ts TraceEvent): what each kind of event carries. */
import {describe, expect, it} from 'vitest';
import type {TraceEvent} from '../../src/sim/api';
import {Lab} from './helpers';

type Of<K extends TraceEvent['kind']> = TraceEvent & {kind: K};

describe('trace', () => {
  it('announces the default hosts, and the built-in ones when asked', () => {
    const lab = new Lab({builtins: true});
    const hosts = lab.w.trace.filter((e): e is Of<'host'> => e.kind === 'host').map((e) => [e.host, e.ip, e.builtin]);
    expect(hosts).toEqual([
      ['client', '10.0.0.2', false],
      ['server', '10.0.0.3', false],
      ['dns', '10.0.0.53', true],
      ['www.example.com', '93.184.216.34', true],
      ['mail.example.com', '93.184.216.25', true],
      ['echo.example.com', '93.184.216.7', true],
    ]);
  });

  it('pairs every call with its result, and stamps segments with the call that was running or ran last', () => {
    const lab = new Lab({latencyMs: 5});
    const s = lab.listener('server', 8080);
    const c = lab.socket('client');
    lab.connect('client', c, 'server', 8080);
    lab.write('client', c, 'hi');
    lab.w.runUntilQuiet(); // the server's delayed ACK leaves during this settle
    const calls = lab.w.trace.filter((e): e is Of<'call'> => e.kind === 'call');
    const results = lab.w.trace.filter((e): e is Of<'result'> => e.kind === 'result');
    expect(results.map((e) => e.callId)).toEqual(calls.map((e) => e.callId));
    const connectId = calls.find((e) => e.req.call === 'connect')!.callId;
    const writeId = calls.find((e) => e.req.call === 'write')!.callId;
    const segs = lab.segmentEvents();
    expect(segs.map((e) => [e.flags, e.callId])).toEqual([
      ['S', connectId], ['SA', connectId], ['A', connectId], ['PA', writeId], ['A', writeId],
    ]);
    expect(segs[3]).toMatchObject({len: 2, payload: Uint8Array.from([104, 105]), src: {ip: '10.0.0.2'}, dst: {ip: '10.0.0.3', port: 8080}});
    expect(s).toBe(3);
  });

  it('records descriptors bound and freed, sockets with their full view, and sockets the kernel forgets', () => {
    const lab = new Lab();
    const c = lab.socket('client');
    lab.close('client', c);
    const kinds = lab.w.trace.filter((e) => e.kind === 'fd' || e.kind === 'sock' || e.kind === 'sock-gone');
    const sockId = (kinds.find((e) => e.kind === 'sock') as Of<'sock'>).sock;
    expect(kinds).toMatchObject([
      {kind: 'sock', host: 'client', sock: sockId, state: 'CLOSED', local: {ip: '0.0.0.0', port: 0}, remote: null, recvQ: 0, sendQ: 0, orphan: false},
      {kind: 'fd', host: 'client', fd: 3, sock: sockId},
      {kind: 'fd', host: 'client', fd: 3, sock: null},
      {kind: 'sock-gone', host: 'client', sock: sockId},
    ]);
    const view = kinds[0] as Of<'sock'>;
    expect(view.recvBuf).toBeGreaterThan(0);
    expect(view.sendBuf).toBeGreaterThan(0);
  });

  it('shows queued bytes as ss does: Recv-Q unread data, Send-Q unacknowledged data; a listener its queue and backlog', () => {
    const lab = new Lab({latencyMs: 5});
    const {c} = lab.pair();
    lab.write('client', c, 'abcdef');
    lab.w.runUntilQuiet();
    const views = lab.w.trace.filter((e): e is Of<'sock'> => e.kind === 'sock');
    const last = (pred: (e: Of<'sock'>) => boolean) => views.filter(pred).at(-1)!;
    expect(last((e) => e.host === 'server' && e.remote !== null)).toMatchObject({state: 'ESTABLISHED', recvQ: 6});
    expect(last((e) => e.host === 'client')).toMatchObject({sendQ: 0});
    expect(views.some((e) => e.host === 'client' && e.sendQ === 6)).toBe(true); // before the ACK came back
    expect(last((e) => e.host === 'server' && e.state === 'LISTEN')).toMatchObject({recvQ: 0, sendQ: 5});
  });

  it('explains in notes what a learner should notice', () => {
    const lab = new Lab({}, 500);
    lab.listener('server', 8080, 0);
    lab.connect('client', lab.socket('client'), 'server', 8080);
    lab.connect('client2', lab.socket('client2'), 'server', 8080);
    lab.connect('client', lab.socket('client'), 'server', 9);
    const notes = lab.w.trace.filter((e): e is Of<'note'> => e.kind === 'note').map((e) => e.text);
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/SYN dropped: accept queue of \*:8080 is full/),
      expect.stringMatching(/nothing listens on server:9/),
    ]));
  });
});
