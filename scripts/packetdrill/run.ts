/**
 * Runs a packetdrill script against the simulator, the way packetdrill runs it against a kernel
 * (../shared/peer/packetdrill/README.md): the stack under test is the host 192.168.0.1, the script
 * plays the peer 192.0.2.1. System calls run at their times, `<` packets are injected at theirs, and
 * every `>` packet and every call's result is checked, with packetdrill's time tolerance.
 *
 * Sequence numbers in the script are relative: outbound ones to the stack's initial sequence number
 * (learned from its SYN or SYN,ACK), inbound ones to the peer's, which this interpreter chooses.
 * Outbound data the stack sends as several MSS-sized segments is added up to the script's length, as
 * packetdrill sees one GSO super-packet.
 */
import type {SyscallRequest, SyscallResult} from '../../src/sim/api';
import {SOCK_NONBLOCK} from '../../src/sim/api';
import {World} from '../../src/sim/net/world';
import {ACK, FIN, PSH, RST, SYN, ECE, CWR, type Segment, type TcpOption} from '../../src/sim/wire/segment';
import {parseScript, type ScriptCall, type ScriptEvent, type ScriptOption, type ScriptPacket} from './parse';

export const LOCAL_IP = '192.168.0.1';
export const REMOTE_IP = '192.0.2.1';
/** packetdrill's port for the listener and for connect() */
export const SCRIPT_PORT = 8080;
/** the peer's own port when the stack listens (any fixed value: scripts never name it) */
const PEER_PORT = 42731;
/** the peer's initial sequence number (any value: scripts write sequence numbers relative to it) */
const PEER_ISN = 0x7a31c000;
/** packetdrill's default tolerance: 4 ms */
const DEFAULT_TOLERANCE_MS = 4;
/** how long `*` waits for an outbound packet */
const ANY_TIME_WAIT_MS = 10_000;

export interface RunReport {
  ok: boolean;
  /** the first failure, as packetdrill words it: "script.pkt:12: error …" */
  error: string | null;
  /** every event and what happened, for --verbose */
  log: string[];
}

const FLAG_LETTERS: Record<string, number> = {S: SYN, F: FIN, R: RST, P: PSH, '.': ACK, E: ECE, W: CWR};

function flagBits(letters: string): number {
  let f = 0;
  for (const ch of letters) f |= FLAG_LETTERS[ch];
  return f;
}

function flagLetters(bits: number): string {
  let s = '';
  for (const ch of 'SFRPEW') if (bits & FLAG_LETTERS[ch]) s += ch;
  return bits & ACK ? s + '.' : s;
}

function optionText(o: ScriptOption | TcpOption): string {
  switch (o.kind) {
    case 'sack':
      return `sack ${o.blocks.map(([a, b]) => `${a}:${b}`).join(' ')}`;
    case 'mss':
      return `mss ${o.value}`;
    case 'wscale':
      return `wscale ${o.value}`;
    case 'ts':
      return `TS val ${o.val} ecr ${o.ecr}`;
    default:
      return o.kind;
  }
}

function optionsText(opts: readonly (ScriptOption | TcpOption)[] | undefined): string {
  return opts && opts.length > 0 ? ` <${opts.map(optionText).join(',')}>` : '';
}

/** Options as packetdrill compares them: kinds and values, timestamps' values ignored. */
function optionsKey(opts: readonly (ScriptOption | TcpOption)[] | undefined | null): string {
  return (opts ?? []).map((o) => (o.kind === 'ts' ? 'TS' : optionText(o))).join(',');
}

class Failure extends Error {}

export function runScript(text: string, name = 'script'): RunReport {
  const log: string[] = [];
  try {
    new Interpreter(text, log).run();
    return {ok: true, error: null, log};
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {ok: false, error: `${name}:${msg}`, log};
  }
}

class Interpreter {
  /** the baseline of the suite's defaults.sh that differs from Linux's defaults: tcp_syn_retries=5 */
  private readonly world = new World({seed: 1, latencyMs: 0, builtins: false, synRetries: 5, trace: false});
  private readonly events: ScriptEvent[];
  private readonly toleranceMs: number;
  private readonly captured: {t: number; seg: Segment}[] = [];
  private consumed = 0;
  /** events already handed to the world (inbound packets due while a call blocked) */
  private readonly scheduled = new Set<ScriptEvent>();
  /** script descriptor → simulator descriptor */
  private readonly fds = new Map<number, number>();
  private localIsn: number | null = null;
  private localPort: number | null = null;
  private remotePort = PEER_PORT;
  /** window scale each side announced on its SYN (null: none) */
  private peerWscale: number | null = null;
  private localWscale: number | null = null;
  private prevTime = 0;

  constructor(
    text: string,
    private readonly log: string[],
  ) {
    const script = parseScript(text);
    this.events = script.events;
    const usecs = script.flags['tolerance_usecs'];
    this.toleranceMs = usecs ? Number(usecs) / 1000 : DEFAULT_TOLERANCE_MS;
    this.world.addHost('local', LOCAL_IP);
    this.world.attachTap(REMOTE_IP, (seg) => this.capture(seg));
  }

  /** A segment the stack sent. Its SYN or SYN,ACK tells the stack's initial sequence number and ports. */
  private capture(seg: Segment): void {
    this.captured.push({t: this.world.now, seg});
    if (seg.flags & SYN) {
      this.localIsn = seg.seq;
      this.localPort = seg.srcPort;
      if (!(seg.flags & ACK)) this.remotePort = seg.dstPort;
      const ws = seg.options?.find((o) => o.kind === 'wscale');
      this.localWscale = ws && ws.kind === 'wscale' ? ws.value : null;
    }
  }

  run(): void {
    for (const ev of this.events) {
      if (this.scheduled.has(ev)) continue;
      if (ev.packet?.dir === 'in') this.inbound(ev, ev.packet);
      else if (ev.packet) this.outbound(ev, ev.packet);
      else this.syscall(ev, ev.call!);
      if (ev.at !== null) this.prevTime = ev.at;
    }
  }

  private fail(ev: ScriptEvent, message: string): never {
    throw new Failure(`${ev.line}: error: ${message}\n    script: ${ev.text}`);
  }

  /** packetdrill's tolerance for an event: 4 ms (or the script's), or 12.5 % of the gap since the last event */
  private tolerance(ev: ScriptEvent): number {
    const gap = ev.at !== null ? ev.at - this.prevTime : 0;
    return Math.max(this.toleranceMs, gap * 0.125);
  }

  private advanceTo(t: number): void {
    if (t > this.world.now) this.world.advance(t - this.world.now);
  }

  // ---------------------------------------------------------------------------------------------
  // Inbound packets
  // ---------------------------------------------------------------------------------------------

  private inbound(ev: ScriptEvent, p: ScriptPacket): void {
    if (ev.at !== null) this.advanceTo(ev.at);
    this.inject(ev, p);
  }

  private inject(ev: ScriptEvent, p: ScriptPacket): void {
    const flags = flagBits(p.flags);
    if (flags & SYN && p.options !== 'any') {
      const ws = p.options?.find((o) => o.kind === 'wscale');
      this.peerWscale = ws && ws.kind === 'wscale' ? ws.value : null;
    }
    if (this.localPort === null) this.localPort = SCRIPT_PORT; // the stack listens on the script's port
    let ack = 0;
    if (p.ack !== null) {
      if (this.localIsn === null) this.fail(ev, 'the packet acknowledges data before the stack sent a SYN');
      ack = (this.localIsn + p.ack) | 0;
    }
    // windows of segments other than SYNs are scaled by the sender's announced shift (RFC 7323 §2.2)
    const scaled = !(flags & SYN) && this.peerWscale !== null && this.localWscale !== null;
    const window = (p.win ?? 65535) * (scaled ? 2 ** this.peerWscale! : 1);
    // options the simulator has no use for (SACK blocks, end of list) are not passed on
    const options = p.options === 'any' || p.options === null ? undefined : (p.options.filter((o) => o.kind !== 'eol' && o.kind !== 'sack') as TcpOption[]);
    const seg: Segment = {
      srcIp: REMOTE_IP,
      dstIp: LOCAL_IP,
      srcPort: this.remotePort,
      dstPort: this.localPort,
      seq: (PEER_ISN + p.start) | 0,
      ack,
      flags,
      window,
      payload: new Uint8Array(p.len),
      options,
    };
    this.log.push(`${this.world.now.toFixed(3)} < ${describe(p)}`);
    this.world.inject(seg);
  }

  // ---------------------------------------------------------------------------------------------
  // Outbound packets
  // ---------------------------------------------------------------------------------------------

  /** The next packet the stack sent, waiting in virtual time until `deadline` for it. */
  private nextCaptured(deadline: number): {t: number; seg: Segment} | null {
    while (this.captured.length <= this.consumed) {
      if (!this.world.runNext(deadline)) return null;
    }
    return this.captured[this.consumed++];
  }

  private outbound(ev: ScriptEvent, p: ScriptPacket): void {
    const tol = this.tolerance(ev);
    const deadline = ev.at === null ? this.world.now + ANY_TIME_WAIT_MS : (ev.latest ?? ev.at) + tol;
    const first = this.nextCaptured(deadline);
    if (!first) {
      this.advanceTo(deadline);
      this.fail(ev, `timed out waiting for packet ${describe(p)}`);
    }
    const flags = flagBits(p.flags);
    // GSO: consecutive data segments sent at the same instant are one packet for packetdrill
    let seg = first.seg;
    let len = seg.payload.length;
    let lastFlags = seg.flags;
    while (len < p.len && len > 0 && !(lastFlags & FIN)) {
      const more = this.captured[this.consumed];
      if (!more || more.t !== first.t || more.seg.seq !== ((seg.seq + len) | 0) || more.seg.payload.length === 0) break;
      this.consumed++;
      len += more.seg.payload.length;
      lastFlags = more.seg.flags;
    }
    const merged = (seg.flags & ~(PSH | FIN)) | (lastFlags & (PSH | FIN));
    const relSeq = this.localIsn === null ? seg.seq >>> 0 : (seg.seq - this.localIsn) >>> 0;
    const actual = `${flagLetters(merged)} ${relSeq}:${relSeq + len}(${len})${
      merged & ACK ? ` ack ${(seg.ack - PEER_ISN) >>> 0}` : ''}${optionsText(seg.options)}`;
    this.log.push(`${first.t.toFixed(3)} > ${actual}`);
    const problems: string[] = [];
    if (merged !== flags) problems.push('flags');
    if (relSeq !== p.start || len !== p.len) problems.push('sequence numbers');
    if (p.ack !== null && (seg.ack - PEER_ISN) >>> 0 !== p.ack) problems.push('ack');
    if (p.options !== 'any' && optionsKey(p.options) !== optionsKey(seg.options)) problems.push('TCP options');
    if (problems.length > 0) {
      this.fail(ev, `live packet field mismatch (${problems.join(', ')})\n    expected: ${describe(p)}\n    actual:   ${actual}`);
    }
    if (ev.at !== null) {
      const earliest = ev.at - tol;
      if (first.t < earliest || first.t > deadline) {
        this.fail(ev, `timing error: expected outbound packet at ${(ev.at / 1000).toFixed(6)} sec but happened at ${(first.t / 1000).toFixed(6)} sec; tolerance ${(tol / 1000).toFixed(6)} sec`);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // System calls
  // ---------------------------------------------------------------------------------------------

  private fd(ev: ScriptEvent, arg: string): number {
    const n = Number(arg);
    const fd = this.fds.get(n);
    if (fd === undefined) this.fail(ev, `unknown file descriptor ${arg}`);
    return fd;
  }

  private request(ev: ScriptEvent, c: ScriptCall): SyscallRequest {
    const a = c.args;
    switch (c.name) {
      case 'socket': {
        const type = a[1].split('|').map((t) => t.trim());
        if (!type.includes('SOCK_STREAM') || type.some((t) => t !== 'SOCK_STREAM' && t !== 'SOCK_NONBLOCK')) {
          this.fail(ev, `only SOCK_STREAM sockets are simulated`);
        }
        return {call: 'socket', type: 1 | (type.includes('SOCK_NONBLOCK') ? SOCK_NONBLOCK : 0)};
      }
      case 'setsockopt': {
        const opt = a[2];
        const value = Number(/^\[?(-?\d+)\]?$/.exec(a[3])?.[1] ?? NaN);
        if (opt !== 'SO_REUSEADDR' && opt !== 'TCP_NODELAY') this.fail(ev, `unsupported socket option ${opt}`);
        return {call: 'setsockopt', fd: this.fd(ev, a[0]), opt, value};
      }
      case 'fcntl':
        if (a[1] !== 'F_SETFL') this.fail(ev, `unsupported fcntl command ${a[1]}`);
        return {call: 'fcntl', fd: this.fd(ev, a[0]), flags: /O_NONBLOCK/.test(a[2]) ? SOCK_NONBLOCK : 0};
      case 'bind':
        return {call: 'bind', fd: this.fd(ev, a[0]), addr: {ip: LOCAL_IP, port: SCRIPT_PORT}};
      case 'listen':
        return {call: 'listen', fd: this.fd(ev, a[0]), backlog: Number(a[1])};
      case 'accept':
        return {call: 'accept', fd: this.fd(ev, a[0])};
      case 'connect':
        return {call: 'connect', fd: this.fd(ev, a[0]), addr: {ip: REMOTE_IP, port: SCRIPT_PORT}};
      case 'write':
      case 'send':
        return {call: 'write', fd: this.fd(ev, a[0]), data: new Uint8Array(Number(a[2]))};
      case 'read':
      case 'recv':
        return {call: 'read', fd: this.fd(ev, a[0]), max: Number(a[2])};
      case 'close':
        return {call: 'close', fd: this.fd(ev, a[0])};
      case 'shutdown': {
        const how = ({SHUT_RD: 0, SHUT_WR: 1, SHUT_RDWR: 2} as const)[a[1] as 'SHUT_RD'];
        if (how === undefined) this.fail(ev, `bad shutdown mode ${a[1]}`);
        return {call: 'shutdown', fd: this.fd(ev, a[0]), how};
      }
    }
    this.fail(ev, `unsupported system call ${c.name}`);
  }

  private syscall(ev: ScriptEvent, c: ScriptCall): void {
    if (ev.at !== null) this.advanceTo(ev.at);
    const start = this.world.now;
    const req = this.request(ev, c);
    const tol = this.tolerance(ev);
    let timeout = 0;
    if (ev.returnsAt !== null) {
      // a blocking call: the packets the script injects while it waits are handed to the world first
      timeout = Math.max(0, ev.returnsAt - start) + tol;
      for (const later of this.events.slice(this.events.indexOf(ev) + 1)) {
        // the script goes on while the call blocks, up to the next call (it needs this one's result)
        if (later.call || later.at === null || later.at > ev.returnsAt + tol) break;
        if (later.packet?.dir !== 'in') continue;
        const p = later.packet;
        this.scheduled.add(later);
        this.world.at(later.at, () => this.inject(later, p));
      }
    }
    const res = this.world.call('local', req, {blockTimeoutMs: timeout});
    const [ret, errno] = outcome(res);
    this.log.push(`${start.toFixed(3)} ${c.name}(${c.args.join(', ')}) = ${ret}${errno ? ' ' + errno : ''} (returned at ${this.world.now.toFixed(3)})`);
    if (ret === 'blocked') {
      this.fail(ev, `${c.name}() is still blocked at ${(this.world.now / 1000).toFixed(6)} sec; the script expects it to return ${c.ret}`);
    }
    if ((c.name === 'socket' || c.name === 'accept') && c.ret >= 0 && ret >= 0) this.fds.set(c.ret, ret);
    const retMatches = c.name === 'socket' || c.name === 'accept' ? (c.ret < 0) === (ret < 0) : ret === c.ret;
    if (!retMatches || (c.ret < 0 && errno !== c.errno)) {
      this.fail(ev, `${c.name}() returned ${ret}${errno ? ` (${errno})` : ''}, expected ${c.ret}${c.errno ? ` (${c.errno})` : ''}`);
    }
    const expectedEnd = ev.returnsAt ?? ev.at;
    if (expectedEnd !== null && Math.abs(this.world.now - expectedEnd) > tol) {
      this.fail(ev, `timing error: expected system call return at ${(expectedEnd / 1000).toFixed(6)} sec but happened at ${(this.world.now / 1000).toFixed(6)} sec; tolerance ${(tol / 1000).toFixed(6)} sec`);
    }
  }
}

/** A call's result as packetdrill writes it: the return value and the errno. */
function outcome(res: SyscallResult): [number | 'blocked', string | null] {
  if ('blocked' in res) return ['blocked', null];
  if ('err' in res) return [-1, res.err];
  if ('data' in res) return [res.data.length, null];
  if ('ret' in res) return [res.ret, null];
  return [0, null];
}

function describe(p: ScriptPacket): string {
  const opts = p.options === 'any' ? ' <...>' : optionsText(p.options ?? undefined);
  return `${p.flags} ${p.start}:${p.end}(${p.len})${p.ack !== null ? ` ack ${p.ack}` : ''}${p.win !== null ? ` win ${p.win}` : ''}${opts}`;
}
