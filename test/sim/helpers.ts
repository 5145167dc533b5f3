/** Small helpers for the simulator tests: a world, calls by name, and views of the trace. */
import {World} from '../../src/sim';
import type {SyscallRequest, SyscallResult, TcpState, TraceEvent} from '../../src/sim/api';
import type {WorldExtraOptions} from '../../src/sim/net/world';

export const enc = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);
export const dec = (b: Uint8Array): string => String.fromCharCode(...b);

/** A world with the reader-facing helpers the tests use. */
export class Lab {
  readonly w: World;
  /** per-call timeout (ms); undefined = the reader's mode (wait until done or blocked forever) */
  timeout: number | undefined;

  constructor(opts: WorldExtraOptions = {}, timeout?: number) {
    this.w = new World({seed: 42, ...opts});
    this.timeout = timeout;
  }

  call(host: string, req: SyscallRequest): SyscallResult {
    return this.w.call(host, req, {blockTimeoutMs: this.timeout});
  }

  ip(host: string): string {
    if (!this.w.hasHost(host)) this.w.addHost(host);
    return this.w.ipOf(host)!;
  }

  socket(host: string): number {
    const r = this.call(host, {call: 'socket'});
    if (!('ret' in r)) throw new Error(`socket() on ${host}: ${JSON.stringify(r)}`);
    return r.ret;
  }

  bind(host: string, fd: number, port: number): SyscallResult {
    return this.call(host, {call: 'bind', fd, addr: {ip: '0.0.0.0', port}});
  }

  listen(host: string, fd: number, backlog = 5): SyscallResult {
    return this.call(host, {call: 'listen', fd, backlog});
  }

  /** socket + bind + listen; returns the listener's descriptor */
  listener(host: string, port: number, backlog = 5): number {
    const fd = this.socket(host);
    this.bind(host, fd, port);
    this.listen(host, fd, backlog);
    return fd;
  }

  connect(host: string, fd: number, to: string, port: number): SyscallResult {
    return this.call(host, {call: 'connect', fd, addr: {ip: this.ip(to), port}});
  }

  accept(host: string, fd: number): SyscallResult {
    return this.call(host, {call: 'accept', fd});
  }

  write(host: string, fd: number, data: string): SyscallResult {
    return this.call(host, {call: 'write', fd, data: enc(data)});
  }

  read(host: string, fd: number, max = 65536): SyscallResult {
    return this.call(host, {call: 'read', fd, max});
  }

  /** read() as text; throws on anything but data */
  text(host: string, fd: number, max = 65536): string {
    const r = this.read(host, fd, max);
    if (!('data' in r)) throw new Error(`read() on ${host}: ${JSON.stringify(r)}`);
    return dec(r.data);
  }

  close(host: string, fd: number): SyscallResult {
    return this.call(host, {call: 'close', fd});
  }

  shutdown(host: string, fd: number, how: 0 | 1 | 2): SyscallResult {
    return this.call(host, {call: 'shutdown', fd, how});
  }

  /** A connected pair: server listening on `port`, client connected and accepted. */
  pair(port = 8080, client = 'client', server = 'server'): {s: number; c: number; a: number} {
    const s = this.listener(server, port);
    const c = this.socket(client);
    const r = this.connect(client, c, server, port);
    if (!('ret' in r)) throw new Error(`connect: ${JSON.stringify(r)}`);
    const a = this.accept(server, s);
    if (!('ret' in a)) throw new Error(`accept: ${JSON.stringify(a)}`);
    return {s, c, a: a.ret};
  }

  /** The state of every socket the kernel still knows, as "host local→remote STATE" lines. */
  table(): string[] {
    const socks = new Map<number, TraceEvent & {kind: 'sock'}>();
    for (const e of this.w.trace) {
      if (e.kind === 'sock') socks.set(e.sock, e);
      else if (e.kind === 'sock-gone') socks.delete(e.sock);
    }
    return [...socks.values()]
      .filter((s) => s.state !== 'CLOSED')
      .map((s) => `${s.host} ${this.addr(s.local)}→${s.remote ? this.addr(s.remote) : '*'} ${s.state}`)
      .sort();
  }

  /** the current state of the connection whose local end is (host, port) and peer is `peerHost` */
  stateOf(host: string, localPort: number, peerHost?: string): TcpState | 'gone' {
    let last: TcpState | 'gone' = 'gone';
    const ids = new Map<number, TcpState | 'gone'>();
    for (const e of this.w.trace) {
      if (e.kind === 'sock' && e.host === host && e.local.port === localPort && e.remote &&
          (!peerHost || this.w.hostOf(e.remote.ip) === peerHost)) {
        ids.set(e.sock, e.state);
      } else if (e.kind === 'sock-gone' && ids.has(e.sock)) ids.set(e.sock, 'gone');
    }
    for (const v of ids.values()) if (v !== 'gone') last = v;
    return last;
  }

  private addr(a: {ip: string; port: number}): string {
    return `${a.ip === '0.0.0.0' ? '*' : this.w.hostOf(a.ip)}:${a.port}`;
  }

  /** segments since trace index `from`, as "from>to FLAGS len" strings (hosts by name) */
  segments(from = 0): string[] {
    return this.w.trace.slice(from).flatMap((e) =>
      e.kind === 'segment' ? [`${e.fromHost}>${e.toHost} ${e.flags} ${e.len}`] : [],
    );
  }

  segmentEvents(from = 0): (TraceEvent & {kind: 'segment'})[] {
    return this.w.trace.slice(from).filter((e): e is TraceEvent & {kind: 'segment'} => e.kind === 'segment');
  }

  mark(): number {
    return this.w.trace.length;
  }
}

/** the address in a getsockname/getpeername/accept result; throws if there is none */
export function addrOf(r: SyscallResult): {ip: string; port: number} {
  if (!('addr' in r) || !r.addr) throw new Error(`no address in ${JSON.stringify(r)}`);
  return r.addr;
}

/** the local port of a descriptor (getsockname) */
export function clientPort(lab: Lab, fd: number, host = 'client'): number {
  return addrOf(lab.call(host, {call: 'getsockname', fd})).port;
}
