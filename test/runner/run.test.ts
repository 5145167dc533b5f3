/**
 * runInProcess on the real simulator. Expected values come from the kernel recordings
 * (test/conformance/expected): each scenario below is rewritten as a reader program, with `sleep(250)`
 * after every call to reproduce the recordings' 250 ms settle, and the program must print what the
 * kernel returned — errno names reaching the reader through SocketError — while the socket table that
 * inspectAt() builds from the trace must list what the kernel's connection table listed.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {inspectAt, steps} from '../../src/runner/inspect';
import type {RunResult} from '../../src/runner/types';

const EXPECTED_DIR = path.resolve(__dirname, '../conformance/expected');
/** ARCHITECTURE.md: the default world's addresses */
const IP: Record<string, string> = {client: '10.0.0.2', server: '10.0.0.3'};
const EPHEMERAL: [number, number] = [32768, 60999];

type Step = Record<string, unknown> & {on?: string; call?: string; observe?: string};
type Result = Record<string, unknown>;

interface Scenario {
  name: string;
  settle_ms: number;
  steps: Step[];
  results: Result[];
}

function load(name: string): Scenario {
  return JSON.parse(readFileSync(path.join(EXPECTED_DIR, `${name}.expected.json`), 'utf8'));
}

const variable = (host: string, name: string) => `${host.replace(/\W/g, '_')}_${name}`;

/** One scenario as a reader program: each call prints its result (or errno) on one console line. */
function toProgram(sc: Scenario): string {
  const names = new Set<string>();
  const fdOf = (host: string, fd: unknown) => (typeof fd === 'number' ? String(fd) : variable(host, String(fd)));
  const lines: string[] = [
    // print a call's outcome the way the recordings write it, then settle like the oracle does
    `function t(f: () => unknown) {`,
    `  try {`,
    `    const r: any = f();`,
    `    console.log(typeof r === 'string' ? JSON.stringify(r) : typeof r === 'object' ? r.ip + ':' + r.port : String(r));`,
    `  } catch (e: any) {`,
    `    console.log(e instanceof WouldBlockForever ? 'blocked' : e.errno);`,
    `  }`,
    `  sleep(${sc.settle_ms});`,
    `}`,
  ];
  for (const st of sc.steps) {
    if (!st.call) continue;
    const host = String(st.on);
    const fd = fdOf(host, st.fd);
    const assign = st.as ? `${variable(host, String(st.as))} = ` : '';
    if (st.as) names.add(variable(host, String(st.as)));
    let expr: string;
    switch (st.call) {
      case 'socket':
        expr = `${assign}socket()`;
        break;
      case 'bind':
        expr = `bind(${fd}, INADDR_ANY, ${st.port})`;
        break;
      case 'listen':
        expr = `listen(${fd}, ${st.backlog})`;
        break;
      case 'accept':
        expr = `${assign}accept(${fd})`;
        break;
      case 'connect':
        expr = `connect(${fd}, '${IP[String(st.to)]}', ${st.port})`;
        break;
      case 'write':
        expr = `write(${fd}, ${JSON.stringify(st.data)})`;
        break;
      case 'read':
        expr = `read(${fd}, ${st.max})`;
        break;
      case 'close':
        expr = `close(${fd})`;
        break;
      case 'shutdown':
        expr = `shutdown(${fd}, ${st.how})`;
        break;
      case 'getsockname':
      case 'getpeername':
        expr = `${st.call}(${fd})`;
        break;
      case 'setsockopt':
        expr = `setsockopt(${fd}, SOL_SOCKET, ${st.opt}, ${st.value})`;
        break;
      default:
        throw new Error(`no translation for ${st.call}`);
    }
    lines.push(`on('${host}', () => t(() => ${expr}));`);
  }
  return [`let ${[...names].map((n) => `${n} = -1`).join(', ') || '_unused = 0'};`, ...lines].join('\n');
}

/** Does one console line match the recorded result of that call? */
function matches(line: string, rec: Result): boolean {
  if ('blocked' in rec) return line === 'blocked';
  if ('err' in rec) return line === rec.err;
  if ('data' in rec) return line === JSON.stringify(rec.data);
  if ('ret' in rec) return line === String(rec.ret);
  // getsockname/getpeername: {host, port}
  const [ip, port] = line.split(':');
  const wantIp = rec.host === '*' ? '0.0.0.0' : IP[String(rec.host)];
  const okPort =
    typeof rec.port === 'number' ? Number(port) === rec.port : Number(port) >= EPHEMERAL[0] && Number(port) <= EPHEMERAL[1];
  return ip === wantIp && okPort;
}

/** A socket-table row written like the recordings: "client:ephemeral", "*:8080", "*:*". */
function endpoint(ip: string, port: string, logical: Set<number>): string {
  if (port === '*') return '*:*';
  const host = ip === '0.0.0.0' ? '*' : Object.keys(IP).find((h) => IP[h] === ip) ?? ip;
  return `${host}:${logical.has(Number(port)) ? port : 'ephemeral'}`;
}

function tableAt(result: RunResult, end: number, logical: Set<number>) {
  const state = inspectAt(result.trace, end, result.calls);
  return state.hosts
    .filter((h) => h.name === 'client' || h.name === 'server')
    .flatMap((h) =>
      h.sockets.map((r) => {
        const [lip, lport] = r.local.split(':');
        const [pip, pport] = r.peer.split(':');
        return `${h.name} ${endpoint(lip, lport, logical)} ${endpoint(pip, pport, logical)} ${r.state}`;
      }),
    )
    .sort();
}

const SCENARIOS = [
  'unconnected-read-write',
  'close-twice-ebadf',
  'connect-refused',
  'connect-refused-then-retry',
  'connect-twice-eisconn',
  'bind-in-use',
  'bind-during-time-wait',
  'bind-time-wait-reuseaddr',
  'write-after-peer-close-epipe',
  'close-with-unread-data-rst',
  'close-then-read-eof',
  'shutdown-wr-half-close',
  'read-blocks-then-data',
  'active-close-time-wait',
  'fd-numbering',
];

describe('kernel recordings, replayed as reader programs', () => {
  for (const name of SCENARIOS) {
    it(name, () => {
      const sc = load(name);
      const result = runInProcess({code: toProgram(sc), world: {seed: 1}});
      expect(result.status, JSON.stringify(result.error)).toBe('ok');

      // every call prints what the kernel returned
      const calls = sc.steps.map((st, i) => ({st, rec: sc.results[i]})).filter((x) => x.st.call);
      expect(result.console).toHaveLength(calls.length);
      calls.forEach(({st, rec}, i) => {
        expect(matches(result.console[i].text, rec), `step ${i + 1} ${JSON.stringify(st)}: got ${result.console[i].text}, kernel ${JSON.stringify(rec)}`).toBe(true);
      });

      // at each "observe tcp", the socket table built from the trace lists what the kernel listed
      const logical = new Set(sc.steps.flatMap((st) => (typeof st.port === 'number' && st.port !== 0 ? [st.port] : [])));
      const programSteps = steps(result);
      let callsSoFar = 0;
      sc.steps.forEach((st, i) => {
        if (st.call) callsSoFar++;
        if (st.observe !== 'tcp') return;
        const next = programSteps[callsSoFar];
        const end = next ? next.traceStart : result.trace.length;
        const want = (sc.results[i].tcp as Array<Record<string, string>>)
          .map((e) => `${e.host} ${e.local.replace(/ephemeral#\d+/, 'ephemeral')} ${e.remote.replace(/ephemeral#\d+/, 'ephemeral')} ${e.state}`)
          .sort();
        expect(tableAt(result, end, logical), `observation at step ${i + 1}`).toEqual(want);
      });
    });
  }
});

describe('runInProcess on the real simulator', () => {
  it('an uncaught ECONNREFUSED ends the run with errno, message and the line of connect()', () => {
    const code = `const fd = socket();\n\nconnect(fd, '10.0.0.3', 8080);\nconsole.log('not reached');`;
    const result = runInProcess({code});
    expect(result.status).toBe('error');
    // connect-refused.expected.json: connect -> ECONNREFUSED; strerror(ECONNREFUSED)
    expect(result.error).toEqual({name: 'SocketError', errno: 'ECONNREFUSED', message: 'ECONNREFUSED: Connection refused', line: 3, column: 1});
    expect(result.console).toEqual([]);
    // the trace has the refused handshake: S, answered by RA
    const flags = result.trace.flatMap((e) => (e.kind === 'segment' ? [e.flags] : []));
    expect(flags).toEqual(['S', 'RA']);
  });

  it('each call record points at the call event of the simulator and at the source line', () => {
    const code = [
      "let l = 0, a = 0;",
      "on('server', () => { l = socket(); bind(l, INADDR_ANY, 8080); listen(l, 5); });",
      'const fd = socket();',
      "connect(fd, '10.0.0.3', 8080);",
      "on('server', () => {",
      '  a = accept(l);',
      "  write(a, 'hello');",
      '  close(a);',
      '});',
      'while (read(fd, 2) !== "") {}',
      'close(fd);',
    ].join('\n');
    const result = runInProcess({code});
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    const byId = new Map(result.trace.flatMap((e) => (e.kind === 'call' ? [[e.callId, e] as const] : [])));
    for (const c of result.calls) expect(byId.get(c.callId)?.host).toBe(c.host);
    const st = steps(result);
    expect(st.map((s) => [s.host, s.line, s.label])).toEqual([
      ['server', 2, 'socket(AF_INET, SOCK_STREAM, 0)'],
      ['server', 2, 'bind(3, 0.0.0.0, 8080)'],
      ['server', 2, 'listen(3, 5)'],
      ['client', 3, 'socket(AF_INET, SOCK_STREAM, 0)'],
      ['client', 4, 'connect(3, 10.0.0.3, 8080)'],
      ['server', 6, 'accept(3)'],
      ['server', 7, "write(4, 'hello', 5)"],
      ['server', 8, 'close(4)'],
      // 'hello' in reads of at most 2 bytes, then EOF (short-reads / close-then-read-eof recordings)
      ['client', 10, 'read(3, 2)'],
      ['client', 10, 'read(3, 2)'],
      ['client', 10, 'read(3, 2)'],
      ['client', 10, 'read(3, 2)'],
      ['client', 11, 'close(3)'],
    ]);
    expect(st.slice(8, 12).map((s) => s.resultText)).toEqual(["'he'", "'ll'", "'o'", "'' (EOF)"]);
    // the handshake's segments belong to connect's step
    const connect = st[4];
    const flags = result.trace.slice(connect.traceStart, connect.traceEnd).flatMap((e) => (e.kind === 'segment' ? [e.flags] : []));
    expect(flags).toEqual(['S', 'SA', 'A']);
  });

  it('read() with nothing coming stops the program as blocked, at its line', () => {
    // read-blocks-then-data.expected.json: a read on a connection where nobody writes blocks
    const code = [
      "on('server', () => { const l = socket(); bind(l, INADDR_ANY, 8080); listen(l, 5); });",
      'const fd = socket();',
      "connect(fd, '10.0.0.3', 8080);",
      'read(fd, 100);',
    ].join('\n');
    const result = runInProcess({code});
    expect(result.status).toBe('blocked');
    expect(result.error).toMatchObject({
      name: 'WouldBlockForever',
      message: 'read(3) would block forever: no data will ever arrive and the peer has not closed',
      line: 4,
    });
  });

  it('accept() with no client is blocked', () => {
    const result = runInProcess({code: 'const l = socket();\nbind(l, INADDR_ANY, 8080);\nlisten(l, 5);\naccept(l);'});
    expect(result.status).toBe('blocked');
    expect(result.error).toMatchObject({name: 'WouldBlockForever', line: 4});
  });

  it('after the program the network settles: the active closer shows TIME-WAIT in the final state', () => {
    // active-close-time-wait.expected.json: the side that closes first ends in TIME-WAIT
    const code = [
      "let l = 0, a = 0;",
      "on('server', () => { l = socket(); bind(l, INADDR_ANY, 8080); listen(l, 5); });",
      'const fd = socket();',
      "connect(fd, '10.0.0.3', 8080);",
      "on('server', () => { a = accept(l); });",
      'close(fd);',
      "on('server', () => { read(a, 100); close(a); });",
    ].join('\n');
    const result = runInProcess({code});
    expect(result.status, JSON.stringify(result.error)).toBe('ok');
    const final = inspectAt(result.trace, result.trace.length);
    const client = final.hosts.find((h) => h.name === 'client')!;
    expect(client.sockets.map((r) => r.state)).toEqual(['TIME-WAIT']);
    expect(client.fds).toEqual([]);
    expect(result.endTime).toBeGreaterThan(0);
  });

  it('is deterministic: same code and seed, same result', () => {
    const code = [
      "let l = 0;",
      "on('server', () => { l = socket(); bind(l, INADDR_ANY, 8080); listen(l, 5); });",
      'const fd = socket();',
      "connect(fd, '10.0.0.3', 8080);",
      "write(fd, 'ping');",
      "on('server', () => { const a = accept(l); console.log(read(a, 10)); close(a); });",
      'close(fd);',
    ].join('\n');
    const a = runInProcess({code, world: {seed: 42}});
    const b = runInProcess({code, world: {seed: 42}});
    expect(a.status, JSON.stringify(a.error)).toBe('ok');
    expect(b).toEqual(a);
    // the seed reaches the world: another seed picks other initial sequence numbers
    const c = runInProcess({code, world: {seed: 43}});
    const isn = (r: RunResult) => r.trace.flatMap((e) => (e.kind === 'segment' ? [e.seq] : []))[0];
    expect(isn(c)).not.toBe(isn(a));
  });

  it('a syntax error makes no socket call', () => {
    const result = runInProcess({code: 'const fd = socket(;'});
    expect(result.status).toBe('syntax-error');
    expect(result.error).toMatchObject({name: 'SyntaxError', line: 1, column: 19});
    expect(result.calls).toEqual([]);
    expect(result.trace.some((e) => e.kind === 'call' && e.host === 'client')).toBe(false);
  });

  it('sandbox: document, fetch and localStorage are undefined in the program', () => {
    const result = runInProcess({code: 'console.log(typeof document, typeof fetch, typeof localStorage);'});
    expect(result.console.map((l) => l.text)).toEqual(['undefined undefined undefined']);
  });
});
