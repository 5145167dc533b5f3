/**
 * Non-blocking sockets and poll() in the reader API, against the real simulator (src/sim/host/poll.ts,
 * src/runner/nonblocking.ts). Expected values are Linux's documented behaviour: connect(2) "EINPROGRESS
 * The socket is nonblocking and the connection cannot be completed immediately", a second connect
 * EALREADY; read(2)/accept(2) EAGAIN; poll(2) and tcp_poll() for revents (an unconnected socket is
 * POLLOUT|POLLHUP, a refused connect POLLERR|POLLHUP plus POLLOUT, a peer's FIN makes it readable).
 * Times: one-way latency 50 ms, so a handshake takes 100 ms of virtual time.
 */
import {describe, expect, test} from 'vitest';
import {runInProcess} from '../../src/runner/run';

/** Runs `body` as the client after a listener on server:8080 exists; returns console lines and calls. */
function run(body: string) {
  const code = `const listener = on('server', () => { const s = socket(); bind(s, INADDR_ANY, 8080); listen(s, 5); return s; });\n${body}`;
  const result = runInProcess({code, world: {latencyMs: 50, seed: 3}});
  return {result, lines: result.console.map((l) => l.text)};
}

describe('socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK)', () => {
  test('SOCK_NONBLOCK is 2048 as on Linux, poll events have Linux values', () => {
    const {lines} = run('console.log(SOCK_NONBLOCK, POLLIN, POLLOUT, POLLERR, POLLHUP, POLLNVAL);');
    expect(lines).toEqual(['2048 1 4 8 16 32']);
  });

  test('connect throws EINPROGRESS at once (time 0), a second connect EALREADY, read EAGAIN', () => {
    const {lines, result} = run(`
      const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
      for (const attempt of ['first', 'second']) {
        try { connect(fd, '10.0.0.3', 8080); } catch (e) { console.log(attempt, e.errno, e.message); }
      }
      try { read(fd, 10); } catch (e) { console.log('read', e.errno); }
    `);
    expect(result.status).toBe('ok');
    expect(lines).toEqual([
      'first EINPROGRESS EINPROGRESS: Operation now in progress',
      'second EALREADY EALREADY: Operation already in progress',
      'read EAGAIN',
    ]);
    // the SYN left at time 0 and nothing waited: the connect calls returned at 0
    const syn = result.trace.find((e) => e.kind === 'segment' && e.flags === 'S');
    expect(syn?.t).toBe(0);
  });

  test('accept on a non-blocking listener with no connection: EAGAIN', () => {
    const {lines} = run(`
      const s = on('server', () => { const s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK); bind(s, INADDR_ANY, 9090); listen(s, 5); return s; });
      on('server', () => { try { accept(s); } catch (e) { console.log(e.errno); } });
    `);
    expect(lines).toEqual(['EAGAIN']);
  });
});

describe('poll()', () => {
  test('a fresh socket is POLLOUT|POLLHUP (tcp_poll: state CLOSE, all send space free)', () => {
    const {lines} = run(`
      const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      console.log(poll([{fd, events: POLLIN | POLLOUT}], 0));
    `);
    expect(lines).toEqual(['[ 20 ]']);
  });

  test('waits for the handshake: POLLOUT after one round trip (100 ms), then the request is answered', () => {
    const {lines, result} = run(`
      const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      try { connect(fd, '10.0.0.3', 8080); } catch (e) {}
      const [w] = poll([{fd, events: POLLOUT}], -1);
      console.log('writable', w === POLLOUT);
      write(fd, 'ping');
      const conn = on('server', () => accept(listener));
      on('server', () => { read(conn, 100); write(conn, 'pong'); close(conn); });
      const [r] = poll([{fd, events: POLLIN}], -1);
      console.log('readable', (r & POLLIN) !== 0, read(fd, 100));
      console.log('eof', JSON.stringify(read(fd, 100)));
    `);
    expect(result.status).toBe('ok');
    expect(lines).toEqual(['writable true', 'readable true pong', 'eof ""']);
    const polls = result.trace.filter((e) => e.kind === 'result' && e.host === 'client' && 'revents' in e.res);
    // SYN at 0 arrives at 50, SYN-ACK arrives back at 100
    expect(polls[0].t).toBe(100);
  });

  test('a refused connect: POLLOUT|POLLERR|POLLHUP after one round trip, then connect reports ECONNREFUSED', () => {
    const {lines} = run(`
      const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      try { connect(fd, '10.0.0.3', 9999); } catch (e) { console.log(e.errno); }
      const [re] = poll([{fd, events: POLLOUT}], -1);
      console.log(re === (POLLOUT | POLLERR | POLLHUP));
      try { connect(fd, '10.0.0.3', 9999); } catch (e) { console.log(e.errno); }
    `);
    expect(lines).toEqual(['EINPROGRESS', 'true', 'ECONNREFUSED']);
  });

  test('several descriptors: the answer lists each one’s revents in order and counts the ready ones', () => {
    const {lines} = run(`
      const a = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      const b = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
      try { connect(a, '10.0.0.3', 8080); } catch (e) {}
      // b is never connected: POLLHUP at once, a is still in SYN-SENT (not ready)
      console.log(poll([{fd: a, events: POLLOUT}, {fd: b, events: POLLIN}, {fd: 42, events: POLLIN}, {fd: -1, events: POLLIN}], 0));
    `);
    expect(lines).toEqual(['[ 0, 16, 32, 0 ]']);
  });

  test('a timeout lets exactly that much virtual time pass and returns zeros', () => {
    const {lines, result} = run(`
      const a = socket();
      connect(a, '10.0.0.3', 8080);
      console.log(poll([{fd: a, events: POLLIN}], 250));
    `);
    expect(lines).toEqual(['[ 0 ]']);
    const pollResult = result.trace.filter((e) => e.kind === 'result' && e.host === 'client').pop()!;
    // connect returned at 100, poll waited 250 ms
    expect(pollResult.t).toBe(350);
  });

  test('waiting without limit on something that can never happen ends the program as blocked', () => {
    const {result} = run(`
      const a = socket();
      connect(a, '10.0.0.3', 8080);
      poll([{fd: a, events: POLLIN}], -1);
    `);
    expect(result.status).toBe('blocked');
    expect(result.error?.name).toBe('WouldBlockForever');
  });

  test('arguments are checked', () => {
    expect(run('poll(3, 0);').result.error?.name).toBe('TypeError');
    expect(run('poll([{fd: 3}], 0);').result.error?.name).toBe('TypeError');
    expect(run('poll([], 1.5);').result.error?.name).toBe('TypeError');
  });
});
