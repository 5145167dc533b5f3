/**
 * spawn(host, fn, ...args): processes that run side by side in virtual time, each blocking only itself.
 * Expected values follow from Linux's semantics of the calls (an accept loop serves clients in the order their
 * connections complete; read returns what the peer wrote; EOF after its FIN) and from the scheduler's stated rules
 * (FIFO at one instant, virtual time decides the rest), not from the runner's own output.
 */
import {describe, expect, it} from 'vitest';
import {World} from '../../src/sim';
import type {TraceEvent} from '../../src/sim/api';
import {runInProcess} from '../../src/runner/run';
import {buildTimeline} from '../../src/runner/timeline';
import type {RunRequest} from '../../src/runner/types';

const run = (code: string, extra: Partial<RunRequest> = {}) => runInProcess({code, ...extra});
const texts = (r: {console: Array<{text: string}>}) => r.console.map((l) => l.text);

const ECHO_SERVER = `
function handle(c: number) {
  const data = read(c);
  write(c, data.toUpperCase());
  close(c);
}
function server(port: number) {
  const l = socket();
  bind(l, '0.0.0.0', port);
  listen(l, 5);
  while (true) {
    const c = accept(l);
    handle(c);
  }
}
`;

describe('processes', () => {
  it('an accept loop serves three clients spawned as processes, then waits in accept: the run is ok and says so', () => {
    const r = run(`${ECHO_SERVER}
function client(n: number) {
  const fd = socket();
  connect(fd, resolve('server'), 7);
  write(fd, 'hello ' + n);
  console.log(read(fd));
  close(fd);
}
spawn('server', server, 7);
for (const n of [1, 2, 3]) spawn('c' + n, client, n);
`);
    expect(r.status).toBe('ok');
    expect(texts(r).sort()).toEqual(['HELLO 1', 'HELLO 2', 'HELLO 3']);
    // the server is left where a real one would be: in accept() (line 12 of the program)
    expect(r.waiting).toEqual([{pid: 2, host: 'server', call: 'accept', line: 12}]);
    const acceptIds = new Set(r.trace.flatMap((e) => (e.kind === 'call' && e.req.call === 'accept' ? [e.callId] : [])));
    const accepted = r.trace.filter((e) => e.kind === 'result' && acceptIds.has(e.callId) && 'ret' in e.res);
    expect(accepted).toHaveLength(3);
    // the fourth accept() is closed as still waiting, not as a deadlock, and the timeline says so
    const last = r.trace.filter((e) => e.kind === 'result' && acceptIds.has(e.callId)).at(-1)!;
    expect(last.kind === 'result' && last.res).toMatchObject({blocked: true, stopped: true});
    expect(buildTimeline(r).moments.at(-1)).toMatchObject({kind: 'return', host: 'server', stopped: true});
  });

  it('a client and a server exchange data in loops until EOF', () => {
    const r = run(`
spawn('server', () => {
  const l = socket();
  bind(l, '0.0.0.0', 9000);
  listen(l);
  const c = accept(l);
  for (;;) {
    const got = read(c);
    if (got === '') break;
    write(c, '[' + got + ']');
  }
  console.log('server: EOF');
  close(c);
});
const fd = socket();
connect(fd, resolve('server'), 9000);
for (const word of ['one', 'two', 'three']) {
  write(fd, word);
  console.log(read(fd));
}
shutdown(fd, SHUT_WR);
console.log('client: reply', JSON.stringify(read(fd)));
close(fd);
`);
    expect(r.status).toBe('ok');
    expect(texts(r)).toEqual(['[one]', '[two]', '[three]', 'server: EOF', 'client: reply ""']);
    expect(r.waiting).toBeUndefined();
  });

  it('at one instant processes run first in, first out; then virtual time decides', () => {
    const r = run(`
spawn('a', () => { for (let i = 0; i < 3; i++) { console.log('a' + i); sleep(10); } });
spawn('b', () => { sleep(5); for (let i = 0; i < 3; i++) { console.log('b' + i); sleep(10); } });
console.log('main');
`);
    expect(texts(r)).toEqual(['main', 'a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
    expect(r.endTime).toBeGreaterThanOrEqual(30);
  });

  it('spawn returns pids in order, the main program being 1', () => {
    const r = run(`
const a = spawn('a', () => {});
const b = spawn('b', () => {});
console.log(a, b);
`);
    expect(texts(r)).toEqual(['2 3']);
  });

  it('the same seed gives the same trace, event for event, with processes and a lossy link', () => {
    const code = `
spawn('server', () => {
  const l = socket();
  bind(l, '0.0.0.0', 80);
  listen(l);
  for (;;) {
    const c = accept(l);
    let total = 0;
    for (let got = read(c); got !== ''; got = read(c)) total += got.length;
    write(c, String(total));
    close(c);
  }
});
for (const n of [1, 2]) spawn('c' + n, (k: number) => {
  const fd = socket();
  connect(fd, resolve('server'), 80);
  write(fd, 'x'.repeat(3000 * k));
  shutdown(fd, SHUT_WR);
  console.log(k, read(fd));
  close(fd);
}, n);
`;
    const one = run(code, {world: {seed: 42, loss: 0.2}});
    const two = run(code, {world: {seed: 42, loss: 0.2}});
    const other = run(code, {world: {seed: 43, loss: 0.2}});
    expect(one.status).toBe('ok');
    expect(texts(one).sort()).toEqual(['1 3000', '2 6000']);
    expect(JSON.stringify(two.trace)).toBe(JSON.stringify(one.trace));
    expect(two.calls).toEqual(one.calls);
    // and the seed does matter: another one loses other segments
    expect(JSON.stringify(other.trace)).not.toBe(JSON.stringify(one.trace));
  });

  it('a deadlock in which the main program waits forever is blocked, with today\'s answer', () => {
    const r = run(`
spawn('server', () => {
  const l = socket();
  bind(l, '0.0.0.0', 80);
  listen(l);
  const c = accept(l);
  read(c);
});
const fd = socket();
connect(fd, resolve('server'), 80);
read(fd);
`);
    expect(r.status).toBe('blocked');
    expect(r.error).toMatchObject({name: 'WouldBlockForever', blocked: {call: 'read', fd: 3}, line: 11});
    expect(r.waiting).toEqual([{pid: 2, host: 'server', call: 'read', line: 7}]);
  });

  it('calls carry the pid of the process that made them', () => {
    const r = run(`spawn('server', () => { socket(); }); socket();`);
    const calls = r.trace.filter((e) => e.kind === 'call');
    expect(calls.map((e) => [e.host, e.kind === 'call' ? e.pid : 0])).toEqual([
      ['client', 1],
      ['server', 2],
    ]);
  });

  it('an uncaught error in a spawned process ends the run, naming the process, its host and line', () => {
    const r = run(`
spawn('server', () => {
  const fd = socket();
    connect(fd, '10.0.0.2', 9);
});
sleep(100);
console.log('not reached');
`);
    expect(r.status).toBe('error');
    expect(r.error).toMatchObject({name: 'SocketError', errno: 'ECONNREFUSED', process: {pid: 2, host: 'server'}, line: 4, column: 5});
    expect(texts(r)).toEqual([]);
  });

  it('on() inside a process makes its calls as the other host, in that process', () => {
    const r = run(`
spawn('a', () => {
  on('b', () => { socket(); });
  socket();
});
`);
    expect(r.status).toBe('ok');
    const calls = r.trace.filter((e) => e.kind === 'call');
    expect(calls.map((e) => [e.host, e.kind === 'call' ? e.pid : 0])).toEqual([
      ['b', 2],
      ['a', 2],
    ]);
  });
});

describe('a program without spawn', () => {
  it('makes the same trace as the same calls made one by one with World.call (the pid aside)', () => {
    const request = 'GET / HTTP/1.0\r\n\r\n';
    const r = run(`
const fd = socket();
connect(fd, '93.184.216.34', 80);
write(fd, ${JSON.stringify(request)});
sleep(300);
read(fd, 100000);
close(fd);
`);
    const w = new World({builtins: true});
    const fd = (w.call('client', {call: 'socket'}) as {ret: number}).ret;
    w.call('client', {call: 'connect', fd, addr: {ip: '93.184.216.34', port: 80}});
    w.call('client', {call: 'write', fd, data: new TextEncoder().encode(request)});
    w.advance(300);
    w.call('client', {call: 'read', fd, max: 100000});
    w.call('client', {call: 'close', fd});
    w.runUntilQuiet();
    const withoutPid = (t: readonly TraceEvent[]) =>
      t.map((e) => {
        if (e.kind !== 'call' && e.kind !== 'result') return e;
        const {pid: _pid, ...rest} = e;
        return rest;
      });
    expect(r.status).toBe('ok');
    expect(withoutPid(r.trace)).toEqual(withoutPid(w.trace));
  });
});

describe('what cannot be suspended', () => {
  it('a socket call that must wait inside forEach is refused, saying to use for…of', () => {
    const r = run(`
const l = socket();
bind(l, '0.0.0.0', 80);
listen(l);
[1, 2].forEach(() => {
  accept(l);
});
`);
    expect(r.status).toBe('error');
    expect(r.error).toMatchObject({name: 'CannotWaitHere', line: 6});
    expect(r.error!.message).toContain('accept()');
    expect(r.error!.message).toContain('for…of');
    const ko = run('const l = socket(); bind(l, "0.0.0.0", 80); listen(l); [1].map(() => accept(l));', {locale: 'ko'});
    expect(ko.error!.message).toContain('for…of 반복문으로');
  });

  it('a socket call inside forEach that completes at once works', () => {
    const r = run(`
const fds = [socket(), socket()];
fds.forEach((fd) => { console.log(fd); close(fd); });
`);
    expect(r.status).toBe('ok');
    expect(texts(r)).toEqual(['3', '4']);
  });

  it('the same wait in a for…of loop suspends the process and works', () => {
    const r = run(`
spawn('server', () => {
  const l = socket(); bind(l, '0.0.0.0', 80); listen(l);
  for (const n of [1, 2]) { const c = accept(l); console.log('accepted', n); close(c); }
});
for (const n of [1, 2]) { const fd = socket(); connect(fd, resolve('server'), 80); close(fd); }
`);
    expect(r.status).toBe('ok');
    expect(texts(r)).toEqual(['accepted 1', 'accepted 2']);
  });
});

describe('processes share no variables', () => {
  it('a spawned function that uses a variable of the program is refused, saying to pass it as an argument', () => {
    const r = run(`let served = 0;
spawn('server', () => {
  served++;
});`);
    expect(r.status).toBe('error');
    expect(r.error).toMatchObject({name: 'SharedVariable', line: 2});
    expect(r.error!.message).toContain("'served' (line 3)");
    expect(r.error!.message).toContain('argument');
    const ko = run(`let served = 0;\nspawn('server', () => { served++; });`, {locale: 'ko'});
    expect(ko.error!.message).toContain('인자로 넘기세요');
  });

  it('a helper function that uses a program variable is refused too; constants and clean helpers are fine', () => {
    const bad = run(`const seen = [];
function remember(x: number) { seen.push(x); }
spawn('a', () => remember(1));`);
    expect(bad.error).toMatchObject({name: 'SharedVariable'});
    expect(bad.error!.message).toContain("'remember'");
    const good = run(`const PORT = 8080;
function twice(x: number) { return x * 2; }
spawn('a', () => console.log(twice(PORT)));`);
    expect(good.status).toBe('ok');
    expect(texts(good)).toEqual(['16160']);
  });

  it('arguments are copied: the process changes its copy, not the caller\'s value', () => {
    const r = run(`
const config = {port: 80, names: ['a']};
spawn('a', (c: {port: number; names: string[]}) => { c.port = 81; c.names.push('b'); console.log('child', c.port, c.names.length); }, config);
sleep(1);
console.log('main', config.port, config.names.length);
`);
    expect(texts(r)).toEqual(['child 81 2', 'main 80 1']);
  });

  it('a function cannot be passed as an argument (it cannot be copied)', () => {
    const r = run(`spawn('a', (f: unknown) => {}, () => 1);`);
    expect(r.status).toBe('error');
    expect(r.error!.name).toBe('TypeError');
    expect(r.error!.message).toContain('copied');
  });

  it('spawn needs a function the program wrote and a host name', () => {
    expect(run(`spawn('a', Math.max);`).error!.message).toContain("spawn('a', fn");
    expect(run(`spawn(3, () => {});`).error!.message).toContain('host name');
  });
});
