/**
 * Running one reader program against one simulated world: the reader's API (socket(), connect(), …),
 * the bookkeeping that links each call to its source line, and the RunResult at the end.
 *
 * It takes the world's constructor as a parameter so tests can run it against a small fake world;
 * run.ts passes the real `World`.
 */
import {SOMAXCONN, type SimWorld, type SyscallRequest, type SyscallResult, type TraceEvent, type WorldOptions} from '../sim/api';
import type {CallRecord, ConsoleLine, RunError, RunRequest, RunResult} from './types';
import {compile, type SourcePosition} from './compile';
import {Coroutines, REFUSED, WAIT, type Step} from './coroutines';
import {Scheduler, type Process} from './scheduler';
import {HELPER_NAMES} from './transform';
import {formatArgs} from './consoleFormat';
import {SocketError, WouldBlockForever} from './errors';
import {AF_INET, INADDR_ANY, IPPROTO_TCP, SHUT_RD, SHUT_RDWR, SHUT_WR, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, TCP_NODELAY} from './format';
import {NONBLOCKING_NAMES, nonblockingApi} from './nonblocking';
import {MAX_CONSOLE_CHARS, MAX_CONSOLE_LINES, MAX_PROCESSES, MAX_SOCKET_CALLS, MAX_ERROR_CHARS, MAX_HOST_CHARS, MAX_LINE_CHARS, MAX_NAME_CHARS, MAX_TRACE_EVENTS} from './limits';
import {thrownInteger, thrownName, thrownStack, thrownString} from './thrown';
import {wordsFor, type Words} from './words';

export type WorldFactory = (options: WorldOptions) => SimWorld;

export const DEFAULT_MAX_CONSOLE_LINES = MAX_CONSOLE_LINES;
export {MAX_SOCKET_CALLS};
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
  'spawn',
  'sleep',
  'console',
  'AF_INET',
  'SOCK_STREAM',
  'SHUT_RD',
  'SHUT_WR',
  'SHUT_RDWR',
  'SOL_SOCKET',
  'SO_REUSEADDR',
  'IPPROTO_TCP',
  'TCP_NODELAY',
  'INADDR_ANY',
  'SocketError',
  'WouldBlockForever',
  ...NONBLOCKING_NAMES,
] as const;

/** Taken when the runner loads: the sealed worker removes the global (seal.ts), spawn() still copies its arguments. */
const clone = globalThis.structuredClone;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function runProgram(req: RunRequest, createWorld: WorldFactory): RunResult {
  const world = createWorld({builtins: true, ...req.world});
  const words = wordsFor(req.locale);
  const run = new ProgramRun(world, req.host ?? 'client', req.maxConsoleLines ?? DEFAULT_MAX_CONSOLE_LINES, words);
  const compiled = compile(req.code, [...API_NAMES, ...HELPER_NAMES], words);
  if (!compiled.ok) return run.finish('syntax-error', compiled.error);
  run.locate = compiled.locate;

  const program = compiled.bind([...API_NAMES.map((name) => run.api[name]), ...run.co.helpers()]);
  const restore = hideFunctionConstructors(words);
  let status: RunResult['status'] = 'ok';
  let error: RunError | undefined;
  try {
    // the main program is process 1, on the request's host; spawn() adds the others
    run.scheduler.spawn(run.mainHost, program() as Step);
    const outcome = run.scheduler.run();
    if (outcome.kind === 'threw') {
      // reading what was thrown may run the program's code (getters, Proxy traps): it is read defensively
      error = run.toRunError(outcome.error);
      const main = outcome.process.pid === 1;
      if (!main) error.process = {pid: outcome.process.pid, host: outcome.process.hosts[0]};
      status = main && error.name === 'WouldBlockForever' && error.blocked ? 'blocked' : 'error';
    }
  } catch (e) {
    error = run.toRunError(e);
    status = 'error';
  } finally {
    // callbacks the program left behind (Promise.then, async functions) find every call closed
    run.closed = true;
    restore();
  }
  return run.finish(status, error);
}

/** An error the runner raises itself, with a name the page words in the reader's language (runText.ts). */
function runnerError(name: string, message: string): Error {
  const e = new Error(message);
  Object.defineProperty(e, 'name', {value: name, writable: true, configurable: true});
  return e;
}

/** Freeze a set of functions and values handed to the program (and the functions themselves). */
function frozenApi<T extends Record<string, unknown>>(api: T): Readonly<T> {
  for (const v of Object.values(api)) if (typeof v === 'function') Object.freeze(v);
  return Object.freeze(api);
}

// The error classes are shared by every run of this realm: no program may change them for the next one.
for (const C of [SocketError, WouldBlockForever]) {
  Object.freeze(C.prototype);
  Object.freeze(C);
}

class ProgramRun {
  readonly console: ConsoleLine[] = [];
  readonly calls: CallRecord[] = [];
  truncated = false;
  /** set when the program's synchronous run is over: a call made later (from a callback) is refused */
  closed = false;
  private consoleChars = 0;
  locate: (stack: string | undefined) => SourcePosition | null = () => null;
  readonly co = new Coroutines();
  readonly scheduler: Scheduler;

  constructor(
    readonly world: SimWorld,
    readonly mainHost: string,
    private readonly maxConsoleLines: number,
    private readonly w: Words,
  ) {
    this.addHost(mainHost);
    this.scheduler = new Scheduler(world);
  }

  /** The process whose code runs now (the main program before and after the run). */
  private get process(): Process | null {
    return this.scheduler.current ?? this.scheduler.processes[0] ?? null;
  }

  get host(): string {
    const hosts = this.process?.hosts;
    return hosts ? hosts[hosts.length - 1] : this.mainHost;
  }

  /** Where in the reader's code we are now: the topmost program frame of a fresh stack. */
  private here(): SourcePosition | null {
    return this.locate(new Error().stack);
  }

  /**
   * One simulator call on the current host, recorded with its line; failures become exceptions. A call that
   * must wait suspends its process (the scheduler resumes it with the result), or, where the code around it
   * cannot be suspended (a callback of native code), is given up and refused with a clear error.
   */
  private *sys(req: SyscallRequest): Generator<typeof WAIT, SyscallResult, unknown> {
    this.open();
    if (this.calls.length >= MAX_SOCKET_CALLS) {
      throw runnerError('TooManyCalls', this.w.tooManyCalls(MAX_SOCKET_CALLS));
    }
    const where = this.here();
    const host = this.host;
    const p = this.process!;
    const line = where?.line ?? null;
    const started = this.world.startCall(host, req, {pid: p.pid});
    this.calls.push({callId: started.callId, host, line});
    let res: SyscallResult;
    if ('res' in started) res = started.res;
    else {
      p.wait = {kind: 'call', open: started.open, call: req.call, line};
      const answer = yield WAIT;
      p.wait = null;
      if (answer === REFUSED) {
        this.world.endCall(started.open, 'refused');
        throw runnerError('CannotWaitHere', this.w.cannotWait(req.call));
      }
      res = answer as SyscallResult;
    }
    if ('err' in res) throw new SocketError(res.err);
    if ('blocked' in res) throw new WouldBlockForever(req.call, 'fd' in req ? req.fd : undefined);
    return res;
  }

  private *ret(req: SyscallRequest): Step {
    const res = yield* this.sys(req);
    return 'ret' in res ? res.ret : 0;
  }

  /** sleep(ms): this process waits while virtual time passes (the others run). */
  private *sleep(ms: number): Step {
    const p = this.process!;
    p.wait = {kind: 'sleep', until: this.world.now + ms, line: this.here()?.line ?? null};
    const answer = yield WAIT;
    p.wait = null;
    if (answer === REFUSED) throw runnerError('CannotWaitHere', this.w.cannotWait('sleep'));
    return undefined;
  }

  /** on(host, fn): fn's calls are made as `host` (created if new), in this process, until fn returns. */
  private *onHost(host: string, fn: unknown): Step {
    this.addHost(host);
    const hosts = this.process!.hosts;
    hosts.push(host);
    try {
      const user = this.co.userFunction(fn);
      return user ? yield* user.start([]) : (fn as () => unknown)();
    } finally {
      hosts.pop();
    }
  }

  /** spawn(host, fn, ...args): fn as a new process on `host`, with copies of args; returns its pid. */
  private spawn(host: unknown, fn: unknown, args: unknown[]): number {
    this.open();
    if (typeof host !== 'string' || host === '' || host.includes(':') || host.length > MAX_HOST_CHARS) {
      throw new TypeError(this.w.spawnHost(this.w.kind(host)));
    }
    const user = this.co.userFunction(fn);
    if (!user) throw new TypeError(this.w.spawnFn(host));
    if (user.shared) throw runnerError('SharedVariable', this.w.spawnShared(user.shared.name, user.shared.line));
    if (this.scheduler.processes.length >= MAX_PROCESSES) throw runnerError('TooManyProcesses', this.w.tooManyProcesses(MAX_PROCESSES));
    let copies: unknown[];
    try {
      copies = clone(args);
    } catch {
      throw new TypeError(this.w.spawnArgs());
    }
    this.addHost(host);
    return this.scheduler.spawn(host, user.start(copies)).pid;
  }

  /** Refuse calls from code that runs after the program ended (a Promise callback it left behind). */
  private open(): void {
    if (this.closed) throw runnerError('RunOver', this.w.runOver());
  }

  /** One console line, cut to MAX_LINE_CHARS and to what is left of MAX_CONSOLE_CHARS (the cut is marked). */
  private print(level: 'log' | 'error', args: unknown[]) {
    this.open();
    if (this.truncated) return;
    if (this.console.length >= Math.min(this.maxConsoleLines, MAX_CONSOLE_LINES)) {
      // `truncated` says so; the page words it in the reader's language
      this.truncated = true;
      return;
    }
    const where = this.here();
    const full = formatArgs(args);
    const room = Math.min(MAX_LINE_CHARS, MAX_CONSOLE_CHARS - this.consoleChars);
    const text = full.length > room ? full.slice(0, room) : full;
    this.consoleChars += text.length;
    const line: ConsoleLine = {level, text, ...(where ? {line: where.line} : {}), at: this.world.trace.length};
    if (full.length > text.length) line.cut = full.length - text.length;
    this.console.push(line);
    if (this.consoleChars >= MAX_CONSOLE_CHARS) this.truncated = true;
  }

  /** Add a host the program names; a full address block is the runner's error, worded by the page. */
  private addHost(host: string): void {
    if (this.world.hasHost(host)) return;
    try {
      this.world.addHost(host);
    } catch {
      throw runnerError('NoFreeAddress', this.w.noFreeAddress());
    }
  }

  readonly api: Readonly<Record<(typeof API_NAMES)[number], unknown>> = frozenApi({
    socket: this.co.apiFunction((domain?: unknown, type?: unknown, protocol?: unknown) => {
      const req: SyscallRequest = {call: 'socket'};
      if (domain !== undefined) req.domain = int(this.w, 'socket', 'domain', domain);
      if (type !== undefined) req.type = int(this.w, 'socket', 'type', type);
      if (protocol !== undefined) req.protocol = int(this.w, 'socket', 'protocol', protocol);
      return this.ret(req);
    }),
    bind: this.co.apiFunction((fd: unknown, ip: unknown, port: unknown) =>
      this.ret({call: 'bind', fd: int(this.w, 'bind', 'fd', fd), addr: {ip: ipArg(this.w, 'bind', ip, true), port: portArg(this.w, 'bind', port)}}),
    ),
    listen: this.co.apiFunction((fd: unknown, backlog: unknown = SOMAXCONN) =>
      this.ret({call: 'listen', fd: int(this.w, 'listen', 'fd', fd), backlog: int(this.w, 'listen', 'backlog', backlog)}),
    ),
    accept: this.co.apiFunction((fd: unknown) => this.ret({call: 'accept', fd: int(this.w, 'accept', 'fd', fd)})),
    connect: this.co.apiFunction((fd: unknown, ip: unknown, port: unknown) =>
      this.ret({call: 'connect', fd: int(this.w, 'connect', 'fd', fd), addr: {ip: ipArg(this.w, 'connect', ip, false), port: portArg(this.w, 'connect', port)}}),
    ),
    write: this.co.apiFunction((fd: unknown, data: unknown, length?: unknown) =>
      this.ret({call: 'write', fd: int(this.w, 'write', 'fd', fd), data: bytesArg(this.w, data, length)}),
    ),
    read: this.co.apiFunction((fd: unknown, max: unknown = DEFAULT_READ_MAX) => {
      const n = int(this.w, 'read', 'max', max);
      if (n < 1) throw new TypeError(this.w.readMax(n));
      return then(this.sys({call: 'read', fd: int(this.w, 'read', 'fd', fd), max: n}), (res) => ('data' in res ? decoder.decode(res.data) : ''));
    }),
    close: this.co.apiFunction((fd: unknown) => this.ret({call: 'close', fd: int(this.w, 'close', 'fd', fd)})),
    shutdown: this.co.apiFunction((fd: unknown, how: unknown) => {
      if (how !== SHUT_RD && how !== SHUT_WR && how !== SHUT_RDWR) {
        throw new TypeError(this.w.shutdownHow(this.w.kind(how)));
      }
      return this.ret({call: 'shutdown', fd: int(this.w, 'shutdown', 'fd', fd), how});
    }),
    getsockname: this.co.apiFunction((fd: unknown) => then(this.sys({call: 'getsockname', fd: int(this.w, 'getsockname', 'fd', fd)}), addrOf)),
    getpeername: this.co.apiFunction((fd: unknown) => then(this.sys({call: 'getpeername', fd: int(this.w, 'getpeername', 'fd', fd)}), addrOf)),
    setsockopt: this.co.apiFunction((fd: unknown, level: unknown, name: unknown, value: unknown) => {
      const opt = level === SOL_SOCKET && name === SO_REUSEADDR ? 'SO_REUSEADDR' : level === IPPROTO_TCP && name === TCP_NODELAY ? 'TCP_NODELAY' : null;
      if (!opt) throw new TypeError(this.w.setsockopt());
      const v = typeof value === 'boolean' ? Number(value) : int(this.w, 'setsockopt', 'value', value);
      return this.ret({call: 'setsockopt', fd: int(this.w, 'setsockopt', 'fd', fd), opt, value: v});
    }),
    resolve: (name: unknown) => {
      this.open();
      if (typeof name !== 'string' || name === '') throw new TypeError(this.w.resolveName(this.w.kind(name)));
      if (IPV4.test(name)) return name;
      const ip = this.world.resolve(this.host, name);
      if (ip === null) throw new SocketError('EAI_NONAME');
      return ip;
    },
    on: this.co.apiFunction((host: unknown, fn: unknown) => {
      this.open();
      if (typeof host !== 'string' || host === '' || host.includes(':') || host.length > MAX_HOST_CHARS) {
        throw new TypeError(this.w.onHost(this.w.kind(host)));
      }
      if (typeof fn !== 'function') throw new TypeError(this.w.onFn(host));
      return this.onHost(host, fn);
    }),
    spawn: (host: unknown, fn: unknown, ...args: unknown[]) => this.spawn(host, fn, args),
    sleep: this.co.apiFunction((ms: unknown) => {
      this.open();
      if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
        throw new TypeError(this.w.sleepMs(this.w.kind(ms)));
      }
      return this.sleep(ms);
    }),
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
    IPPROTO_TCP,
    TCP_NODELAY,
    INADDR_ANY,
    SocketError,
    WouldBlockForever,
    ...nonblockingApi((req) => this.sys(req), (impl) => this.co.apiFunction(impl), () => this.w),
  });

  /**
   * An exception that left the program, as RunError, located at the reader's line that raised it. What was
   * thrown may be hostile (getters, a Proxy): only data properties are read, never a getter of the program's.
   */
  toRunError(e: unknown): RunError {
    let ours: SocketError | WouldBlockForever | null = null;
    try {
      // a Proxy's getPrototypeOf trap may throw; a Proxy is never one of ours anyway
      ours = e instanceof SocketError || e instanceof WouldBlockForever ? e : null;
    } catch {
      ours = null;
    }
    const name = thrownName(e);
    const message = thrownString(e, 'message');
    const out: RunError =
      name === null && message === null
        ? {name: 'ThrownValue', message: safeDescribe(e, this.w)}
        : {name: name ?? 'Error', message: message ?? ''};
    if (out.name.length > MAX_NAME_CHARS) out.name = out.name.slice(0, MAX_NAME_CHARS);
    if (out.message.length > MAX_ERROR_CHARS) {
      out.cut = out.message.length - MAX_ERROR_CHARS;
      out.message = out.message.slice(0, MAX_ERROR_CHARS);
    }
    // the program can make these itself (new SocketError(anything)): only well-formed fields are taken, as data
    const errno = ours instanceof SocketError ? thrownString(ours, 'errno') : null;
    if (errno !== null && /^E[A-Z0-9_]{1,19}$/.test(errno)) out.errno = errno;
    const call = ours instanceof WouldBlockForever ? thrownString(ours, 'call') : null;
    if (call !== null && /^[a-z]{1,20}$/.test(call)) {
      const fd = thrownInteger(ours, 'fd');
      out.blocked = fd === null ? {call} : {call, fd};
    }
    if (out.name === 'TooManyCalls') out.limit = MAX_SOCKET_CALLS;
    const where = this.locate(thrownStack(e) ?? undefined);
    if (where) {
      out.line = where.line;
      out.column = where.column;
    }
    return out;
  }

  /** Let the network settle (closes finish, TIME-WAIT shows), then package the result. */
  finish(status: RunResult['status'], error?: RunError): RunResult {
    let settleError: RunError | undefined;
    let waiting: RunResult['waiting'] = [];
    try {
      // a process still waiting (a server in accept()) is stopped there, as a real one runs until stopped
      waiting = this.scheduler.stopWaiting();
      this.world.runUntilQuiet();
    } catch (e) {
      const detail = `the simulator failed: ${thrownString(e, 'message') ?? ''}`.slice(0, MAX_ERROR_CHARS);
      settleError = {name: 'RunnerFault', fault: 'simulator', message: detail};
    }
    const trace = this.world.trace;
    const result: RunResult = {
      status: settleError && status === 'ok' ? 'error' : status,
      console: this.console,
      truncated: this.truncated,
      trace: trace.slice(0, MAX_TRACE_EVENTS),
      calls: this.calls,
      endTime: this.world.now,
    };
    if (trace.length > MAX_TRACE_EVENTS) result.traceCut = trace.length - MAX_TRACE_EVENTS;
    if (waiting.length > 0) result.waiting = waiting;
    const err = error ?? settleError;
    if (err) result.error = err;
    return result;
  }
}

/** A thrown value named in the reader's language ('an object', '객체'); it may be a Proxy whose traps throw. */
function safeDescribe(v: unknown, w: Words): string {
  try {
    return w.kind(v);
  } catch {
    return w.kind({});
  }
}

function int(w: Words, call: string, what: string, v: unknown): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new TypeError(w.notInteger(call, what, w.kind(v)));
  }
  return v;
}

function portArg(w: Words, call: string, v: unknown): number {
  const port = int(w, call, 'port', v);
  if (port < 0 || port > 65535) throw new TypeError(w.portRange(call, port));
  return port;
}

/** An IPv4 address in dotted form. A host name is the classic mistake: say what to do instead. */
function ipArg(w: Words, call: string, v: unknown, wildcardOk: boolean): string {
  if (wildcardOk && v === 0) return INADDR_ANY;
  if (typeof v !== 'string') throw new TypeError(w.ipString(call, w.kind(v)));
  if (IPV4.test(v)) return v;
  if (/^[A-Za-z0-9.-]+$/.test(v) && /[A-Za-z]/.test(v)) throw new TypeError(w.ipHostName(call, v));
  throw new TypeError(w.ipNotV4(call, v));
}

/** write()'s data: a string (sent as UTF-8) or bytes, optionally only the first `length` bytes. */
function bytesArg(w: Words, data: unknown, length: unknown): Uint8Array {
  let bytes: Uint8Array;
  if (typeof data === 'string') bytes = encoder.encode(data);
  else if (data instanceof Uint8Array) bytes = data.slice();
  else throw new TypeError(w.writeData(w.kind(data)));
  if (length === undefined) return bytes;
  const n = int(w, 'write', 'length', length);
  if (n < 0 || n > bytes.length) throw new TypeError(w.writeLength(n, bytes.length));
  return bytes.slice(0, n);
}

/** A socket call's generator whose result is passed through `f` (read's bytes → string, an address → {ip, port}). */
function* then<T>(call: Generator<typeof WAIT, SyscallResult, unknown>, f: (res: SyscallResult) => T): Generator<typeof WAIT, T, unknown> {
  return f(yield* call);
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
function hideFunctionConstructors(w: Words): () => void {
  const protos = [
    Function.prototype,
    Object.getPrototypeOf(function* () {}),
    Object.getPrototypeOf(async function () {}),
    Object.getPrototypeOf(async function* () {}),
  ] as object[];
  const saved = protos.map((p) => Object.getOwnPropertyDescriptor(p, 'constructor'));
  const blocked = function () {
    throw new TypeError(w.functionConstructor());
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
