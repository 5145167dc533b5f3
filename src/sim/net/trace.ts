/**
 * The trace the UI reads (TraceEvent, src/sim/api.ts), as the world writes it: events in order with their
 * listeners told of each, segments numbered and given tcpdump's relative sequence numbers, and each
 * socket's view (state and the `ss` queue columns) emitted when it changes. The world decides when an
 * event happens and why; this module decides what the event holds.
 */
import type {SegmentCause, SockAddr, TraceEvent} from '../api';
import type {Socket} from '../socket/socket';
import type {TcpConnection} from '../tcp/connection';
import {flagString, SYN, ACK, type Segment} from '../wire/segment';

export class TraceWriter {
  readonly events: TraceEvent[] = [];
  private readonly listeners = new Set<(e: TraceEvent) => void>();
  private segSeq = 0;
  /** ISN per direction "ip:port>ip:port", to show relative seq/ack numbers like tcpdump */
  private readonly isn = new Map<string, number>();
  /** sockets whose queue lengths changed since the last flush */
  private dirty: Socket[] = [];
  private readonly lastView = new Map<Socket, string>();
  private readonly lastState = new Map<Socket, string>();

  constructor(
    /** false: nothing is kept (the benchmark's bulk runs, the packetdrill peer) */
    readonly on: boolean,
    /** the world's virtual clock */
    private readonly now: () => number,
  ) {}

  subscribe(listener: (e: TraceEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: TraceEvent): void {
    if (!this.on) return;
    this.events.push(e);
    for (const l of this.listeners) l(e);
  }

  note(host: string, text: string): void {
    this.emit({kind: 'note', t: this.now(), host, text});
  }

  /** A segment left `fromHost` (arriving at `arrives`, or lost: null); returns its id in the trace. */
  segment(fromHost: string, toHost: string, seg: Segment, arrives: number | null, callId: number | null, cause: SegmentCause): number {
    const id = ++this.segSeq;
    const dir = `${seg.srcIp}:${seg.srcPort}>${seg.dstIp}:${seg.dstPort}`;
    if (seg.flags & SYN) this.isn.set(dir, seg.seq);
    // a new connection attempt on this address pair: the other direction's old ISN no longer applies
    // (as the oracle does it; else a reply would be shown relative to the previous connection)
    if (seg.flags & SYN && !(seg.flags & ACK)) this.isn.delete(`${seg.dstIp}:${seg.dstPort}>${seg.srcIp}:${seg.srcPort}`);
    const mine = this.isn.get(dir);
    const theirs = this.isn.get(`${seg.dstIp}:${seg.dstPort}>${seg.srcIp}:${seg.srcPort}`);
    const hasAck = (seg.flags & ACK) !== 0;
    this.emit({
      kind: 'segment',
      t: this.now(),
      id,
      fromHost,
      toHost,
      src: {ip: seg.srcIp, port: seg.srcPort},
      dst: {ip: seg.dstIp, port: seg.dstPort},
      flags: flagString(seg.flags),
      seq: seg.seq >>> 0,
      ack: hasAck ? seg.ack >>> 0 : null,
      relSeq: mine !== undefined ? (seg.seq - mine) >>> 0 : seg.seq === 0 ? 0 : null,
      relAck: hasAck && theirs !== undefined ? (seg.ack - theirs) >>> 0 : null,
      window: seg.window,
      len: seg.payload.length,
      payload: seg.payload,
      ...(seg.options ? {options: seg.options} : {}),
      arrives,
      callId,
      cause,
    });
    return id;
  }

  sockChanged(sock: Socket): void {
    if (!this.on || sock.dead) return;
    // a new state is shown at once, so the trace holds every state a socket passes through;
    // queue-length changes are gathered and shown once the event is processed
    if (this.lastState.get(sock) !== sock.state) this.emitView(sock);
    else this.dirty.push(sock);
  }

  sockGone(sock: Socket): void {
    if (!this.on) return;
    this.flush();
    this.lastView.delete(sock);
    this.lastState.delete(sock);
    this.emit({kind: 'sock-gone', t: this.now(), host: sock.host.name, sock: sock.id});
  }

  fdChanged(host: string, fd: number, sock: Socket | null): void {
    if (!this.on) return;
    this.flush();
    this.emit({kind: 'fd', t: this.now(), host, fd, sock: sock ? sock.id : null});
  }

  /** Emit a `sock` event for every socket whose view changed since its last one. */
  flush(): void {
    if (this.dirty.length === 0) return;
    const list = this.dirty;
    this.dirty = [];
    for (const s of list) if (!s.dead) this.emitView(s);
  }

  /** A `sock` event with the socket's full view, unless it equals the last one. */
  private emitView(s: Socket): void {
    const view = sockView(s);
    const key = `${view.state}|${view.recvQ}|${view.sendQ}|${view.local.ip}:${view.local.port}|${
      view.remote ? view.remote.ip + ':' + view.remote.port : '-'}|${view.orphan}`;
    if (this.lastView.get(s) === key) return;
    this.lastView.set(s, key);
    this.lastState.set(s, view.state);
    this.emit({kind: 'sock', t: this.now(), host: s.host.name, sock: s.id, ...view});
  }
}

function sockView(s: Socket): {
  local: SockAddr; remote: SockAddr | null; state: ReturnType<() => Socket['state']>;
  recvQ: number; sendQ: number; recvBuf: number; sendBuf: number; orphan: boolean;
} {
  const q = s.listenQ;
  const c = s.conn;
  return {
    local: {ip: s.localIp, port: s.localPort},
    remote: s.remotePort ? {ip: s.remoteIp, port: s.remotePort} : null,
    state: s.state,
    // `ss -tan` (inet_diag): a listener shows its accept queue and backlog; a half-open connection is a
    // request socket and TIME-WAIT a timewait socket, both 0/0; a connection rcv_nxt - copied_seq (an
    // unread FIN included) and write_seq - snd_una (an unacknowledged SYN or FIN included)
    recvQ: q ? q.ready.length : c && !miniSocket(c) ? c.rcv.recvQ() : 0,
    sendQ: q ? q.backlog : c && !miniSocket(c) ? c.snd.sendQ() : 0,
    recvBuf: s.recvBuf,
    sendBuf: s.sendBuf,
    orphan: s.orphan,
  };
}

/**
 * Linux keeps these as small sockets without queues, which ss shows as 0/0: a half-open passive
 * connection (request socket), TIME-WAIT and an orphaned FIN-WAIT-2 (timewait sockets).
 */
function miniSocket(c: TcpConnection): boolean {
  const st = c.state;
  return (st === 'SYN-RECEIVED' && c.passive) || st === 'TIME-WAIT' || (st === 'FIN-WAIT-2' && c.orphan);
}
