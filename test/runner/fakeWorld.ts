/**
 * A stand-in for the simulator that records every call it is asked to make and answers from a script.
 * It lets the runner's own tests check "reader call -> simulator request" and "simulator result ->
 * what the reader sees" without depending on TCP behaviour.
 */
import type {
  CallStarted,
  SimWorld,
  SyscallRequest,
  SyscallResult,
  TraceEvent,
  WorldOptions,
} from '../../src/sim/api';

export type Responder = (host: string, req: SyscallRequest) => SyscallResult;

export class FakeWorld implements SimWorld {
  now = 0;
  readonly trace: TraceEvent[] = [];
  /** every call, in order, as the runner asked for it */
  readonly requests: Array<{host: string; req: SyscallRequest}> = [];
  readonly advanced: number[] = [];
  quietRuns = 0;
  private readonly listeners: Array<(e: TraceEvent) => void> = [];
  private readonly hosts = new Map<string, string>();
  private nextCallId = 1;
  private nextFd = new Map<string, number>();
  respond: Responder = (host, req) => {
    if (req.call === 'socket' || req.call === 'accept') {
      const fd = this.nextFd.get(host) ?? 3;
      this.nextFd.set(host, fd + 1);
      return {ret: fd};
    }
    if (req.call === 'write') return {ret: req.data.length};
    if (req.call === 'read') return {data: new Uint8Array()};
    if (req.call === 'getsockname' || req.call === 'getpeername') return {addr: {ip: '10.0.0.2', port: 40000}};
    return {ret: 0};
  };

  constructor(readonly options: WorldOptions = {}) {
    this.addHost('client', '10.0.0.2');
    if (options.builtins) this.addHost('www.example.com', '93.184.216.34');
  }

  private emit(e: TraceEvent) {
    this.trace.push(e);
    for (const l of this.listeners) l(e);
  }
  subscribe(listener: (e: TraceEvent) => void) {
    this.listeners.push(listener);
    return () => void this.listeners.splice(this.listeners.indexOf(listener), 1);
  }
  addHost(name: string, ip = `10.0.0.${10 + this.hosts.size}`) {
    this.hosts.set(name, ip);
    this.emit({kind: 'host', t: this.now, host: name, ip, builtin: false});
    return ip;
  }
  hasHost(name: string) {
    return this.hosts.has(name);
  }
  hostNames() {
    return [...this.hosts.keys()];
  }
  ipOf(name: string) {
    return this.hosts.get(name) ?? null;
  }
  hostOf(ip: string) {
    for (const [n, i] of this.hosts) if (i === ip) return n;
    return null;
  }
  resolve(_from: string, name: string) {
    return this.ipOf(name);
  }
  setLink() {}
  call(host: string, req: SyscallRequest): SyscallResult {
    const callId = this.nextCallId++;
    this.requests.push({host, req});
    this.emit({kind: 'call', t: this.now, host, callId, req});
    const res = this.respond(host, req);
    this.emit({kind: 'result', t: this.now, host, callId, res});
    return res;
  }
  /** every call completes at once here: the scripted answer */
  startCall(host: string, req: SyscallRequest): CallStarted {
    const callId = this.nextCallId;
    return {callId, res: this.call(host, req)};
  }
  pollCall(): SyscallResult | null {
    return null;
  }
  endCall(): SyscallResult {
    return {blocked: true};
  }
  nextEvent() {
    return null;
  }
  step() {}
  advance(ms: number) {
    this.advanced.push(ms);
    this.now += ms;
  }
  runUntilQuiet() {
    this.quietRuns++;
  }
}
