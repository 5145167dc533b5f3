/**
 * A finished run as a pcapng capture Wireshark opens: "pcapng 내려받기" / "Download pcapng" (src/components/RunExports).
 * Pure: no DOM, no clock; the same run gives the same bytes.
 *
 * Choices (ARCHITECTURE.md, "pcapng / kernel check"):
 * - By default one merged capture, as a tap beside every sender would see the network: one interface ("simulated
 *   network"), each segment once, stamped when it left its sender; its comment names the sender and the arrival time.
 *   Why not one interface per host: the same segment would then be in the file twice (leaving, arriving), and
 *   Wireshark's TCP analysis, which does not tell interfaces apart (4.0; 4.2 can be told to), marks every second copy
 *   as a retransmission or a duplicate ACK — wrong lessons. `view: 'per-host'` writes that file anyway (one interface
 *   per host, outbound and inbound copies, both times), for tools that separate interfaces.
 * - A segment the link lost is in the file once, at its send time, its comment saying it never arrived (as a capture
 *   on the sender shows it; on a per-host view it appears only on the sender's interface).
 * - LINKTYPE_RAW: packets start with the IPv4 header; there is no Ethernet in the simulator and no MACs to make up.
 * - IPv4 (DF, TTL 64, an identification counting per host) + TCP with both checksums right. TCP options exactly as
 *   the simulator sent them: its SYN carries MSS, SACK-permitted, timestamps and window scale; its SYN,ACK MSS,
 *   SACK-permitted and window scale; later segments none (Linux would put a timestamp on every one: a known
 *   difference, src/sim/README.md). Windows are written shifted by the scale both SYNs agreed on.
 * - Timestamps: the simulated time in microseconds after a fixed epoch, 2000-01-01 00:00:00 UTC (simulated time 0).
 * - A Name Resolution Block names every host of the run (client, server, www.example.com, …).
 * - Each packet's comment says why it was sent (the trace's `cause`: the call and its source line, the timer, or the
 *   rule and the segment it answered, with the RFC section), in English, as Wireshark and the RFCs word things.
 */
import type {SyscallRequest, TraceEvent} from '../sim/api';
import type {RunResult} from '../runner/types';
import {RFC} from '../components/SequenceDiagram/causeRfc';
import {ipv4TcpPacket} from './packet';
import {
  Bytes,
  DIRECTION_INBOUND,
  DIRECTION_OUTBOUND,
  EPB_FLAGS,
  IF_DESCRIPTION,
  IF_NAME,
  IF_TSRESOL,
  LINKTYPE_RAW,
  OPT_COMMENT,
  SHB_USERAPPL,
  enhancedPacket,
  interfaceDescription,
  nameResolution,
  sectionHeader,
  textOption,
  u32Option,
} from './pcapngBlocks';

/** Simulated time 0 is 2000-01-01T00:00:00Z: a fixed moment, so the same run always gives the same file. */
export const CAPTURE_EPOCH_SECONDS = 946_684_800;
/** if_tsresol 6: timestamps count microseconds */
const TSRESOL_MICROSECONDS = 6;
/** tcpdump's default snapshot length (nothing we write is longer) */
const SNAPLEN = 262_144;

type SegmentEvent = Extract<TraceEvent, {kind: 'segment'}>;

export interface PcapngOptions {
  /** the application named in the section header (default "Socket Lab") */
  application?: string;
  /** 'wire' (default): one interface, each segment once when it leaves; 'per-host': one interface per host, each
   *  segment leaving its sender's and arriving on its receiver's */
  view?: 'wire' | 'per-host';
}

/** The one interface of the merged view. */
const WIRE = {host: 'simulated network', description: 'every simulated link: each segment as it leaves its sender'};

/** A finished run's segments as pcapng bytes. */
export function toPcapng(result: RunResult, opts: PcapngOptions = {}): Uint8Array {
  const out = new Bytes();
  const cut = result.traceCut ? [textOption(OPT_COMMENT, `the run's trace was cut: its last ${result.traceCut} events (and their segments) are missing`)] : [];
  sectionHeader(out, [...cut, textOption(SHB_USERAPPL, opts.application ?? 'Socket Lab (simulated TCP/IP)')]);

  const perHost = opts.view === 'per-host';
  const hosts = hostsOf(result.trace);
  const ifaceOf = new Map<string, number>();
  const interfaces = perHost
    ? hosts.map((h) => ({host: h.host, description: `simulated host ${h.host} (${h.ip})${h.builtin ? ', a built-in server' : ''}`}))
    : [WIRE];
  for (const i of interfaces) {
    ifaceOf.set(i.host, ifaceOf.size);
    interfaceDescription(out, LINKTYPE_RAW, SNAPLEN, [
      textOption(IF_NAME, i.host),
      textOption(IF_DESCRIPTION, i.description),
      {code: IF_TSRESOL, value: new Uint8Array([TSRESOL_MICROSECONDS])},
    ]);
  }
  nameResolution(
    out,
    hosts.map((h) => ({ip: h.ip, names: [h.host]})),
  );

  const calls = callsOf(result);
  const windows = new WindowScales();
  const ipIds = new Map<string, number>();
  const records: {time: number; iface: number; packet: Uint8Array; flags: number; comment: string}[] = [];
  for (const e of result.trace) {
    if (e.kind !== 'segment') continue;
    const ipId = (ipIds.get(e.fromHost) ?? 0) + 1;
    ipIds.set(e.fromHost, ipId);
    const packet = ipv4TcpPacket({
      srcIp: e.src.ip,
      dstIp: e.dst.ip,
      srcPort: e.src.port,
      dstPort: e.dst.port,
      seq: e.seq,
      ack: e.ack,
      flags: e.flags,
      window: windows.field(e),
      options: e.options ?? [],
      payload: e.payload,
      ipId,
    });
    const why = causeText(e, calls);
    const from = perHost ? ifaceOf.get(e.fromHost) : 0;
    const to = perHost ? ifaceOf.get(e.toHost) : undefined;
    const arrival = e.arrives === null ? `lost on the link: it never reaches ${e.toHost}` : `arrives at ${e.toHost} at ${ms(e.arrives)}`;
    if (from !== undefined) {
      records.push({time: e.t, iface: from, packet, flags: DIRECTION_OUTBOUND, comment: `segment #${e.id} sent by ${e.fromHost}: ${why}; ${arrival}`});
    }
    if (to !== undefined && e.arrives !== null) {
      records.push({
        time: e.arrives,
        iface: to,
        packet,
        flags: DIRECTION_INBOUND,
        comment: `segment #${e.id} received by ${e.toHost}, sent by ${e.fromHost} at ${ms(e.t)}: ${why}`,
      });
    }
  }
  // in time order; at equal times, in the order the trace produced them (an arrival before the answer it causes)
  records
    .map((r, i) => ({r, i}))
    .sort((a, b) => a.r.time - b.r.time || a.i - b.i)
    .forEach(({r}) =>
      enhancedPacket(out, r.iface, timestampMicros(r.time), r.packet, [textOption(OPT_COMMENT, r.comment), u32Option(EPB_FLAGS, r.flags)]),
    );
  return out.result();
}

/** Microseconds since 1970 of a simulated time in ms. */
export function timestampMicros(simMs: number): number {
  return CAPTURE_EPOCH_SECONDS * 1_000_000 + Math.round(simMs * 1000);
}

function ms(t: number): string {
  return `${Number.isInteger(t) ? t : t.toFixed(3)} ms`;
}

/** Every host of the run, in the order the world created them. */
function hostsOf(trace: readonly TraceEvent[]): {host: string; ip: string; builtin: boolean}[] {
  const seen = new Map<string, {host: string; ip: string; builtin: boolean}>();
  for (const e of trace) if (e.kind === 'host' && !seen.has(e.host)) seen.set(e.host, {host: e.host, ip: e.ip, builtin: e.builtin});
  return [...seen.values()];
}

interface CallInfo {
  req: SyscallRequest;
  line: number | null;
}

function callsOf(result: RunResult): Map<number, CallInfo> {
  const lines = new Map(result.calls.map((c) => [c.callId, c.line]));
  const out = new Map<number, CallInfo>();
  for (const e of result.trace) if (e.kind === 'call') out.set(e.callId, {req: e.req, line: lines.get(e.callId) ?? null});
  return out;
}

/** Why the segment was sent, from the trace's `cause` (the simulator recorded it; nothing is guessed here). */
function causeText(e: SegmentEvent, calls: Map<number, CallInfo>): string {
  const c = e.cause;
  const rfc = (key: keyof typeof RFC) => (RFC[key] ? ` (${RFC[key]})` : '');
  switch (c.kind) {
    case 'call': {
      const effect = c.effect ? `, ${c.effect}${rfc(c.effect)}` : '';
      if (c.callId === null) return `${c.call}() by the built-in server on ${e.fromHost}${effect}`;
      const info = calls.get(c.callId);
      const fd = info && 'fd' in info.req ? `fd ${info.req.fd}` : '';
      const line = info?.line != null ? ` at line ${info.line}` : '';
      return `${c.call}(${fd})${line} (call #${c.callId})${effect}`;
    }
    case 'timer':
      return `timer: ${c.timer}${rfc(c.timer)}`;
    case 'rule':
      return `rule: ${c.rule}${c.inReplyTo !== null ? `, answering segment #${c.inReplyTo}` : ''}${rfc(c.rule)}`;
  }
}

/**
 * The window field as written: RFC 7323 §2.2 — a SYN's window is never scaled; afterwards each side shifts its
 * window by the scale it announced, if both SYNs carried the option. Tracked per direction of each address pair.
 */
class WindowScales {
  /** "src>dst" → the window scale the SYN from src offered (null: none) */
  private offered = new Map<string, number | null>();
  /** "src>dst" → the shift src applies to the windows it sends */
  private shift = new Map<string, number>();

  field(e: SegmentEvent): number {
    const dir = `${e.src.ip}:${e.src.port}>${e.dst.ip}:${e.dst.port}`;
    const back = `${e.dst.ip}:${e.dst.port}>${e.src.ip}:${e.src.port}`;
    if (e.flags.includes('S')) {
      const ws = e.options?.find((o) => o.kind === 'wscale');
      const mine = ws && ws.kind === 'wscale' ? ws.value : null;
      if (!e.flags.includes('A')) {
        this.offered.set(dir, mine);
        this.shift.delete(dir);
        this.shift.delete(back);
      } else {
        const theirs = this.offered.get(back) ?? null;
        const agreed = theirs !== null && mine !== null;
        this.shift.set(dir, agreed ? mine : 0);
        this.shift.set(back, agreed ? theirs : 0);
      }
      return Math.min(e.window, 0xffff);
    }
    return Math.min(e.window >>> (this.shift.get(dir) ?? 0), 0xffff);
  }
}
