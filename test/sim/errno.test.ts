/**
 * Misuse and its errno, as the Linux kernel recordings show them (test/conformance/expected), and the
 * descriptor table: stdio holds 0–2, sockets start at 3, the lowest free number is used, EMFILE past
 * the per-host limit.
 */
import {describe, expect, it} from 'vitest';
import {Lab, addrOf} from './helpers';

describe('descriptor table', () => {
  it('starts at 3 on every host and reuses the lowest free number (recording fd-numbering)', () => {
    const lab = new Lab();
    expect([lab.socket('server'), lab.socket('server'), lab.socket('server')]).toEqual([3, 4, 5]);
    expect(lab.socket('client')).toBe(3);
    lab.close('server', 4);
    expect(lab.socket('server')).toBe(4);
    lab.close('server', 3);
    lab.close('server', 5);
    expect([lab.socket('server'), lab.socket('server')]).toEqual([3, 5]);
  });

  it('accept() takes the lowest free number too (recording accept-fd-reuses-lowest)', () => {
    const lab = new Lab();
    const s = lab.listener('server', 8080);
    lab.socket('server');
    lab.socket('server');
    lab.close('server', 4);
    lab.connect('client', lab.socket('client'), 'server', 8080);
    expect(lab.accept('server', s)).toMatchObject({ret: 4});
  });

  it('fails with EMFILE once the per-host limit is reached, for socket() and accept()', () => {
    const lab = new Lab({fdLimit: 6});
    const s = lab.listener('server', 8080);
    expect([lab.socket('server'), lab.socket('server')]).toEqual([4, 5]);
    expect(lab.call('server', {call: 'socket'})).toEqual({err: 'EMFILE'});
    lab.connect('client', lab.socket('client'), 'server', 8080);
    expect(lab.accept('server', s)).toEqual({err: 'EMFILE'});
    expect(lab.socket('client')).toBe(4); // another host has its own table
  });

  it('closing twice, or a number never opened, gives EBADF; a stale number reaches the new socket (recording close-twice-ebadf)', () => {
    const lab = new Lab();
    const c = lab.socket('client');
    expect(lab.close('client', c)).toEqual({ret: 0});
    expect(lab.close('client', c)).toEqual({err: 'EBADF'});
    expect(lab.read('client', 99)).toEqual({err: 'EBADF'});
    expect(lab.write('client', c, 'x')).toEqual({err: 'EBADF'});
    const d = lab.socket('client');
    expect(d).toBe(c);
    expect(lab.close('client', c)).toEqual({ret: 0});
    expect(lab.read('client', d)).toEqual({err: 'EBADF'});
  });
});

describe('errno for misuse (Linux, as recorded)', () => {
  it('unconnected socket: read ENOTCONN, write EPIPE, shutdown/getpeername ENOTCONN, getsockname *:0 (recording unconnected-read-write)', () => {
    const lab = new Lab();
    const c = lab.socket('client');
    expect(lab.read('client', c)).toEqual({err: 'ENOTCONN'});
    expect(lab.write('client', c, 'hi')).toEqual({err: 'EPIPE'});
    expect(lab.shutdown('client', c, 1)).toEqual({err: 'ENOTCONN'});
    expect(lab.call('client', {call: 'getpeername', fd: c})).toEqual({err: 'ENOTCONN'});
    expect(lab.call('client', {call: 'getsockname', fd: c})).toEqual({addr: {ip: '0.0.0.0', port: 0}});
  });

  it('bind: EADDRINUSE for a held port, EINVAL for a bound socket (recording bind-in-use)', () => {
    const lab = new Lab();
    const s = lab.listener('server', 8080);
    const t = lab.socket('server');
    expect(lab.bind('server', t, 8080)).toEqual({err: 'EADDRINUSE'});
    expect(lab.bind('server', t, 8081)).toEqual({ret: 0});
    expect(lab.bind('server', t, 8082)).toEqual({err: 'EINVAL'});
    expect(lab.bind('server', s, 8083)).toEqual({err: 'EINVAL'});
    expect(lab.bind('server', lab.socket('server'), 8081)).toEqual({err: 'EADDRINUSE'});
  });

  it('SO_REUSEADDR never shares a port with a listener; two bound-only sockets may share until one listens (recording reuseaddr-vs-listener)', () => {
    const lab = new Lab();
    const reuse = (fd: number) => lab.call('server', {call: 'setsockopt', fd, opt: 'SO_REUSEADDR', value: 1});
    const s = lab.socket('server');
    reuse(s);
    lab.bind('server', s, 8080);
    lab.listen('server', s);
    const t = lab.socket('server');
    reuse(t);
    expect(lab.bind('server', t, 8080)).toEqual({err: 'EADDRINUSE'});
    const [u, v] = [lab.socket('server'), lab.socket('server')];
    reuse(u);
    reuse(v);
    expect(lab.bind('server', u, 8081)).toEqual({ret: 0});
    expect(lab.bind('server', v, 8081)).toEqual({ret: 0});
    expect(lab.listen('server', u, 1)).toEqual({ret: 0});
    expect(lab.listen('server', v, 1)).toEqual({err: 'EADDRINUSE'});
  });

  it('connect on a connected socket or a listener: EISCONN; listen/bind on a connected socket and accept on a non-listener: EINVAL (recordings connect-twice-eisconn, misuse-errno-mix)', () => {
    const lab = new Lab();
    const {s, c, a} = lab.pair();
    expect(lab.connect('client', c, 'server', 8080)).toEqual({err: 'EISCONN'});
    expect(lab.connect('server', s, 'server', 8080)).toEqual({err: 'EISCONN'});
    expect(lab.listen('client', c, 1)).toEqual({err: 'EINVAL'});
    expect(lab.bind('client', c, 9000)).toEqual({err: 'EINVAL'});
    expect(lab.accept('server', a)).toEqual({err: 'EINVAL'});
    expect(lab.accept('server', lab.socket('server'))).toEqual({err: 'EINVAL'});
    expect(lab.read('server', s)).toEqual({err: 'ENOTCONN'});
    expect(lab.write('server', s, 'x')).toEqual({err: 'EPIPE'});
  });

  it('listen on an unbound socket and bind to port 0 pick ephemeral ports (recording bind-port-zero-and-listen-autobind)', () => {
    const lab = new Lab();
    const s = lab.socket('server');
    lab.bind('server', s, 0);
    const t = lab.socket('server');
    lab.listen('server', t, 2);
    for (const fd of [s, t]) {
      const {port} = addrOf(lab.call('server', {call: 'getsockname', fd}));
      expect(port).toBeGreaterThanOrEqual(32768);
      expect(port).toBeLessThanOrEqual(60999);
    }
    expect(lab.bind('server', t, 8080)).toEqual({err: 'EINVAL'});
  });
});

describe('resolver', () => {
  it('resolves the built-in names and the hosts of the world; an unknown name gives null', () => {
    const lab = new Lab({builtins: true});
    expect(lab.w.resolve('client', 'www.example.com')).toBe('93.184.216.34');
    expect(lab.w.resolve('client', 'mail.example.com')).toBe('93.184.216.25');
    expect(lab.w.resolve('client', 'echo.example.com')).toBe('93.184.216.7');
    expect(lab.w.resolve('client', 'server')).toBe('10.0.0.3');
    expect(lab.w.resolve('client', 'no-such-host.example')).toBeNull();
    expect(lab.w.resolve('client', '10.1.2.3')).toBe('10.1.2.3');
  });

  it('the dns host answers the same over TCP port 53, one name per line', () => {
    const lab = new Lab({builtins: true});
    const fd = lab.socket('client');
    lab.connect('client', fd, 'dns', 53);
    lab.write('client', fd, 'www.example.com\nnope.example\n');
    let got = '';
    while (!got.includes('NXDOMAIN')) got += lab.text('client', fd);
    expect(got).toBe('93.184.216.34\r\nNXDOMAIN\r\n');
  });
});
