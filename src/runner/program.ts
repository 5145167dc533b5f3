/**
 * Running one reader program against one simulated world: the reader's API (socket(), connect(), …),
 * the bookkeeping that links each call to its source line, and the RunResult at the end.
 *
 * It takes the world's constructor as a parameter so tests can run it against a small fake world;
 * run.ts passes the real `World`.
 */
import type {SimWorld, SyscallRequest, SyscallResult, TraceEvent, WorldOptions} from '../sim/api';
import type {CallRecord, ConsoleLine, RunError, RunRequest, RunResult} from './types';
import {compile, type SourcePosition} from './compile';
import {formatArgs} from './consoleFormat';
import {SocketError, WouldBlockForever} from './errors';
import {AF_INET, INADDR_ANY, SHUT_RD, SHUT_RDWR, SHUT_WR, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR} from './format';
import {NONBLOCKING_NAMES, nonblockingApi} from './nonblocking';

export type WorldFactory = (options: WorldOptions) => SimWorld;

export const DEFAULT_MAX_CONSOLE_LINES = 1000;
/** A chapter program makes a few dozen calls; this many means a loop that never ends. */
export const MAX_SOCKET_CALLS = 10_000;
/** listen() without a backlog uses Linux's SOMAXCONN (4096 since 5.4) */
const SOMAXCONN = 4096;
const DEFAULT_READ_MAX = 4096;

/** The names the reader's program sees, in the order `bind()` receives their values. */
const API_NAMES = [
  'socket',
  'bind',
  'listen',
  'accept',
  'connect',
  'write',
  'read',
  'close',
  'shutdown',
  'getsockname',
  'getpeername',
  'setsockopt',
  'resolve',
  'on',
  'sleep',
  'console',
  'AF_INET',
  'SOCK_STREAM',
  'SHUT_RD',
  'SHUT_WR',
  'SHUT_RDWR',
  'SOL_SOCKET',
  'SO_REUSEADDR',
  'INADDR_ANY',
  'SocketError',
  'WouldBlockForever',
  ...NONBLOCKING_NAMES,
] as const;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function runProgram(req: RunRequest, createWorld: WorldFactory): RunResult {
  const world = createWorld({builtins: true, ...req.world});
  const run = new ProgramRun(world, req.host ?? 'client', req.maxConsoleLines ?? DEFAULT_MAX_CONSOLE_LINES);
  const compiled = compile(req.code, API_NAMES);
  if (!compiled.ok) return run.finish('syntax-error', compiled.error);
  run.locate = compiled.locate;

  const program = compiled.bind(API_NAMES.map((name) => run.api[name]));
  const restore = hideFunctionConstructors();
  let status: RunResult['status'] = 'ok';
  let error: RunError | undefined;
  try {
    program();
  } catch (e) {
    status = e instanceof WouldBlockForever ? 'blocked' : 'error';
    error = run.toRunError(e);
  } finally {
    restore();
  }
  return run.finish(status, error);
}

class ProgramRun {
  readonly console: ConsoleLine[] = [];
  readonly calls: CallRecord[] = [];
  truncated = false;
  locate: (stack: string | undefined) => SourcePosition | null = () => null;
  private readonly hostStack: string[];
  /** the call we are waiting to see in the trace, to learn its callId */
  private pending: {host: string; call: string; callId: number | null} | null = null;

  constructor(
    readonly world: SimWorld,
    host: string,
    private readonly maxConsoleLines: number,
  ) {
    if (!world.hasHost(host)) world.addHost(host);
    this.hostStack = [host];
    world.subscribe((e: TraceEvent) => {
      const p = this.pending;
      if (p && p.callId === null && e.kind === 'call' && e.host === p.host && e.req.call === p.call) p.callId = e.callId;
    });
  }

  get host(): string {
    return this.hostStack[this.hostStack.length - 1];
  }

  /** Where in the reader's code we are now: the topmost program frame of a fresh stack. */
  private here(): SourcePosition | null {
    return this.locate(new Error().stack);
  }

  /** One simulator call on the current host, recorded with its line; failures become exceptions. */
  private sys(req: SyscallRequest): SyscallResult {
    if (this.calls.length >= MAX_SOCKET_CALLS) {
      const e = new Error(`stopped after ${MAX_SOCKET_CALLS} socket calls: is there an endless loop?`);
      e.name = 'TooManyCalls';
      throw e;
    }
    const where = this.here();
    const host = this.host;
    this.pending = {host, call: req.call, callId: null};
    let res: SyscallResult;
    try {
      res = this.world.call(host, req);
    } finally {
      const callId = this.pending.callId;
      this.pending = null;
      if (callId !== null) this.calls.push({callId, host, line: where?.line ?? null});
    }
    if ('err' in res) throw new SocketError(res.err);
    if ('blocked' in res) throw new WouldBlockForever(req.call, 'fd' in req ? req.fd : undefined);
    return res;
  }

  private ret(req: SyscallRequest): number {
    const res = this.sys(req);
    return 'ret' in res ? res.ret : 0;
  }

  private print(level: 'log' | 'error', args: unknown[]) {
    if (this.truncated) return;
    if (this.console.length >= this.maxConsoleLines) {
      // `truncated` says so; the page words it in the reader's language
      this.truncated = true;
      return;
    }
    const where = this.here();
    this.console.push({level, text: formatArgs(args), ...(where ? {line: where.line} : {}), at: this.world.trace.length});
  }

  readonly api: Record<(typeof API_NAMES)[number], unknown> = {
    socket: (domain?: unknown, type?: unknown, protocol?: unknown) => {
      const req: SyscallRequest = {call: 'socket'};
      if (domain !== undefined) req.domain = int('socket', 'domain', domain);
      if (type !== undefined) req.type = int('socket', 'type', type);
      if (protocol !== undefined) req.protocol = int('socket', 'protocol', protocol);
      return this.ret(req);
    },
    bind: (fd: unknown, ip: unknown, port: unknown) =>
      this.ret({call: 'bind', fd: int('bind', 'fd', fd), addr: {ip: ipArg('bind', ip, true), port: portArg('bind', port)}}),
    listen: (fd: unknown, backlog: unknown = SOMAXCONN) =>
      this.ret({call: 'listen', fd: int('listen', 'fd', fd), backlog: int('listen', 'backlog', backlog)}),
    accept: (fd: unknown) => this.ret({call: 'accept', fd: int('accept', 'fd', fd)}),
    connect: (fd: unknown, ip: unknown, port: unknown) =>
      this.ret({call: 'connect', fd: int('connect', 'fd', fd), addr: {ip: ipArg('connect', ip, false), port: portArg('connect', port)}}),
    write: (fd: unknown, data: unknown, length?: unknown) =>
      this.ret({call: 'write', fd: int('write', 'fd', fd), data: bytesArg(data, length)}),
    read: (fd: unknown, max: unknown = DEFAULT_READ_MAX) => {
      const n = int('read', 'max', max);
      if (n < 1) throw new TypeError(`read(): max must be at least 1 (got ${n})`);
      const res = this.sys({call: 'read', fd: int('read', 'fd', fd), max: n});
      return 'data' in res ? decoder.decode(res.data) : '';
    },
    close: (fd: unknown) => this.ret({call: 'close', fd: int('close', 'fd', fd)}),
    shutdown: (fd: unknown, how: unknown) => {
      if (how !== SHUT_RD && how !== SHUT_WR && how !== SHUT_RDWR) {
        throw new TypeError(`shutdown(): how must be SHUT_RD, SHUT_WR or SHUT_RDWR (got ${describe(how)})`);
      }
      return this.ret({call: 'shutdown', fd: int('shutdown', 'fd', fd), how});
    },
    getsockname: (fd: unknown) => addrOf(this.sys({call: 'getsockname', fd: int('getsockname', 'fd', fd)})),
    getpeername: (fd: unknown) => addrOf(this.sys({call: 'getpeername', fd: int('getpeername', 'fd', fd)})),
    setsockopt: (fd: unknown, level: unknown, name: unknown, value: unknown) => {
      if (level !== SOL_SOCKET || name !== SO_REUSEADDR) {
        throw new TypeError('setsockopt(): Socket Lab supports only setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, 0 or 1)');
      }
      const v = typeof value === 'boolean' ? Number(value) : int('setsockopt', 'value', value);
      return this.ret({call: 'setsockopt', fd: int('setsockopt', 'fd', fd), opt: 'SO_REUSEADDR', value: v});
    },
    resolve: (name: unknown) => {
      if (typeof name !== 'string' || name === '') throw new TypeError(`resolve(): expected a host name string, got ${describe(name)}`);
      if (IPV4.test(name)) return name;
      const ip = this.world.resolve(this.host, name);
      if (ip === null) throw new SocketError('EAI_NONAME');
      return ip;
    },
    on: (host: unknown, fn: unknown) => {
      if (typeof host !== 'string' || host === '' || host.includes(':')) {
        throw new TypeError(`on(): expected a host name such as 'server', got ${describe(host)}`);
      }
      if (typeof fn !== 'function') throw new TypeError(`on('${host}', fn): fn must be a function`);
      if (!this.world.hasHost(host)) this.world.addHost(host);
      this.hostStack.push(host);
      try {
        return fn();
      } finally {
        this.hostStack.pop();
      }
    },
    sleep: (ms: unknown) => {
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError(`sleep(): expected milliseconds (a number ≥ 0), got ${describe(ms)}`);
      }
      this.world.advance(ms);
    },
    console: Object.freeze({
      log: (...args: unknown[]) => this.print('log', args),
      info: (...args: unknown[]) => this.print('log', args),
      debug: (...args: unknown[]) => this.print('log', args),
      error: (...args: unknown[]) => this.print('error', args),
      warn: (...args: unknown[]) => this.print('error', args),
    }),
    AF_INET,
    SOCK_STREAM,
    SHUT_RD,
    SHUT_WR,
    SHUT_RDWR,
    SOL_SOCKET,
    SO_REUSEADDR,
    INADDR_ANY,
    SocketError,
    WouldBlockForever,
    ...nonblockingApi((req) => this.sys(req)),
  };

  /** An exception that left the program, as RunError, located at the reader's line that raised it. */
  toRunError(e: unknown): RunError {
    if (!(e instanceof Error)) {
      return {name: 'Error', message: `the program threw ${describe(e)}`};
    }
    const out: RunError = {name: e.name, message: e.message};
    if (e instanceof SocketError) out.errno = e.errno;
    if (e instanceof WouldBlockForever) out.blocked = e.fd === undefined ? {call: e.call} : {call: e.call, fd: e.fd};
    if (e.name === 'TooManyCalls') out.limit = MAX_SOCKET_CALLS;
    const where = this.locate(e.stack);
    if (where) {
      out.line = where.line;
      out.column = where.column;
    }
    return out;
  }

  /** Let the network settle (closes finish, TIME-WAIT shows), then package the result. */
  finish(status: RunResult['status'], error?: RunError): RunResult {
    let settleError: RunError | undefined;
    try {
      this.world.runUntilQuiet();
    } catch (e) {
      settleError = {name: (e as Error)?.name ?? 'Error', message: `the simulator failed: ${(e as Error)?.message ?? e}`};
    }
    const result: RunResult = {
      status: settleError && status === 'ok' ? 'error' : status,
      console: this.console,
      truncated: this.truncated,
      trace: [...this.world.trace],
      calls: this.calls,
      endTime: this.world.now,
    };
    const err = error ?? settleError;
    if (err) result.error = err;
    return result;
  }
}

function describe(v: unknown): string {
  if (typeof v === 'string') return `'${v}'`;
  if (typeof v === 'function') return 'a function';
  if (v === null) return 'null';
  if (typeof v === 'object') return Array.isArray(v) ? 'an array' : 'an object';
  return String(v);
}

function int(call: string, what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(`${call}(): ${what} must be an integer, got ${describe(v)}`);
  }
  return v;
}

function portArg(call: string, v: unknown): number {
  const port = int(call, 'port', v);
  if (port < 0 || port > 65535) throw new TypeError(`${call}(): port must be between 0 and 65535, got ${port}`);
  return port;
}

/** An IPv4 address in dotted form. A host name is the classic mistake: say what to do instead. */
function ipArg(call: string, v: unknown, wildcardOk: boolean): string {
  if (wildcardOk && v === 0) return INADDR_ANY;
  if (typeof v !== 'string') throw new TypeError(`${call}(): expected an IP address string such as '10.0.0.3', got ${describe(v)}`);
  if (IPV4.test(v)) return v;
  if (/^[A-Za-z0-9.-]+$/.test(v) && /[A-Za-z]/.test(v)) {
    throw new TypeError(
      `${call}() takes an IP address, not a host name: call resolve('${v}') first and pass the address it returns`,
    );
  }
  throw new TypeError(`${call}(): '${v}' is not an IPv4 address (expected four numbers 0–255, like '10.0.0.3')`);
}

/** write()'s data: a string (sent as UTF-8) or bytes, optionally only the first `length` bytes. */
function bytesArg(data: unknown, length: unknown): Uint8Array {
  let bytes: Uint8Array;
  if (typeof data === 'string') bytes = encoder.encode(data);
  else if (data instanceof Uint8Array) bytes = data.slice();
  else throw new TypeError(`write(): data must be a string or a Uint8Array, got ${describe(data)}`);
  if (length === undefined) return bytes;
  const n = int('write', 'length', length);
  if (n < 0 || n > bytes.length) {
    throw new TypeError(`write(): length ${n} is outside the data (${bytes.length} bytes)`);
  }
  return bytes.slice(0, n);
}

function addrOf(res: SyscallResult): {ip: string; port: number} {
  const addr = 'addr' in res ? res.addr : undefined;
  return addr ? {ip: addr.ip, port: addr.port} : {ip: INADDR_ANY, port: 0};
}

/**
 * While the program runs, `(function(){}).constructor` and its async/generator cousins must not hand out
 * a way to compile code in the global scope. The run is synchronous, so putting them back afterwards
 * leaves the page as it was.
 */
function hideFunctionConstructors(): () => void {
  const protos = [
    Function.prototype,
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[];
  const saved = protos.map((p) => Object.getOwnPropertyDescriptor(p, 'constructor'));
  const blocked = function () {
    throw new TypeError('the Function constructor is not available in Socket Lab programs');
  };
  protos.forEach((p) => {
    try {
      Object.defineProperty(p, 'constructor', {value: blocked, writable: true, configurable: true});
    } catch {
      /* a frozen realm: nothing to hide */
    }
  });
  return () =>
    protos.forEach((p, i) => {
      try {
        if (saved[i]) Object.defineProperty(p, 'constructor', saved[i]!);
      } catch {
        /* ignore */
      }
    });
}
