/**
 * The runner against a scripted fake world: each reader call must become exactly one simulator request,
 * each simulator answer must reach the reader the way the C API would give it, and every call and
 * console line must carry the reader's source line.
 */
import {describe, expect, it} from 'vitest';
import type {SyscallRequest, SyscallResult} from '../../src/sim/api';
import {runProgram} from '../../src/runner/program';
import {problemWithResult} from '../../src/runner/validate';
import type {RunRequest} from '../../src/runner/types';
import {FakeWorld, type Responder} from './fakeWorld';
import {World} from '../../src/sim';

function run(code: string, respond?: Responder, extra: Partial<RunRequest> = {}) {
  let world!: FakeWorld;
  const result = runProgram({code, ...extra}, (opts) => {
    world = new FakeWorld(opts);
    if (respond) {
      const fallback = world.respond;
      world.respond = (host, req) => respond(host, req) ?? fallback(host, req);
    }
    return world;
  });
  return {result, world, requests: world.requests.map((r) => r.req), hosts: world.requests.map((r) => r.host)};
}

const bytes = (s: string) => new TextEncoder().encode(s);

describe('each reader call becomes one simulator request', () => {
  it('socket() with and without arguments', () => {
    const {result, requests} = run('socket();\nsocket(AF_INET, SOCK_STREAM, 0);');
    expect(result.status).toBe('ok');
    // Linux: AF_INET = 2, SOCK_STREAM = 1 (include/linux/socket.h, net.h)
    expect(requests).toEqual([{call: 'socket'}, {call: 'socket', domain: 2, type: 1, protocol: 0}]);
  });

  it('bind() with a dotted address, INADDR_ANY, or the number 0 for the wildcard', () => {
    const {requests} = run(`bind(3, '10.0.0.3', 8080);\nbind(3, INADDR_ANY, 80);\nbind(3, 0, 0);`);
    expect(requests).toEqual([
      {call: 'bind', fd: 3, addr: {ip: '10.0.0.3', port: 8080}},
      {call: 'bind', fd: 3, addr: {ip: '0.0.0.0', port: 80}},
      {call: 'bind', fd: 3, addr: {ip: '0.0.0.0', port: 0}},
    ]);
  });

  it('listen(), accept(), connect(), close()', () => {
    const {result, requests} = run(
      `listen(3, 5);\nconst c = accept(3);\nconnect(4, '93.184.216.34', 80);\nclose(c);`,
      (_h, req) => (req.call === 'accept' ? {ret: 4, addr: {ip: '10.0.0.2', port: 40000}} : undefined!),
    );
    expect(result.status).toBe('ok');
    expect(requests).toEqual([
      {call: 'listen', fd: 3, backlog: 5},
      {call: 'accept', fd: 3},
      {call: 'connect', fd: 4, addr: {ip: '93.184.216.34', port: 80}},
      {call: 'close', fd: 4},
    ]);
  });

  it('write() sends a string as UTF-8 bytes and returns the count; a length sends only that many bytes', () => {
    const {result, requests} = run(`console.log(write(3, 'héllo'));\nwrite(3, 'abcdef', 2);\nwrite(3, new Uint8Array([1, 2]));`);
    expect(result.console.map((l) => l.text)).toEqual(['6']); // 'é' is two bytes in UTF-8
    expect(requests).toEqual([
      {call: 'write', fd: 3, data: bytes('héllo')},
      {call: 'write', fd: 3, data: bytes('ab')},
      {call: 'write', fd: 3, data: new Uint8Array([1, 2])},
    ]);
  });

  it("read() asks for at most max bytes, decodes UTF-8, and gives '' at EOF", () => {
    const answers: SyscallResult[] = [{data: bytes('안녕')}, {data: new Uint8Array()}];
    const {result, requests} = run(
      `console.log(read(3, 100));\nconsole.log(JSON.stringify(read(3)));`,
      (_h, req) => (req.call === 'read' ? answers.shift()! : undefined!),
    );
    expect(result.console.map((l) => l.text)).toEqual(['안녕', '""']);
    expect(requests).toEqual([
      {call: 'read', fd: 3, max: 100},
      {call: 'read', fd: 3, max: 4096},
    ]);
  });

  it('shutdown() passes SHUT_RD = 0, SHUT_WR = 1, SHUT_RDWR = 2 (sys/socket.h)', () => {
    const {requests} = run('shutdown(3, SHUT_RD);\nshutdown(3, SHUT_WR);\nshutdown(3, SHUT_RDWR);');
    expect(requests).toEqual([
      {call: 'shutdown', fd: 3, how: 0},
      {call: 'shutdown', fd: 3, how: 1},
      {call: 'shutdown', fd: 3, how: 2},
    ]);
  });

  it('getsockname()/getpeername() return {ip, port}', () => {
    const {result, requests} = run(
      `const a = getsockname(3);\nconst b = getpeername(3);\nconsole.log(a.ip, a.port, b.ip, b.port);`,
      (_h, req) =>
        req.call === 'getsockname'
          ? {addr: {ip: '10.0.0.2', port: 41000}}
          : req.call === 'getpeername'
            ? {addr: {ip: '93.184.216.34', port: 80}}
            : undefined!,
    );
    expect(requests).toEqual([
      {call: 'getsockname', fd: 3},
      {call: 'getpeername', fd: 3},
    ]);
    expect(result.console[0].text).toBe('10.0.0.2 41000 93.184.216.34 80');
  });

  it('setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 1)', () => {
    const {result, requests} = run('setsockopt(3, SOL_SOCKET, SO_REUSEADDR, 1);\nconsole.log(SOL_SOCKET, SO_REUSEADDR);');
    expect(requests).toEqual([{call: 'setsockopt', fd: 3, opt: 'SO_REUSEADDR', value: 1}]);
    // Linux asm-generic/socket.h: SOL_SOCKET 1, SO_REUSEADDR 2
    expect(result.console[0].text).toBe('1 2');
  });

  it('on(host, fn) runs the calls inside as that host (creating it), then returns to the default host', () => {
    const {result, hosts, world} = run(`on('server', () => { socket(); on('other', () => socket()); socket(); });\nsocket();`);
    expect(result.status).toBe('ok');
    expect(hosts).toEqual(['server', 'other', 'server', 'client']);
    expect(world.hasHost('server') && world.hasHost('other')).toBe(true);
  });

  it('RunRequest.host changes the default host', () => {
    const {hosts} = run('socket();', undefined, {host: 'server'});
    expect(hosts).toEqual(['server']);
  });

  it('resolve() asks the world as the current host; an IP stays as it is; an unknown name throws EAI_NONAME', () => {
    const {result, requests} = run(
      `console.log(resolve('www.example.com'));\nconsole.log(resolve('10.1.2.3'));\nresolve('nowhere.invalid');`,
    );
    expect(requests).toEqual([]);
    expect(result.console.map((l) => l.text)).toEqual(['93.184.216.34', '10.1.2.3']);
    expect(result.status).toBe('error');
    // glibc gai_strerror(EAI_NONAME)
    expect(result.error).toMatchObject({errno: 'EAI_NONAME', message: 'EAI_NONAME: Name or service not known', line: 3});
  });

  it('sleep(ms) lets virtual time pass', () => {
    const {world} = run('sleep(1500);');
    expect(world.advanced).toEqual([1500]);
  });

  it('the world is created with builtins unless the request says otherwise, and settles at the end', () => {
    const a = run('');
    expect(a.world.options).toMatchObject({builtins: true});
    expect(a.world.quietRuns).toBe(1);
    const b = run('', undefined, {world: {builtins: false, seed: 7}});
    expect(b.world.options).toEqual({builtins: false, seed: 7});
  });
});

describe('arguments are checked before anything reaches the simulator', () => {
  const cases: Array<[string, RegExp]> = [
    [`connect(3, 'www.example.com', 80)`, /connect\(\) takes an IP address, not a host name: call resolve\('www\.example\.com'\) first/],
    [`connect(3, '10.0.0.300', 80)`, /not an IPv4 address/],
    [`connect('3', '10.0.0.3', 80)`, /connect\(\): fd must be an integer, got '3'/],
    [`connect(3, '10.0.0.3', 70000)`, /port must be between 0 and 65535/],
    [`bind(3, 'server', 80)`, /bind\(\) takes an IP address, not a host name/],
    [`write(3, 42)`, /write\(\): data must be a string or a Uint8Array/],
    [`write(3, 'ab', 5)`, /length 5 is outside the data \(2 bytes\)/],
    [`read(3, 0)`, /read\(\): max must be at least 1/],
    [`shutdown(3, 7)`, /how must be SHUT_RD, SHUT_WR or SHUT_RDWR/],
    [`setsockopt(3, SOL_SOCKET, 99, 1)`, /supports setsockopt\(fd, SOL_SOCKET, SO_REUSEADDR, 0 or 1\) and setsockopt\(fd, IPPROTO_TCP, TCP_NODELAY/],
    [`on('', () => 0)`, /on\(\): expected a host name/],
    [`on('server', 5)`, /fn must be a function/],
    [`sleep(-1)`, /sleep\(\): expected milliseconds/],
  ];
  for (const [code, message] of cases) {
    it(code, () => {
      const {result, requests} = run(`// check\n${code};`);
      expect(requests).toEqual([]);
      expect(result.status).toBe('error');
      expect(result.error?.name).toBe('TypeError');
      expect(result.error?.message).toMatch(message);
      expect(result.error?.line).toBe(2);
    });
  }
});

describe('a failing call throws SocketError with errno and the Linux strerror text', () => {
  // strerror(3) texts of glibc on Linux
  const table: Array<[string, string]> = [
    ['ECONNREFUSED', 'Connection refused'],
    ['EBADF', 'Bad file descriptor'],
    ['EPIPE', 'Broken pipe'],
    ['ECONNRESET', 'Connection reset by peer'],
    ['EADDRINUSE', 'Address already in use'],
    ['ENOTCONN', 'Transport endpoint is not connected'],
    ['EISCONN', 'Transport endpoint is already connected'],
    ['EINVAL', 'Invalid argument'],
    ['EMFILE', 'Too many open files'],
    ['ETIMEDOUT', 'Connection timed out'],
  ];
  for (const [errno, text] of table) {
    it(`${errno}: ${text}`, () => {
      const {result} = run(
        `const fd = 3;\n  connect(fd, '10.0.0.3', 8080);\nconsole.log('not reached');`,
        (_h, req) => (req.call === 'connect' ? ({err: errno} as SyscallResult) : undefined!),
      );
      expect(result.status).toBe('error');
      expect(result.error).toEqual({name: 'SocketError', errno, message: `${errno}: ${text}`, line: 2, column: 3});
      expect(result.console).toEqual([]);
    });
  }

  it('the program can catch it and read e.errno, e.message and instanceof SocketError', () => {
    const {result} = run(
      `try { connect(3, '10.0.0.3', 1); } catch (e) { console.log(e.errno, e instanceof SocketError, e.message); }`,
      (_h, req) => (req.call === 'connect' ? {err: 'ECONNREFUSED'} : undefined!),
    );
    expect(result.status).toBe('ok');
    expect(result.console[0].text).toBe('ECONNREFUSED true ECONNREFUSED: Connection refused');
  });
});

describe('a call that can never complete stops the program as blocked', () => {
  it('read() blocked -> WouldBlockForever with a plain-words message and the line', () => {
    const {result} = run(`const fd = 3;\nconst s = read(fd, 10);`, (_h, req) =>
      req.call === 'read' ? {blocked: true, reason: 'no data'} : undefined!,
    );
    expect(result.status).toBe('blocked');
    expect(result.error).toMatchObject({
      name: 'WouldBlockForever',
      message: 'read(3) would block forever: no data will ever arrive and the peer has not closed',
      blocked: {call: 'read', fd: 3},
      line: 2,
    });
  });

  it('accept() blocked says nobody will connect', () => {
    const {result} = run(`accept(3);`, (_h, req) => (req.call === 'accept' ? {blocked: true} : undefined!));
    expect(result.status).toBe('blocked');
    expect(result.error?.message).toBe('accept(3) would block forever: no client will ever connect to this socket');
  });
});

describe('other errors', () => {
  it('a thrown JS error gives its name, message, line and column', () => {
    const {result} = run(`const a = 1;\nconst o: any = null;\n    o.x;`);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({name: 'TypeError', line: 3, column: 7});
  });

  it('a program past the cap on socket calls is stopped, with the cap for the page to word', () => {
    // every getsockname() succeeds in the fake world: only the cap can end this loop
    const {result, requests} = run(`for (;;) getsockname(3);`);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({name: 'TooManyCalls', limit: 10_000, line: 1});
    expect(requests).toHaveLength(10_000);
  });

  it('throwing a non-Error value is still reported', () => {
    const {result} = run(`throw 'oops';`);
    expect(result).toMatchObject({status: 'error', error: {name: 'ThrownValue', message: "'oops'"}});
  });
});

describe('syntax errors point at the line and column of the reader’s source', () => {
  it('a missing expression', () => {
    const {result, requests} = run(`const fd = socket();\nconst x = ;`);
    expect(requests).toEqual([]);
    expect(result.status).toBe('syntax-error');
    // `;` is the 11th character of line 2
    expect(result.error).toMatchObject({name: 'SyntaxError', line: 2, column: 11, engine: 'Unexpected token'});
    expect(result.error?.message).toBe("';' cannot stand here");
  });

  it('after a type annotation (columns are the TypeScript source’s)', () => {
    const {result} = run(`let port: number = 80;\nlet host: string = 'a' 'b';`);
    expect(result.status).toBe('syntax-error');
    expect(result.error).toMatchObject({line: 2, column: 24});
  });

  it('an unclosed brace at the end', () => {
    const {result} = run(`on('server', () => {\n  socket(\`\${1}}\`, '{', /[{]/);\n`);
    expect(result.status).toBe('syntax-error');
    // the parser notices at the end of the code (line 2, after its last character); the message names the opener
    expect(result.error).toMatchObject({line: 2, column: 31});
    expect(result.error?.message).toMatch(/'{' opened on line 1 is never closed/);
  });

  it('a closing bracket too many is reported where it is', () => {
    const {result} = run(`socket();\n}\nsocket();`);
    expect(result.status).toBe('syntax-error');
    expect(result.error).toMatchObject({line: 2, column: 1});
  });

  it('a redeclared variable (found by the engine, located by the runner)', () => {
    const {result} = run(`let fd = 1;\nlet fd = 2;`);
    expect(result.status).toBe('syntax-error');
    expect(result.error).toMatchObject({line: 2, column: 5});
    expect(result.error?.message).toMatch(/'fd' is declared twice/);
    expect(result.error?.engine).toMatch(/'fd' has already been declared/);
  });
});

describe('every call and console line carries its source line', () => {
  it('calls on different lines, in functions, loops and on(); TypeScript types do not move lines', () => {
    const code = [
      'interface Peer {',
      '  ip: string;',
      '}',
      'function open(): number {',
      '  return socket();', // 5
      '}',
      'const fd: number = open();',
      "const p: Peer = {ip: '10.0.0.3'};",
      'for (let i = 0; i < 2; i++) {',
      '  write(fd, `x${i}`);', // 10
      '}',
      "on('server', () => {",
      '  socket();', // 13
      '});',
      "console.log('done'); close(fd);", // 15
    ].join('\n');
    const {result, world} = run(code);
    expect(result.status).toBe('ok');
    expect(result.calls.map((c) => [c.host, c.line])).toEqual([
      ['client', 5],
      ['client', 10],
      ['client', 10],
      ['server', 13],
      ['client', 15],
    ]);
    const callIds = world.trace.filter((e) => e.kind === 'call').map((e) => (e as {callId: number}).callId);
    expect(result.calls.map((c) => c.callId)).toEqual(callIds);
    // printed just before close(fd): the timeline shows it from the trace position of close's call event
    const closeAt = world.trace.findIndex((e) => e.kind === 'call' && e.req.call === 'close');
    expect(result.console).toEqual([{level: 'log', text: 'done', line: 15, at: closeAt}]);
  });

  it('console.error is level error; objects print like Node', () => {
    const {result, world} = run(`console.error('bad', {ip: '10.0.0.2', port: 80});\nconsole.log([1, 'a'], null, undefined);`);
    // no socket call in between: both printed at the same trace position, before anything the run added
    const at = world.trace.length;
    expect(result.console).toEqual([
      {level: 'error', text: "bad { ip: '10.0.0.2', port: 80 }", line: 1, at},
      {level: 'log', text: "[ 1, 'a' ] null undefined", line: 2, at},
    ]);
  });
});

describe('output cap', () => {
  it('keeps the first maxConsoleLines lines and marks the result truncated (the page words the note)', () => {
    const {result} = run(`for (let i = 0; i < 50; i++) console.log(i);`, undefined, {maxConsoleLines: 10});
    expect(result.status).toBe('ok');
    expect(result.truncated).toBe(true);
    expect(result.console.map((l) => l.text)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('default cap is 1000 lines', () => {
    const {result} = run(`for (let i = 0; i < 1200; i++) console.log(i);`);
    expect(result.console).toHaveLength(1000);
    expect(result.truncated).toBe(true);
  });

  it('below the cap nothing is cut', () => {
    const {result} = run(`for (let i = 0; i < 10; i++) console.log(i);`, undefined, {maxConsoleLines: 10});
    expect(result.truncated).toBe(false);
    expect(result.console).toHaveLength(10);
  });
});

describe('sandbox: the program cannot reach the page', () => {
  it('page globals are undefined inside the program', () => {
    const names = ['document', 'window', 'fetch', 'localStorage', 'sessionStorage', 'XMLHttpRequest', 'WebSocket',
      'globalThis', 'self', 'navigator', 'location', 'indexedDB', 'importScripts', 'postMessage', 'eval', 'Function'];
    const {result} = run(names.map((n) => `console.log('${n}', typeof ${n});`).join('\n'));
    expect(result.console.map((l) => l.text)).toEqual(names.map((n) => `${n} undefined`));
  });

  it('strict mode: `this` is undefined and assigning an undeclared name throws', () => {
    const {result} = run(`console.log(typeof this);\nleaked = 1;`);
    expect(result.console[0].text).toBe('undefined');
    expect(result.error).toMatchObject({name: 'ReferenceError', line: 2});
  });

  it('the Function constructor is not reachable through a function, and is back afterwards', () => {
    const {result} = run(`const F = (() => 0).constructor;\nF('return this')();`);
    expect(result.status).toBe('error');
    expect(result.error).toMatchObject({name: 'TypeError', line: 2});
    expect(typeof (() => 0).constructor('return 1')).toBe('function');
  });
});

describe('a request for each call, even when several hosts interleave', () => {
  it('keeps requests in program order', () => {
    const seen: SyscallRequest['call'][] = [];
    run(`socket(); on('server', () => listen(3, 1)); close(3);`, (_h, req) => {
      seen.push(req.call);
      return undefined!;
    });
    expect(seen).toEqual(['socket', 'listen', 'close']);
  });
});

describe('what the runner itself says is in the reader\'s language (RunRequest.locale)', () => {
  it('an argument error in Korean for a Korean page, in English for an English one', () => {
    const code = "const fd = socket();\nconnect(fd, 'www.example.com', 80);";
    const ko = runProgram({code, locale: 'ko'}, (o) => new World(o));
    const en = runProgram({code, locale: 'en'}, (o) => new World(o));
    expect(ko.error).toMatchObject({name: 'TypeError', line: 2});
    expect(ko.error!.message).toContain("resolve('www.example.com')");
    expect(ko.error!.message).toMatch(/[가-힣]/);
    expect(en.error!.message).toContain('takes an IP address, not a host name');
  });

  it('a thrown value that is not an error is named in the reader\'s language', () => {
    const ko = runProgram({code: 'throw {port: 80};', locale: 'ko'}, (o) => new World(o));
    const en = runProgram({code: 'throw {port: 80};', locale: 'en'}, (o) => new World(o));
    expect(ko.error).toMatchObject({name: 'ThrownValue', message: '객체'});
    expect(en.error).toMatchObject({name: 'ThrownValue', message: 'an object'});
  });

  it.each([
    ['a function as errno', 'throw new SocketError(function EBADF() {});', 'SocketError'],
    ['an errno of 100 characters', "throw new SocketError('E'.repeat(100));", 'SocketError'],
    ['an object as the blocked call', "throw new WouldBlockForever({toString() { return 'read'; }}, 3);", 'WouldBlockForever'],
    ['a fraction as the blocked descriptor', "throw new WouldBlockForever('read', 1.5);", 'WouldBlockForever'],
  ])('an API error class made by the program with %s stays the program\'s error, and the result stays valid', (_, code, name) => {
    const r = runProgram({code, locale: 'en'}, (o) => new World(o));
    // what the page receives is a structured clone, checked against the contract
    const received = structuredClone(r);
    expect(problemWithResult(received)).toBeNull();
    expect(received.error).toMatchObject({name, line: 1});
    expect(received.error?.errno).toBeUndefined();
    expect(received.error?.blocked?.fd).toBeUndefined();
  });

  it('an unclosed bracket is explained in Korean', () => {
    const ko = runProgram({code: 'if (true) {\n  console.log(1);\n', locale: 'ko'}, (o) => new World(o));
    expect(ko.status).toBe('syntax-error');
    expect(ko.error!.message).toMatch(/닫히지 않았습니다/);
  });

  it('a full address block is the runner\'s own error (worded by the page), not the simulator\'s English', () => {
    const code = "for (let i = 0; i < 300; i++) on('h' + i, () => {});";
    const r = runProgram({code}, (o) => new World(o));
    expect(r.error).toMatchObject({name: 'NoFreeAddress', line: 1});
  });
});
