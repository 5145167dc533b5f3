/**
 * One TCP connection: the RFC 9293 state machine (§3.3.2) with Linux's choices where the RFC leaves
 * room (delayed ACK of 40 ms, RTO 1 s initial with exponential backoff and a 200 ms floor, SYN given
 * up after 6 retransmissions, TIME-WAIT and the orphaned FIN-WAIT-2 timeout of 60 s, RFC 5961 RST and
 * SYN handling, RFC 1122's RST for data that arrives after the receiving side was shut).
 *
 * It owns a TcpSender and a TcpReceiver and speaks to the world only through TcpEnv (below) and
 * TcpUser (the socket above).
 */
import type {TcpState} from '../api';
import {ACK as _ACK, EMPTY as _EMPTY, FIN as _FIN, PSH as _PSH, RST as _RST, SYN as _SYN, segLength as _segLength, seqAdd as _seqAdd, seqDiff as _seqDiff, seqEq as _seqEq, seqGe as _seqGe, seqGt as _seqGt, replyTo as _replyTo, type Segment} from '../wire/segment';
import {Because as _Because, TimerKind as _TimerKind, type TimerKind as TimerKindType, type AbortError, type TcpEnv, type TcpUser, type TimerHandle, type Why} from './env';
import {DEFAULT_MSS, readOptions, synAckOptions, synOptions, type PeerOptions} from './options';
import {AckState, Congestion, ackFlight, growWindow} from './flowState';
import {TcpReceiver, type SegmentText} from './receiver';
import {TcpSender, type SenderMessage} from './sender';
import type {TcpOption} from '../wire/segment';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call on the per-segment path. Measured 2026-12-05 (the bulk transfer of
// scripts/bench.ts, 7 interleaved A/B runs, medians): without these lines 578k instead of 950k segments per
// CPU-second (0.64x); the simulator-heavy unit tests took 1.10x as long. src/sim/README.md "Speed".
const ACK = _ACK;
const EMPTY = _EMPTY;
const FIN = _FIN;
const PSH = _PSH;
const RST = _RST;
const SYN = _SYN;
const segLength = _segLength;
const seqAdd = _seqAdd;
const seqDiff = _seqDiff;
const seqEq = _seqEq;
const seqGe = _seqGe;
const seqGt = _seqGt;
const replyTo = _replyTo;
const TimerKind = _TimerKind;
const Because = _Because;
const rule = _Because.rule;

/** Linux constants (include/net/tcp.h and the default sysctls). */
export const RTO_INITIAL_MS = 1000;
export const RTO_MIN_MS = 200;
export const RTO_MAX_MS = 120_000;
/** TCP_ATO_MIN / TCP_DELACK_MIN: the shortest delayed-ACK timeout (HZ/25) */
export const DELAYED_ACK_MS = 40;
/** TCP_DELACK_MAX: the longest delayed-ACK timeout once the connection is interactive (pingpong) */
export const DELAYED_ACK_MAX_MS = 200;
/** HZ/2: the longest delayed-ACK timeout otherwise */
const DELAYED_ACK_BULK_MAX_MS = 500;
/**
 * A timer armed for "now" runs at the next tick: within one jiffy (4 ms at the recording kernel's
 * HZ=250); we take the middle of it.
 */
const NEXT_TICK_MS = 2;
/** one jiffy at HZ=250, the recording kernel's timer granularity */
const JIFFY_MS = 4;
/** TCP_MAX_QUICKACKS: ACKs sent at once at the start of a transfer (Linux tcp_incr_quickack) */
export const MAX_QUICKACKS = 16;
/** CUBIC's multiplicative decrease (beta = 717/1024 in Linux's tcp_cubic.c) */
const CUBIC_BETA = 717 / 1024;
/** tcp_reordering: duplicate ACKs that start a fast retransmit (RFC 5681 §3.2) */
const DUPACK_THRESHOLD = 3;
/** TCP_TIMEWAIT_LEN: Linux's 2*MSL */
export const TIME_WAIT_MS = 60_000;
/** tcp_fin_timeout: how long an orphaned connection may sit in FIN-WAIT-2 */
export const FIN_WAIT2_MS = 60_000;
export const SYN_RETRIES = 6;
/**
 * tcp_syn_linear_timeouts (Linux 6.5+): the first 4 SYN retransmissions keep the 1 s timeout before it
 * starts doubling, and they come on top of tcp_syn_retries. SYNs leave at 0, 1, 2, 3, 4, 5, 7, 11, 19,
 * 35, 67 s and connect() gives up with ETIMEDOUT at 131 s.
 */
export const SYN_LINEAR_TIMEOUTS = 4;
export const SYNACK_RETRIES = 5;
/**
 * TCP_TIMEOUT_MIN (2 jiffies; 8 ms at the HZ=250 of the recording kernel): how soon a SYN goes out again
 * after an unacceptable ACK in SYN-SENT (tcp_rcv_synsent_state_process). Recorded on 6.18: 10–13 ms
 * between the RST and the new SYN (the timer wheel adds up to a jiffy and a bit).
 */
export const SYN_QUICK_RETRY_MS = 8;
/**
 * What Linux adds to the old connection's SND.NXT for the ISN of a new connection on the same 4-tuple when
 * it takes a TIME-WAIT over: tw_snd_nxt + 65535 + 2 (tcp_twsk_unique, tcp_timewait_state_process).
 */
export const TW_ISN_GAP = 65537;
export const DATA_RETRIES = 15;
/**
 * Send buffer: tcp_wmem[1] is 16384, but Linux expands it when the connection is set up
 * (tcp_sndbuf_expand: room for twice the initial window of 10 segments, about 2 × 10 × 2304 bytes).
 * Receive buffer: tcp_rmem[1].
 */
export const SEND_BUFFER = 46080;
export const RECV_BUFFER = 131072;

/** Bits of TcpConnection.opts */
const Opt = {WindowScaled: 1, SackOk: 2, NoDelay: 4, SynAckSack: 8, SynAckWscale: 16} as const;
const MSS_SHIFT = 8;

/** What made output() send: PSH marks the end of a burst, except for one released by a duplicate ACK. */
export const Trigger = {Other: 0, Ack: 1, DupAck: 2, Timeout: 3} as const;
export type Trigger = (typeof Trigger)[keyof typeof Trigger];

export class TcpConnection {
  state: TcpState = 'CLOSED';
  readonly snd: TcpSender;
  readonly rcv: TcpReceiver;
  /** created by a listener for an incoming SYN (vs. by connect()) */
  passive = false;
  /**
   * Linux's RCV_SHUTDOWN: the application closed the socket or shut reading down. New data arriving
   * in FIN-WAIT-1/2 is then answered with RST (RFC 1122 §4.2.2.13).
   */
  rcvShut = false;
  /** no descriptor refers to the socket any more (affects the FIN-WAIT-2 timeout) */
  orphan = false;
  /** RFC 7323 TS.Recent: the peer's latest timestamp (TSval) we accepted, null before any */
  tsRecent: number | null = null;
  /** set when this TIME-WAIT gave way to a new SYN: the ISN Linux gives the new connection (tw_isn) */
  twIsn: number | null = null;

  private rtoTimer: TimerHandle | null = null;
  private delAckTimer: TimerHandle | null = null;
  private waitTimer: TimerHandle | null = null;
  /** current retransmission timeout, ms (RFC 6298) */
  rto = RTO_INITIAL_MS;
  private srtt = 0;
  private rttvar = 0;
  /** consecutive retransmissions of the same data */
  retries = 0;
  /**
   * RTT measurement in progress (Karn: none while retransmitting): the sequence number to be acknowledged, and
   * when it left (-1: none in progress; one field for both keeps an idle connection small)
   */
  private rttSeq = 0;
  private rttSent = -1;
  /** RCV.NXT we last acknowledged, and the window we last advertised */
  private lastAckSent = 0;
  private lastWindow = 0;

  /**
   * What the SYNs agreed on and socket options (Opt bits), and above them the send MSS (one number:
   * the benchmark's goal is memory per idle connection)
   */
  private opts: number;
  /** congestion window and flight, once data is sent; the delayed-ACK engine, once data arrives */
  private cc: Congestion | null = null;
  private ack: AckState | null = null;

  constructor(
    readonly env: TcpEnv,
    /** the socket on top; it also holds the connection's addresses (not copied here: memory per connection) */
    public user: TcpUser,
    sendBuffer = SEND_BUFFER,
    recvBuffer = RECV_BUFFER,
    iss = env.isn(user.localIp, user.localPort, user.remoteIp, user.remotePort),
  ) {
    this.snd = new TcpSender(iss, sendBuffer);
    this.rcv = new TcpReceiver(recvBuffer);
    this.opts = env.mss << MSS_SHIFT;
  }

  /** send MSS: our link's, lowered to the peer's MSS option (RFC 9293 §3.7.1; Linux tcp_sync_mss) */
  get mss(): number {
    return this.opts >>> MSS_SHIFT;
  }

  /** TCP_NODELAY: no Nagle */
  get noDelay(): boolean {
    return (this.opts & Opt.NoDelay) !== 0;
  }
  set noDelay(on: boolean) {
    this.opts = on ? this.opts | Opt.NoDelay : this.opts & ~Opt.NoDelay;
  }

  /** Take what the peer's SYN or SYN,ACK announced: MSS, window scaling, SACK (RFC 9293 §3.7.1, RFC 7323, RFC 2018). */
  private agree(peer: PeerOptions): void {
    const mss = Math.min(this.env.mss, peer.mss ?? DEFAULT_MSS);
    this.opts = (mss << MSS_SHIFT) | (this.opts & Opt.NoDelay) | (peer.wscale !== null ? Opt.WindowScaled : 0) | (peer.sackOk ? Opt.SackOk : 0);
  }

  private congestion(): Congestion {
    return (this.cc ??= new Congestion(this.snd.iss));
  }

  private ackState(): AckState {
    return (this.ack ??= new AckState());
  }

  get localIp(): string {
    return this.user.localIp;
  }
  get localPort(): number {
    return this.user.localPort;
  }
  get remoteIp(): string {
    return this.user.remoteIp;
  }
  get remotePort(): number {
    return this.user.remotePort;
  }

  // ---------------------------------------------------------------------------------------------
  // Calls from the socket
  // ---------------------------------------------------------------------------------------------

  /** Active OPEN (§3.10.1): send SYN, enter SYN-SENT. */
  connect(): void {
    this.setState('SYN-SENT');
    const syn = this.snd.synMessage();
    this.transmit(SYN, syn.seq, EMPTY, Because.call, this.synOptions());
    this.startRtt(this.snd.iss);
    this.armRto();
  }

  /** the options our SYN (SYN-SENT) or SYN,ACK carries, built again for each retransmission */
  private synOptions(): TcpOption[] {
    if (this.state === 'SYN-SENT') return synOptions(this.env.mss, this.env.now());
    return synAckOptions(this.env.mss, {
      mss: null, sackOk: (this.opts & Opt.SynAckSack) !== 0, wscale: this.opts & Opt.SynAckWscale ? 0 : null, timestamps: false,
    });
  }

  /** Passive OPEN answered (§3.10.7.2): a listener got `syn`; send SYN,ACK and enter SYN-RECEIVED. */
  acceptSyn(syn: Segment): void {
    this.passive = true;
    if (syn.tsval !== undefined) this.tsRecent = syn.tsval;
    this.rcv.synReceived(syn.seq);
    this.snd.takeWindow(syn);
    const peer = readOptions(syn.options);
    this.agree(peer);
    this.opts |= (peer.sackOk ? Opt.SynAckSack : 0) | (peer.wscale !== null ? Opt.SynAckWscale : 0);
    this.setState('SYN-RECEIVED');
    const msg = this.snd.synMessage();
    this.transmit(SYN | ACK, msg.seq, EMPTY, rule['syn-ack'], this.synOptions());
    this.startRtt(this.snd.iss); // the handshake's ACK gives the first RTT sample (Linux tcp_synack_rtt_meas)
    this.armRto();
  }

  /**
   * A listener under SYN flood protection answered a SYN with a SYN cookie and kept no state; this ACK
   * carries the cookie back, so the connection starts directly in ESTABLISHED (Linux cookie_v4_check).
   */
  openFromCookie(iss: number, irs: number, ack: Segment): void {
    this.passive = true;
    this.rcv.synReceived(irs);
    this.snd.synMessage();
    this.snd.acknowledge(seqAdd(iss, 1));
    this.snd.takeWindow(ack);
    this.lastAckSent = this.rcv.nxt;
    this.opts |= Opt.WindowScaled; // the cookie kept the SYN's window scale (Linux encodes it with timestamps)
    this.setState('ESTABLISHED'); // the handshake's last step (§3.5), its state kept in the cookie (RFC 4987 §3.6)
    if (ack.payload.length > 0 || ack.flags & FIN) this.synchronizedArrives(ack);
  }

  /** SEND (§3.10.2): queue bytes from `offset`, send what the window allows; returns bytes taken. */
  write(data: Uint8Array, offset: number): number {
    const n = this.snd.write(data, offset);
    if (n > 0) {
      this.output(Because.call);
      this.user.changed(this);
    }
    return n;
  }

  /** RECEIVE (§3.10.3): up to `max` bytes in order. */
  read(max: number): Uint8Array {
    const before = this.rcv.window();
    const data = this.rcv.read(max);
    if (data.length > 0) {
      // Linux tcp_cleanup_rbuf(): a pending ACK goes now if a full segment is unacknowledged, or if
      // small (pushed) segments were all read and the connection is not interactive
      if (
        this.delAckTimer &&
        (this.unacknowledged() > (this.ack?.rcvMss ?? DEFAULT_MSS) ||
          (this.ack !== null && this.rcv.buf.length === 0 && (this.ack.pushed & 2 || (this.ack.pushed & 1 && !this.ack.pingpong))))
      ) {
        this.sendAck(Because.call);
      } else {
        this.maybeWindowUpdate(before);
      }
      this.user.changed(this);
    }
    return data;
  }

  /** read() reached the FIN: consume it; Linux sends a pending ACK at once here. */
  readEof(): void {
    if (this.rcv.eofRead) return;
    this.rcv.consumeFin();
    if (this.delAckTimer) this.sendAck(Because.ackAtEof);
    this.user.changed(this);
  }

  /** CLOSE of the sending side (§3.10.4): queue a FIN after the data. Linux's tcp_close_state(). */
  closeWrite(): void {
    switch (this.state) {
      case 'SYN-SENT':
        this.toClosed(); // §3.10.4 SYN-SENT: delete the TCB
        return;
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.setState('FIN-WAIT-1'); // §3.10.4: form a FIN segment and send it, enter FIN-WAIT-1
        break;
      case 'CLOSE-WAIT':
        this.setState('LAST-ACK'); // §3.10.4 CLOSE-WAIT: send a FIN, enter LAST-ACK
        break;
      default:
        return;
    }
    this.snd.queueFin();
    this.output(Because.call);
    this.user.changed(this);
  }

  /**
   * ABORT (§3.10.5): send RST,ACK if the peer may still think the connection is open, then CLOSED.
   * Used by close() with unread data and for queued connections of a closed listener.
   */
  abort(why: Why): void {
    if (
      this.state === 'SYN-RECEIVED' || this.state === 'ESTABLISHED' || this.state === 'FIN-WAIT-1' ||
      this.state === 'FIN-WAIT-2' || this.state === 'CLOSE-WAIT'
    ) {
      this.transmit(RST | ACK, this.snd.nxt, EMPTY, why);
    }
    this.toClosed(); // §3.10.5: delete the TCB, enter CLOSED
  }

  /** setsockopt(TCP_NODELAY): with Nagle off, what it held back goes now (Linux tcp_push_pending_frames) */
  setNoDelay(on: boolean): void {
    this.noDelay = on;
    if (on) this.output(Because.call);
  }

  /**
   * A new connect() from the same address pair takes this connection over (Linux tcp_twsk_unique: allowed
   * for TIME-WAIT and an orphaned FIN-WAIT-2, the two kinds Linux keeps as timewait mini-sockets). It ends
   * without a segment; returns the new connection's ISN, 65537 past our send position.
   */
  takeOver(): number {
    const isn = seqAdd(this.snd.nxt, TW_ISN_GAP) | 0;
    this.env.note(`${this.describe()} in ${this.state} is taken over by a new connection on the same address pair`);
    this.finish();
    return isn === 0 ? 1 : isn;
  }

  /** Can a new connect() on this 4-tuple take this connection over (see takeOver)? */
  get reusable(): boolean {
    return this.state === 'TIME-WAIT' || (this.state === 'FIN-WAIT-2' && this.orphan);
  }

  /** The socket lost its last descriptor. */
  orphaned(): void {
    this.orphan = true;
    if (this.state === 'FIN-WAIT-2') this.armWait(FIN_WAIT2_MS);
  }

  // ---------------------------------------------------------------------------------------------
  // Segment arrival (§3.10.7)
  // ---------------------------------------------------------------------------------------------

  /**
   * Process one segment addressed to this connection. Returns false only when a TIME-WAIT connection
   * gives way to a new SYN: the caller then hands the SYN to the listener. `listening`: a listener would
   * take such a SYN (without one, Linux's TIME-WAIT answers it with an ACK instead).
   */
  segmentArrives(seg: Segment, listening = true): boolean {
    switch (this.state) {
      case 'CLOSED':
        return true;
      case 'SYN-SENT':
        this.synSentArrives(seg);
        return true;
      case 'TIME-WAIT':
        return this.timeWaitArrives(seg, listening);
      default:
        this.synchronizedArrives(seg);
        return true;
    }
  }

  /** §3.10.7.3 SYN-SENT STATE */
  private synSentArrives(seg: Segment): void {
    const f = seg.flags;
    if (f & ACK) {
      if (!seqGt(seg.ack, this.snd.iss) || seqGt(seg.ack, this.snd.nxt)) {
        // an ACK for something else (say a challenge ACK from the peer's old connection): reset it, and
        // as Linux does, send the SYN again soon instead of after the full RTO (only the first time)
        if (this.retries === 0) this.armRtoAt(this.env.now() + SYN_QUICK_RETRY_MS);
        if (!(f & RST)) this.env.transmit(replyTo(seg, {seq: seg.ack, ack: 0, flags: RST}), rule['rst-bad-ack']);
        return;
      }
    }
    if (f & RST) {
      if (f & ACK) this.abortWith('ECONNREFUSED');
      return;
    }
    if (!(f & SYN)) return;
    if (seg.tsval !== undefined) this.tsRecent = seg.tsval;
    this.rcv.synReceived(seg.seq);
    this.snd.takeWindow(seg);
    const peer = readOptions(seg.options);
    this.agree(peer);
    if (f & ACK) {
      this.ackArrived(seg.ack);
      this.setState('ESTABLISHED'); // §3.10.7.3: our SYN has been ACKed, enter ESTABLISHED
      this.user.established(this);
      this.sendAck(rule['handshake-ack']);
      this.output(rule['window-opened']);
    } else {
      // simultaneous open (§3.10.7.3: "Otherwise, enter SYN-RECEIVED"): SYN,ACK from SYN-SENT, re-using our ISN
      this.setState('SYN-RECEIVED');
      this.opts |= (peer.sackOk ? Opt.SynAckSack : 0) | (peer.wscale !== null ? Opt.SynAckWscale : 0);
      this.transmit(SYN | ACK, this.snd.iss, EMPTY, rule['simultaneous-open'], this.synOptions());
    }
  }

  /** Linux's tcp_timewait_state_process() for the TIME-WAIT state (RFC 9293 §3.10.7.4, RFC 1337 off). */
  private timeWaitArrives(seg: Segment, listening: boolean): boolean {
    const f = seg.flags;
    const len = segLength(seg);
    // PAWS (RFC 7323 §5): a segment whose timestamp is older than the last one accepted is an old duplicate
    const tsNewer = seg.tsval !== undefined && this.tsRecent !== null && seg.tsval > this.tsRecent;
    const pawsReject = seg.tsval !== undefined && this.tsRecent !== null && seg.tsval < this.tsRecent && !(f & RST);
    if (f & SYN && !(f & (RST | ACK)) && !pawsReject && (seqGt(seg.seq, this.rcv.nxt) || tsNewer)) {
      if (!listening) {
        // tcp_v4_rcv TCP_TW_SYN finds no listener and falls through to TCP_TW_ACK: the TIME-WAIT stays
        this.sendAck(rule['time-wait-ack']);
        return true;
      }
      // RFC 6191: a new connection on this address pair (sequence number or timestamp newer than the
      // old connection's) ends the TIME-WAIT; Linux TCP_TW_SYN gives it the ISN tw_snd_nxt + 65537
      this.twIsn = seqAdd(this.snd.nxt, TW_ISN_GAP) | 0 || 1;
      this.env.note(`a new SYN ends the TIME-WAIT of ${this.describe()} (RFC 6191)`);
      this.finish();
      return false;
    }
    if (pawsReject) {
      this.armWait(TIME_WAIT_MS);
      this.sendAck(rule['time-wait-ack']);
      return true;
    }
    if (seqEq(seg.seq, this.rcv.nxt) && (len === 0 || f & RST)) {
      if (f & RST) {
        this.env.note(`RST ends the TIME-WAIT of ${this.describe()}`);
        this.finish();
      } else {
        this.armWait(TIME_WAIT_MS);
      }
      return true;
    }
    if (!(f & RST)) {
      if (f & ACK) this.armWait(TIME_WAIT_MS);
      this.sendAck(rule['time-wait-ack']);
    }
    return true;
  }

  /** §3.10.7.4 Other states: SYN-RECEIVED, ESTABLISHED, FIN-WAIT-1/2, CLOSE-WAIT, CLOSING, LAST-ACK. */
  private synchronizedArrives(seg: Segment): void {
    const f = seg.flags;
    // a retransmitted SYN while we wait for the handshake's ACK: send the SYN,ACK again
    if (this.state === 'SYN-RECEIVED' && f & SYN && !(f & ACK) && seqDiff(seg.seq, this.rcv.irs) === 0) {
      this.transmit(SYN | ACK, this.snd.iss, EMPTY, rule['syn-ack-again'], this.synOptions());
      return;
    }
    // first: sequence number check
    let seq = seg.seq | 0;
    let data = seg.payload;
    let fin = (f & FIN) !== 0;
    const wnd = this.rcv.window();
    if (!this.rcv.acceptable(seq, segLength(seg), wnd)) {
      if (!(f & RST)) this.sendAck(rule['ack-unacceptable']);
      return;
    }
    if (seg.tsval !== undefined) this.tsRecent = seg.tsval; // RFC 7323 §4.3 (time only moves forward here)
    // second: RST (RFC 5961 §3.2: only an exact match resets, the rest of the window gets a challenge ACK)
    if (f & RST) {
      if (seqEq(seq, this.rcv.nxt)) this.resetArrived();
      else this.sendAck(rule['challenge-ack']);
      return;
    }
    // fourth: SYN in a synchronized state (RFC 5961 §4.2: challenge ACK)
    if (f & SYN) {
      this.sendAck(rule['challenge-ack']);
      return;
    }
    // fifth: ACK
    if (!(f & ACK)) return;
    if (this.state === 'SYN-RECEIVED') {
      if (!this.snd.acceptableAck(seg.ack)) {
        this.env.transmit(replyTo(seg, {seq: seg.ack, ack: 0, flags: RST}), rule['rst-bad-ack']);
        return;
      }
      if (!this.user.established(this)) return; // accept queue full: the ACK is dropped
      this.setState('ESTABLISHED'); // §3.10.7.4 fifth, SYN-RECEIVED: an acceptable ACK, enter ESTABLISHED
    }
    if (seqGt(seg.ack, this.snd.max)) {
      this.sendAck(rule['ack-too-new']); // acknowledges something not yet sent
      return;
    }
    const freed = this.snd.acceptableAck(seg.ack) ? this.ackArrived(seg.ack) : -1;
    const duplicate = this.updateWindow(seg, freed);
    // §3.10.7.4 fifth: our FIN acknowledged moves FIN-WAIT-1 to FIN-WAIT-2, CLOSING to TIME-WAIT, LAST-ACK to CLOSED
    if (this.snd.finAcked) {
      if (this.state === 'FIN-WAIT-1') {
        this.setState('FIN-WAIT-2');
        if (this.orphan) this.armWait(FIN_WAIT2_MS);
      } else if (this.state === 'CLOSING') {
        this.enterTimeWait();
        return;
      } else if (this.state === 'LAST-ACK') {
        this.finish();
        return;
      }
    }
    // seventh: segment text
    if (data.length > 0 || fin) {
      // trim what we already have and what does not fit the window
      const skip = seqDiff(this.rcv.nxt, seq);
      if (skip > 0) {
        data = data.subarray(Math.min(skip, data.length));
        seq = this.rcv.nxt;
      }
      if (data.length > wnd) {
        data = data.subarray(0, wnd);
        fin = false;
      }
      const newData = data.length > 0;
      const st = this.state;
      if (st === 'CLOSE-WAIT' || st === 'CLOSING' || st === 'LAST-ACK' || st === 'TIME-WAIT') {
        // the peer already sent its FIN: nothing more can come (Linux ignores it)
      } else if (newData && this.rcvShut && (st === 'FIN-WAIT-1' || st === 'FIN-WAIT-2')) {
        // RFC 1122 §4.2.2.13: data after close()/SHUT_RD is answered with RST, and the connection dies
        this.env.note(`${this.describe()} was closed for reading: new data is answered with RST`);
        this.env.transmit(replyTo(seg, {seq: seg.ack, ack: 0, flags: RST}), rule['rst-data-after-close']);
        this.abortWith('ECONNRESET');
        return;
      } else {
        this.dataArrived({seq, payload: data, fin});
        // part of it had arrived before: acknowledge at once, so the retransmitting sender learns it
        // quickly (Linux reports it as a D-SACK, RFC 2883, with an immediate ACK)
        if (skip > 0 && seg.payload.length > 0 && this.delAckTimer) this.sendAck(rule['ack-duplicate-data']);
      }
    }
    this.output(rule['window-opened'], freed >= 0 ? Trigger.Ack : duplicate ? Trigger.DupAck : Trigger.Other);
  }

  private resetArrived(): void {
    // Linux tcp_reset(): the errno depends on the state
    const err: AbortError =
      this.state === 'SYN-RECEIVED' && !this.passive ? 'ECONNREFUSED' : this.state === 'CLOSE-WAIT' ? 'EPIPE' : 'ECONNRESET';
    this.abortWith(err);
  }

  /** New data (and maybe FIN) inside the window, trimmed to it. */
  private dataArrived(text: SegmentText): void {
    const hadEarly = this.rcv.hasEarly();
    const wasFin = this.rcv.finReceived;
    if (text.payload.length > 0) this.dataEvent(text.payload.length);
    const inOrder = this.rcv.receive(text);
    if (!inOrder) {
      // out of order: a duplicate ACK at once, and quick ACKs after (RFC 5681 §4.2; Linux tcp_data_queue)
      this.enterQuickAck();
      this.sendAck(rule['ack-out-of-order']);
      return;
    }
    if (this.rcv.finReceived && !wasFin) this.finArrived();
    else this.ackCheck(hadEarly);
    this.user.readable(this);
    this.user.changed(this);
  }

  /**
   * Linux tcp_measure_rcv_mss() + tcp_event_data_recv(): learn the peer's segment size, note small
   * (pushed) segments, and adapt the delayed-ACK timeout to how fast data arrives. The first data
   * starts quick-ACK mode: up to 16 ACKs go out at once while the sender's window opens.
   */
  private dataEvent(len: number): void {
    const a = this.ackState();
    if (len >= a.rcvMss) a.rcvMss = Math.min(len, this.env.mss);
    else a.pushed |= a.pushed & 1 ? 3 : 1;
    const now = this.env.now();
    if (a.ato === 0) {
      this.enterQuickAck();
      a.ato = DELAYED_ACK_MS;
    } else {
      const m = now - a.lrcvtime;
      if (m <= DELAYED_ACK_MS / 2) a.ato = Math.floor(a.ato / 2 + DELAYED_ACK_MS / 2);
      else if (m < a.ato) a.ato = Math.min(Math.floor(a.ato / 2 + m), this.rto);
      else if (m > this.rto) this.enterQuickAck();
    }
    a.lrcvtime = now;
  }

  /** Linux tcp_incr_quickack(): enough quick ACKs to open the peer's window, at most 16 */
  private enterQuickAck(): void {
    const a = this.ackState();
    const n = Math.max(2, Math.min(MAX_QUICKACKS, Math.floor(this.rcv.window() / (2 * a.rcvMss))));
    if (n > a.quick) a.quick = n;
  }

  /**
   * Linux __tcp_ack_snd_check(): ACK at once when more than one full segment is unacknowledged
   * (RFC 9293 §3.8.6.3: at least every second full-sized segment), in quick-ACK mode, or when an
   * out-of-order hole was just filled; otherwise delay it.
   */
  private ackCheck(holeFilled: boolean): void {
    const a = this.ackState();
    const quick = a.quick > 0 && !a.pingpong;
    if (holeFilled) this.sendAck(rule['ack-gap-filled']);
    else if (this.unacknowledged() > a.rcvMss) this.sendAck(rule['ack-two-segments']);
    else if (quick) this.sendAck(rule['quick-ack']);
    else this.scheduleAck();
  }

  /** sequence space received in order since the last ACK we sent (Linux rcv_nxt - rcv_wup) */
  private unacknowledged(): number {
    return seqDiff(this.rcv.nxt, this.lastAckSent);
  }

  /** eighth: FIN (§3.10.7.4): ESTABLISHED to CLOSE-WAIT, FIN-WAIT-1 to CLOSING, FIN-WAIT-2 to TIME-WAIT */
  private finArrived(): void {
    switch (this.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.setState('CLOSE-WAIT');
        // Linux tcp_fin(): the connection turns interactive, so the ACK waits for a reply (close())
        // unless no data ever came (the delayed-ACK timeout is still 0 then)
        this.ackState().pingpong = true;
        this.scheduleAck();
        break;
      case 'FIN-WAIT-1':
        this.setState('CLOSING');
        this.sendAck(rule['ack-of-fin']);
        break;
      case 'FIN-WAIT-2':
        this.sendAck(rule['ack-of-fin']);
        this.enterTimeWait();
        break;
    }
  }

  /** An acceptable ACK: free acknowledged bytes, take an RTT sample, grow the window, manage the RTO. */
  private ackArrived(ack: number): number {
    if (this.rttSent >= 0 && seqGe(ack, this.rttSeq)) {
      this.rttSample(this.env.now() - this.rttSent);
      this.rttSent = -1;
    }
    const freed = this.snd.acknowledge(ack);
    this.retries = 0;
    const cc = this.cc;
    if (cc) {
      cc.dupAcks = 0;
      const outBefore = cc.packetsOut();
      const acked = ackFlight(cc, ack);
      // duplicate ACKs already counted some of these segments as gone (Linux tcp_remove_reno_sacks)
      const delivered = cc.sackedOut > 0 ? Math.max(acked - cc.sackedOut, 1) : acked;
      cc.sackedOut = acked - 1 >= cc.sackedOut ? 0 : cc.sackedOut - (acked - 1);
      if (cc.inRecovery) {
        if (seqGe(ack, cc.recoverSeq)) {
          cc.inRecovery = false; // RFC 6582: a full acknowledgement ends fast recovery
          cc.cwnd = Math.max(cc.ssthresh, 2);
          cc.sackedOut = 0;
        } else {
          this.retransmit(rule['loss-recovery']); // a partial acknowledgement: the next hole is resent at once
        }
      } else if (acked > 0) {
        growWindow(cc, delivered, outBefore);
      }
      if (cc.probing && seqGe(ack, cc.probeHigh)) cc.probing = false;
    }
    if (this.snd.inFlight() > 0) {
      this.armRto();
      this.armLossProbe();
    } else {
      this.clearRto();
      this.clearLossProbe();
    }
    if (freed > 0) this.user.writable(this);
    this.user.changed(this); // Send-Q counts the SYN and the FIN too: an ACK of either changes it
    return freed;
  }

  /** Linux tcp_packets_in_flight() without SACK: sent, not acknowledged, not counted gone by a duplicate ACK */
  private inFlightPackets(): number {
    const cc = this.cc;
    return cc ? cc.packetsOut() - cc.sackedOut : 0;
  }

  /**
   * SND.WND update rule (§3.10.7.4 fifth) and duplicate ACKs (RFC 5681 §3.2): each one counts a
   * segment as having left the network, which lets one new segment out (limited transmit, RFC 3042);
   * the third starts a fast retransmit and fast recovery. Returns true for a duplicate ACK.
   */
  private updateWindow(seg: Segment, freed: number): boolean {
    const s = this.snd;
    const before = s.updateWindow(seg);
    if (before < 0) return false;
    let duplicate = false;
    const cc = this.cc;
    if (cc && freed < 0 && seg.payload.length === 0 && !(seg.flags & FIN) && seg.window === before && s.inFlight() > 0 && seqEq(seg.ack, s.una)) {
      duplicate = true;
      cc.dupAcks++;
      if (cc.sackedOut < cc.packetsOut() - 1) cc.sackedOut++;
      if (cc.dupAcks === DUPACK_THRESHOLD && !cc.inRecovery) {
        this.env.note(`three duplicate ACKs: ${this.describe()} retransmits at once (fast retransmit)`);
        cc.ssthresh = Math.max(Math.floor(cc.cwnd * CUBIC_BETA), 2);
        cc.cwnd = cc.ssthresh;
        cc.inRecovery = true;
        cc.recoverSeq = s.max;
        this.retransmit(rule['fast-retransmit']);
      }
    }
    if (seg.window > before && cc?.persistTimer) this.clearPersist();
    return duplicate;
  }

  // ---------------------------------------------------------------------------------------------
  // Output
  // ---------------------------------------------------------------------------------------------

  /**
   * Send whatever data/FIN the peer's window, the congestion window and Nagle's algorithm allow.
   * Each segment is sent once the next one is known, so the last of the burst can carry PSH.
   */
  output(why: Why, trigger: Trigger = Trigger.Other): void {
    const st = this.state;
    if (st !== 'ESTABLISHED' && st !== 'CLOSE-WAIT' && st !== 'FIN-WAIT-1' && st !== 'LAST-ACK' && st !== 'CLOSING') return;
    const snd = this.snd;
    if (snd.unsent() === 0 && (!snd.finQueued || snd.finSent)) return;
    const cc = this.congestion();
    let held: SenderMessage | null = null;
    for (;;) {
      if (cc.packetsOut() - cc.sackedOut >= cc.cwnd) break;
      // Nagle (RFC 9293 §3.7.4) as Linux runs it (Minshall): a short segment waits while an earlier
      // short one is unacknowledged, unless TCP_NODELAY
      const wholeOnly = !(this.opts & Opt.NoDelay) && cc.packetsOut() > 0 && seqGt(cc.sndSml, snd.una);
      const msg = snd.next(this.mss, wholeOnly);
      if (!msg) break;
      if (held) this.transmitData(held, held.push, why);
      held = msg;
      this.newDataSent(cc, msg);
    }
    if (held) {
      this.transmitData(held, held.push || trigger === Trigger.Ack || trigger === Trigger.Other, why);
      if (!this.rtoTimer) this.armRto();
      this.armLossProbe();
    }
    // zero window with data waiting and nothing in flight: probe (RFC 9293 §3.8.6.1)
    if (this.snd.wnd === 0 && this.snd.unsent() > 0 && this.snd.inFlight() === 0 && !cc.persistTimer) {
      cc.persistTimer = this.env.schedule(this, TimerKind.Persist, this.env.now() + this.rto);
    }
  }

  /**
   * Bookkeeping of a segment of new data (Linux tcp_event_new_data_sent, tcp_minshall_update): it joins the
   * flight, a short one is remembered for Nagle, and it starts an RTT sample if none is running.
   */
  private newDataSent(cc: Congestion, msg: SenderMessage): void {
    const end = seqAdd(msg.seq, msg.payload.length + (msg.fin ? 1 : 0));
    if (msg.payload.length < this.mss) cc.sndSml = end;
    cc.flight.push(end);
    if (this.rttSent < 0) this.startRtt(end);
  }

  /** A segment of data and/or FIN; `push` asks for PSH (only a segment with data gets it). */
  private transmitData(msg: SenderMessage, push: boolean, why: Why): void {
    const payload = msg.payload;
    this.transmit(ACK | (msg.fin ? FIN : 0) | (push && payload.length > 0 ? PSH : 0), msg.seq, payload, why);
    // Linux tcp_event_data_sent(): answering within the ACK timeout makes the connection interactive
    const a = this.ack;
    if (a && payload.length > 0 && a.ato > 0 && this.env.now() - a.lrcvtime < a.ato) a.pingpong = true;
  }

  private emit(msg: SenderMessage, withAck: boolean, why: Why): void {
    let flags = withAck ? ACK : 0;
    if (msg.syn) flags |= SYN;
    if (msg.fin) flags |= FIN;
    if (msg.push) flags |= PSH;
    this.transmit(flags, msg.seq, msg.payload, why, msg.syn ? this.synOptions() : undefined);
  }

  /**
   * Put one segment from this connection on the wire; any ACK it carries cancels a delayed ACK. Its ACK and
   * window come from the receiver's message alone. Its window may be scaled only if it is no SYN and both SYNs
   * agreed on scaling (RFC 7323 §2.2, §2.3); the receiver applies the 65535 clamp otherwise.
   */
  private transmit(flags: number, seq: number, payload: Uint8Array, why: Why, options?: TcpOption[]): void {
    const m = this.rcv.message(!(flags & SYN) && (this.opts & Opt.WindowScaled) !== 0);
    const window = m.window;
    const ack = flags & ACK ? m.ackno : 0;
    if (flags & ACK) {
      // Linux tcp_event_ack_sent(): an ACK of new data uses up one quick ACK
      const a = this.ack;
      if (a) {
        if ((this.delAckTimer || seqGt(ack, this.lastAckSent)) && a.quick > 0 && --a.quick === 0) a.ato = DELAYED_ACK_MS;
        a.pushed = 0;
      }
      this.lastAckSent = ack;
      this.lastWindow = window;
      if (this.delAckTimer) {
        this.env.cancel(this.delAckTimer);
        this.delAckTimer = null;
      }
    }
    const seg: Segment = {
      srcIp: this.localIp, dstIp: this.remoteIp, srcPort: this.localPort, dstPort: this.remotePort,
      seq, ack, flags, window, payload,
      // RFC 7323 timestamps: every segment but RST carries the sender's clock (see wire/segment.ts)
      tsval: flags & RST ? undefined : Math.floor(this.env.now()),
    };
    if (options) seg.options = options;
    this.env.transmit(seg, why);
  }

  sendAck(why: Why): void {
    this.transmit(ACK, this.snd.nxt, EMPTY, why);
  }

  /**
   * Linux tcp_send_delayed_ack(): the timeout is the adaptive `ato`, at most 200 ms once interactive
   * (500 ms otherwise) and at most the smoothed RTT (but never under 40 ms); 0 before any data came.
   */
  private scheduleAck(): void {
    const a = this.ack;
    let ato = a ? a.ato : 0;
    if (a && ato > DELAYED_ACK_MS) {
      let maxAto = a.pingpong || a.pushed ? DELAYED_ACK_MAX_MS : DELAYED_ACK_BULK_MAX_MS;
      if (this.srtt > 0) maxAto = Math.min(maxAto, Math.max(this.srtt, DELAYED_ACK_MS));
      ato = Math.min(ato, maxAto);
    }
    // before any data the timeout is 0: the timer runs at the next tick of the kernel's timer wheel
    ato = Math.max(Math.min(ato, DELAYED_ACK_MAX_MS), NEXT_TICK_MS);
    const at = this.env.now() + ato;
    const t = this.delAckTimer;
    if (t) {
      // a timer due within a quarter of the timeout: ACK now instead (Linux sends it at once)
      if (t.t <= this.env.now() + ato / 4) this.sendAck(Because.delayedAck);
      return;
    }
    this.delAckTimer = this.env.schedule(this, TimerKind.DelAck, at);
  }

  /** After a read: tell the peer when the window opened a lot (Linux tcp_cleanup_rbuf). */
  private maybeWindowUpdate(before: number): void {
    const now = this.rcv.window();
    const st = this.state;
    if (st !== 'ESTABLISHED' && st !== 'FIN-WAIT-1' && st !== 'FIN-WAIT-2') return;
    const threshold = Math.min(this.rcv.capacity / 2, 2 * this.mss);
    if (this.lastWindow < threshold && now - this.lastWindow >= threshold && now > before) this.sendAck(Because.windowUpdate);
  }

  private retransmit(why: Why): void {
    const msg = this.snd.retransmission(this.mss);
    if (!msg) return;
    this.rttSent = -1; // Karn: no RTT sample from retransmitted data
    const st = this.state;
    this.emit(msg, !(msg.syn && st === 'SYN-SENT'), why);
  }

  // ---------------------------------------------------------------------------------------------
  // Timers
  // ---------------------------------------------------------------------------------------------

  onTimer(kind: TimerKindType): void {
    switch (kind) {
      case TimerKind.DelAck:
        this.delAckTimer = null;
        if (this.state === 'CLOSED') return;
        // Linux tcp_delack_timer_handler(): a missed delayed ACK leaves interactive mode, or doubles the timeout
        if (this.ack) {
          const a = this.ack;
          if (a.pingpong) {
            a.pingpong = false;
            a.ato = DELAYED_ACK_MS;
          } else {
            a.ato = Math.min(a.ato * 2, this.rto);
          }
        }
        this.sendAck(Because.delayedAck);
        return;
      case TimerKind.Wait:
        this.waitTimer = null;
        if (this.state === 'TIME-WAIT') this.env.note(`TIME-WAIT of ${this.describe()} is over after 60 s`);
        else this.env.note(`${this.describe()} gave up waiting for the peer's FIN in FIN-WAIT-2 (60 s)`);
        this.finish(); // §3.10.8 time-wait timeout: delete the TCB (the FIN-WAIT-2 one is Linux's tcp_fin_timeout)
        return;
      case TimerKind.Persist:
        if (this.cc) this.cc.persistTimer = null;
        if (this.snd.wnd === 0 && this.snd.unsent() > 0 && this.state !== 'CLOSED') {
          this.transmit(ACK, seqAdd(this.snd.una, -1), EMPTY, Because.persist); // a window probe the peer must answer
          this.rto = Math.min(this.rto * 2, RTO_MAX_MS);
          this.congestion().persistTimer = this.env.schedule(this, TimerKind.Persist, this.env.now() + this.rto);
        }
        return;
      case TimerKind.LossProbe:
        if (this.cc) this.cc.probeTimer = null;
        if (this.state !== 'CLOSED' && this.cc && this.cc.packetsOut() > 0) this.sendLossProbe();
        return;
      case TimerKind.Rto:
        this.rtoTimer = null;
        if (this.env.now() < this.rtoDeadline) {
          this.rtoTimer = this.env.schedule(this, TimerKind.Rto, this.rtoDeadline);
          return;
        }
        this.retransmitTimeout();
        return;
    }
  }

  /** RFC 6298 §5.4–5.6 with Linux's retry limits. */
  private retransmitTimeout(): void {
    if (this.snd.inFlight() <= 0) return;
    this.clearLossProbe();
    const synSent = this.state === 'SYN-SENT';
    const limit = synSent ? this.env.synRetries + SYN_LINEAR_TIMEOUTS : this.state === 'SYN-RECEIVED' ? SYNACK_RETRIES : DATA_RETRIES;
    if (this.retries >= limit) {
      this.env.note(`${this.describe()} gave up after ${this.retries} retransmissions: connection timed out`);
      this.abortWith('ETIMEDOUT');
      return;
    }
    this.retries++;
    if (!synSent || this.retries > SYN_LINEAR_TIMEOUTS) this.rto = Math.min(this.rto * 2, RTO_MAX_MS);
    this.env.note(`retransmission timeout: ${this.describe()} sends again (attempt ${this.retries}, next timeout ${this.rto} ms)`);
    if (this.state === 'SYN-RECEIVED') this.transmit(SYN | ACK, this.snd.iss, EMPTY, Because.synAckRto, this.synOptions());
    else if (synSent) this.retransmit(Because.synRto);
    else {
      // Linux tcp_enter_loss(): everything outstanding counts as lost, the window restarts at one
      // segment and slow start resends from SND.UNA (RFC 5681 §3.1, RFC 6298 §5.4)
      const cc = this.congestion();
      if (!cc.inRecovery || this.retries === 1) cc.ssthresh = Math.max(Math.floor(cc.cwnd * CUBIC_BETA), 2);
      cc.cwnd = 1;
      cc.cwndCount = 0;
      cc.inRecovery = false;
      cc.sackedOut = 0;
      cc.probing = false;
      cc.flight.length = 0;
      cc.head = 0;
      cc.dupAcks = 0;
      this.snd.rewind();
      this.rttSent = -1;
      this.output(Because.rto, Trigger.Timeout);
    }
    this.armRto();
  }

  /**
   * Linux tcp_schedule_loss_probe(): on a SACK connection in the open state with data outstanding, a
   * probe after two smoothed RTTs (plus the 200 ms delayed-ACK allowance when one segment is out, else
   * plus 2 jiffies), or 1 s before any RTT sample, but never after the retransmission timeout.
   */
  private armLossProbe(): void {
    this.clearLossProbe();
    const cc = this.cc;
    if (!(this.opts & Opt.SackOk) || !cc || cc.inRecovery || cc.probing || this.retries > 0 || cc.packetsOut() === 0) return;
    const st = this.state;
    if (st !== 'ESTABLISHED' && st !== 'CLOSE-WAIT' && st !== 'FIN-WAIT-1' && st !== 'LAST-ACK' && st !== 'CLOSING') return;
    let timeout = this.srtt > 0 ? 2 * this.srtt + (cc.packetsOut() === 1 ? RTO_MIN_MS : 2 * JIFFY_MS) : RTO_INITIAL_MS;
    timeout = Math.min(timeout, Math.max(0, this.rtoDeadline - this.env.now()));
    cc.probeTimer = this.env.schedule(this, TimerKind.LossProbe, this.env.now() + timeout);
  }

  private clearLossProbe(): void {
    const cc = this.cc;
    if (cc && cc.probeTimer) {
      this.env.cancel(cc.probeTimer);
      cc.probeTimer = null;
    }
  }

  /** Linux tcp_send_loss_probe(): one new segment if the peer's window allows, else the last one again. */
  private sendLossProbe(): void {
    const cc = this.congestion();
    const sentBefore = this.snd.max;
    // new data goes as output() sends it (Linux: tcp_write_xmit with Nagle off, one segment)
    const msg = this.snd.next(this.mss);
    const probe = msg ?? this.snd.tail(this.mss);
    if (!probe) return;
    if (msg) this.newDataSent(cc, msg);
    this.transmitData(probe, probe.push, Because.lossProbe);
    this.env.note(`tail loss probe: ${this.describe()} sends ${msg ? 'new data' : 'its last segment again'} to provoke an ACK (RFC 8985 §7)`);
    cc.probing = true;
    cc.probeHigh = seqGt(this.snd.max, sentBefore) ? this.snd.max : sentBefore;
    this.rttSent = -1;
    this.armRto(true);
  }

  private rttSample(r: number): void {
    if (this.srtt === 0) {
      this.srtt = r;
      this.rttvar = r / 2;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
      this.srtt = 0.875 * this.srtt + 0.125 * r;
    }
    this.rto = Math.min(RTO_MAX_MS, this.srtt + Math.max(RTO_MIN_MS, 4 * this.rttvar));
  }

  private startRtt(seq: number): void {
    this.rttSeq = seq;
    this.rttSent = this.env.now();
  }

  /**
   * (Re)start the retransmission timer. Every ACK restarts it, so instead of cancelling and scheduling
   * each time, an earlier pending timer is kept and simply re-armed for the deadline when it fires.
   */
  private armRto(restart = false): void {
    const at = this.env.now() + this.rto;
    this.rtoDeadline = at;
    const t = this.rtoTimer;
    if (!restart && t && !t.cancelled && t.t <= at) return;
    if (t) this.env.cancel(t);
    this.rtoTimer = this.env.schedule(this, TimerKind.Rto, at);
  }
  private rtoDeadline = 0;

  /** Run the retransmission timer at `at` exactly, earlier than the RTO would (the RTO itself is kept). */
  private armRtoAt(at: number): void {
    this.rtoDeadline = at;
    if (this.rtoTimer) this.env.cancel(this.rtoTimer);
    this.rtoTimer = this.env.schedule(this, TimerKind.Rto, at);
  }

  private clearRto(): void {
    if (this.rtoTimer) {
      this.env.cancel(this.rtoTimer);
      this.rtoTimer = null;
    }
  }

  private clearPersist(): void {
    const cc = this.cc;
    if (cc && cc.persistTimer) {
      this.env.cancel(cc.persistTimer);
      cc.persistTimer = null;
    }
  }

  private armWait(ms: number): void {
    if (this.waitTimer) this.env.cancel(this.waitTimer);
    this.waitTimer = this.env.schedule(this, TimerKind.Wait, this.env.now() + ms);
  }

  private cancelAll(): void {
    this.clearRto();
    this.clearLossProbe();
    this.clearPersist();
    if (this.delAckTimer) {
      this.env.cancel(this.delAckTimer);
      this.delAckTimer = null;
    }
    if (this.waitTimer) {
      this.env.cancel(this.waitTimer);
      this.waitTimer = null;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // State changes
  // ---------------------------------------------------------------------------------------------

  private setState(s: TcpState): void {
    this.state = s;
    this.user.changed(this);
  }

  private enterTimeWait(): void {
    this.clearRto();
    this.clearPersist();
    this.setState('TIME-WAIT');
    this.armWait(TIME_WAIT_MS);
  }

  private toClosed(): void {
    this.cancelAll();
    this.setState('CLOSED');
  }

  private abortWith(err: AbortError): void {
    this.toClosed();
    this.user.aborted(this, err);
  }

  /** The connection is over and forgotten. */
  private finish(): void {
    this.toClosed();
    this.user.finished(this);
  }

  describe(): string {
    return `${this.localIp}:${this.localPort}→${this.remoteIp}:${this.remotePort}`;
  }
}
