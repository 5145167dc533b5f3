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
import {ACK as _ACK, EMPTY as _EMPTY, FIN as _FIN, PSH as _PSH, RST as _RST, SYN as _SYN, segLength as _segLength, seqAdd as _seqAdd, seqDiff as _seqDiff, seqEq as _seqEq, seqGe as _seqGe, seqGt as _seqGt, seqLt as _seqLt, type Segment} from '../wire/segment';
import {Because as _Because, TimerKind as _TimerKind, type TimerKind as TimerKindType, type AbortError, type TcpEnv, type TcpUser, type TimerHandle, type Why} from './env';
import {TcpReceiver} from './receiver';
import {TcpSender, type SenderMessage} from './sender';
// Imported names bound to local constants: under the CommonJS build tsx and vitest use, each use of an
// imported binding is a getter call, which costs a lot on the per-segment path.
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
const seqLt = _seqLt;
const TimerKind = _TimerKind;
const Because = _Because;
const rule = _Because.rule;

/** Linux constants (include/net/tcp.h and the default sysctls). */
export const RTO_INITIAL_MS = 1000;
export const RTO_MIN_MS = 200;
export const RTO_MAX_MS = 120_000;
export const DELAYED_ACK_MS = 40;
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
export const DATA_RETRIES = 15;
/**
 * Send buffer: tcp_wmem[1] is 16384, but Linux expands it when the connection is set up
 * (tcp_sndbuf_expand: room for twice the initial window of 10 segments, about 2 × 10 × 2304 bytes).
 * Receive buffer: tcp_rmem[1].
 */
export const SEND_BUFFER = 46080;
export const RECV_BUFFER = 131072;

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

  private rtoTimer: TimerHandle | null = null;
  private delAckTimer: TimerHandle | null = null;
  private waitTimer: TimerHandle | null = null;
  private persistTimer: TimerHandle | null = null;
  /** current retransmission timeout, ms (RFC 6298) */
  rto = RTO_INITIAL_MS;
  private srtt = 0;
  private rttvar = 0;
  /** consecutive retransmissions of the same data */
  retries = 0;
  /** RTT measurement in progress (Karn: none while retransmitting): sequence number to be acknowledged and when it left */
  private rttActive = false;
  private rttSeq = 0;
  private rttSent = 0;
  private dupAcks = 0;
  /** RCV.NXT we last acknowledged, and the window we last advertised */
  private lastAckSent = 0;
  private lastWindow = 0;

  constructor(
    readonly env: TcpEnv,
    /** the socket on top; it also holds the connection's addresses (not copied here: memory per connection) */
    public user: TcpUser,
    sendBuffer = SEND_BUFFER,
    recvBuffer = RECV_BUFFER,
    iss = env.random32(),
  ) {
    this.snd = new TcpSender(iss, sendBuffer);
    this.rcv = new TcpReceiver(recvBuffer);
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
    this.emit(this.snd.synMessage(), false, Because.call);
    this.startRtt(this.snd.iss);
    this.armRto();
  }

  /** Passive OPEN answered (§3.10.7.2): a listener got `syn`; send SYN,ACK and enter SYN-RECEIVED. */
  acceptSyn(syn: Segment): void {
    this.passive = true;
    this.rcv.synReceived(syn.seq);
    this.snd.wnd = syn.window;
    this.snd.wl1 = syn.seq | 0;
    this.setState('SYN-RECEIVED');
    this.emit(this.snd.synMessage(), true, rule['syn-ack']);
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
    this.snd.wnd = ack.window;
    this.snd.wl1 = ack.seq | 0;
    this.snd.wl2 = ack.ack | 0;
    this.lastAckSent = this.rcv.nxt;
    this.setState('ESTABLISHED');
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
      this.maybeWindowUpdate(before);
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
        this.toClosed();
        return;
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.setState('FIN-WAIT-1');
        break;
      case 'CLOSE-WAIT':
        this.setState('LAST-ACK');
        break;
      default:
        return;
    }
    this.snd.finQueued = true;
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
    this.toClosed();
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
   * gives way to a new SYN: the caller then hands the SYN to the listener.
   */
  segmentArrives(seg: Segment): boolean {
    switch (this.state) {
      case 'CLOSED':
        return true;
      case 'SYN-SENT':
        this.synSentArrives(seg);
        return true;
      case 'TIME-WAIT':
        return this.timeWaitArrives(seg);
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
        if (!(f & RST)) this.env.transmit(this.resetSegment(seg.ack, 0, RST), rule['rst-bad-ack']);
        return;
      }
    }
    if (f & RST) {
      if (f & ACK) this.abortWith('ECONNREFUSED');
      return;
    }
    if (!(f & SYN)) return;
    this.rcv.synReceived(seg.seq);
    this.snd.wl1 = seg.seq | 0;
    this.snd.wl2 = seg.ack | 0;
    this.snd.wnd = seg.window;
    if (f & ACK) {
      this.ackArrived(seg.ack);
      this.setState('ESTABLISHED');
      this.user.established(this);
      this.sendAck(rule['handshake-ack']);
      this.output(rule['window-opened']);
    } else {
      // simultaneous open: SYN,ACK from SYN-SENT, re-using our ISN
      this.setState('SYN-RECEIVED');
      this.transmit(SYN | ACK, this.snd.iss, EMPTY, rule['simultaneous-open']);
    }
  }

  /** Linux's tcp_timewait_state_process() for the TIME-WAIT state (RFC 9293 §3.10.7.4, RFC 1337 off). */
  private timeWaitArrives(seg: Segment): boolean {
    const f = seg.flags;
    const len = segLength(seg);
    if (seqEq(seg.seq, this.rcv.nxt) && (len === 0 || f & RST)) {
      if (f & RST) {
        this.env.note(`RST ends the TIME-WAIT of ${this.describe()}`);
        this.finish();
      } else {
        this.armWait(TIME_WAIT_MS);
      }
      return true;
    }
    if (f & SYN && !(f & (RST | ACK)) && seqGt(seg.seq, this.rcv.nxt)) {
      // a new connection from the same port: the TIME-WAIT gives way (Linux TCP_TW_SYN)
      this.finish();
      return false;
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
      this.transmit(SYN | ACK, this.snd.iss, EMPTY, rule['syn-ack-again']);
      return;
    }
    // first: sequence number check
    let seq = seg.seq | 0;
    let data = seg.payload;
    let fin = (f & FIN) !== 0;
    const wnd = this.rcv.window();
    if (!this.acceptable(seq, segLength(seg), wnd)) {
      if (!(f & RST)) this.sendAck(rule['ack-unacceptable']);
      return;
    }
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
        this.env.transmit(this.resetSegment(seg.ack, 0, RST), rule['rst-bad-ack']);
        return;
      }
      if (!this.user.established(this)) return; // accept queue full: the ACK is dropped
      this.setState('ESTABLISHED');
    }
    if (seqGt(seg.ack, this.snd.nxt)) {
      this.sendAck(rule['ack-too-new']); // acknowledges something not yet sent
      return;
    }
    const freed = this.snd.acceptableAck(seg.ack) ? this.ackArrived(seg.ack) : -1;
    this.updateWindow(seg, freed);
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
        this.env.transmit(this.resetSegment(seg.ack, 0, RST), rule['rst-data-after-close']);
        this.abortWith('ECONNRESET');
        return;
      } else {
        this.dataArrived(seq, data, fin);
      }
    }
    this.output(rule['window-opened']);
  }

  /** RFC 9293 §3.10.7.4 table of segment acceptability */
  private acceptable(seq: number, len: number, wnd: number): boolean {
    const nxt = this.rcv.nxt;
    if (len === 0) {
      if (wnd === 0) return seqEq(seq, nxt);
      return seqGe(seq, nxt) && seqLt(seq, seqAdd(nxt, wnd));
    }
    if (wnd === 0) return false;
    const last = seqAdd(seq, len - 1);
    const end = seqAdd(nxt, wnd);
    return (seqGe(seq, nxt) && seqLt(seq, end)) || (seqGe(last, nxt) && seqLt(last, end));
  }

  private resetArrived(): void {
    // Linux tcp_reset(): the errno depends on the state
    const err: AbortError =
      this.state === 'SYN-RECEIVED' && !this.passive ? 'ECONNREFUSED' : this.state === 'CLOSE-WAIT' ? 'EPIPE' : 'ECONNRESET';
    this.abortWith(err);
  }

  /** New data (and maybe FIN) inside the window. */
  private dataArrived(seq: number, data: Uint8Array, fin: boolean): void {
    const hadEarly = this.rcv.hasEarly();
    const wasFin = this.rcv.finReceived;
    const inOrder = this.rcv.receive(seq, data, fin);
    if (!inOrder) {
      this.sendAck(rule['ack-out-of-order']); // duplicate ACK at once (RFC 9293 §3.10.7.4, RFC 5681 §4.2)
      return;
    }
    if (this.rcv.finReceived && !wasFin) this.finArrived();
    else if (hadEarly) this.sendAck(rule['ack-gap-filled']);
    else if (seqDiff(this.rcv.nxt, this.lastAckSent) >= 2 * this.env.mss) this.sendAck(rule['ack-two-segments']);
    else this.scheduleAck();
    this.user.readable(this);
    this.user.changed(this);
  }

  /** eighth: FIN (§3.10.7.4) */
  private finArrived(): void {
    switch (this.state) {
      case 'SYN-RECEIVED':
      case 'ESTABLISHED':
        this.setState('CLOSE-WAIT');
        this.scheduleAck(); // Linux delays this ACK (pingpong mode)
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

  /** An acceptable ACK: free acknowledged bytes, take an RTT sample, manage the RTO. */
  private ackArrived(ack: number): number {
    if (this.rttActive && seqGe(ack, this.rttSeq)) {
      this.rttSample(this.env.now() - this.rttSent);
      this.rttActive = false;
    }
    const freed = this.snd.acknowledge(ack);
    this.retries = 0;
    this.dupAcks = 0;
    if (this.snd.inFlight() > 0) {
      this.armRto();
      // after a timeout Linux goes on resending what the lost segment held up
      if (this.recovering) this.retransmit(rule['loss-recovery']);
    } else {
      this.recovering = false;
      this.clearRto();
    }
    if (freed > 0) {
      this.user.writable(this);
      this.user.changed(this);
    }
    return freed;
  }
  private recovering = false;

  /** SND.WND update rule (§3.10.7.4 fifth) and fast retransmit on three duplicate ACKs (RFC 5681). */
  private updateWindow(seg: Segment, freed: number): void {
    const s = this.snd;
    if (seqLt(s.wl1, seg.seq) || (seqEq(s.wl1, seg.seq) && seqGe(seg.ack, s.wl2))) {
      const grew = seg.window > s.wnd;
      if (freed < 0 && seg.payload.length === 0 && seg.window === s.wnd && s.inFlight() > 0 && seqEq(seg.ack, s.una)) {
        if (++this.dupAcks === 3) {
          this.env.note(`three duplicate ACKs: ${this.describe()} retransmits at once (fast retransmit)`);
          this.retransmit(rule['fast-retransmit']);
        }
      }
      s.wnd = seg.window;
      s.wl1 = seg.seq | 0;
      s.wl2 = seg.ack | 0;
      if (grew && this.persistTimer) this.clearPersist();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Output
  // ---------------------------------------------------------------------------------------------

  /** Send whatever data/FIN the peer's window allows. */
  output(why: Why): void {
    const st = this.state;
    if (st !== 'ESTABLISHED' && st !== 'CLOSE-WAIT' && st !== 'FIN-WAIT-1' && st !== 'LAST-ACK' && st !== 'CLOSING') return;
    let sent = false;
    for (;;) {
      const msg = this.snd.next(this.env.mss);
      if (!msg) break;
      if (!this.rttActive) this.startRtt(seqAdd(msg.seq, msg.payload.length + (msg.fin ? 1 : 0)));
      this.emit(msg, true, why);
      sent = true;
    }
    if (sent && !this.rtoTimer) this.armRto();
    // zero window with data waiting and nothing in flight: probe (RFC 9293 §3.8.6.1)
    if (this.snd.wnd === 0 && this.snd.unsent() > 0 && this.snd.inFlight() === 0 && !this.persistTimer) {
      this.persistTimer = this.env.schedule(this, TimerKind.Persist, this.env.now() + this.rto);
    }
  }

  private emit(msg: SenderMessage, withAck: boolean, why: Why): void {
    let flags = withAck ? ACK : 0;
    if (msg.syn) flags |= SYN;
    if (msg.fin) flags |= FIN;
    if (msg.push) flags |= PSH;
    this.transmit(flags, msg.seq, msg.payload, why);
  }

  /** Put one segment from this connection on the wire; any ACK it carries cancels a delayed ACK. */
  private transmit(flags: number, seq: number, payload: Uint8Array, why: Why): void {
    const window = this.rcv.window();
    const ack = flags & ACK ? this.rcv.nxt : 0;
    if (flags & ACK) {
      this.lastAckSent = this.rcv.nxt;
      this.lastWindow = window;
      if (this.delAckTimer) {
        this.env.cancel(this.delAckTimer);
        this.delAckTimer = null;
      }
    }
    this.env.transmit({
      srcIp: this.localIp, dstIp: this.remoteIp, srcPort: this.localPort, dstPort: this.remotePort,
      seq, ack, flags, window, payload,
    }, why);
  }

  /** A segment answering `seg` with RST: seq taken from its ACK field (§3.10.7.1). */
  private resetSegment(seq: number, ack: number, flags: number): Segment {
    return {
      srcIp: this.localIp, dstIp: this.remoteIp, srcPort: this.localPort, dstPort: this.remotePort,
      seq, ack, flags, window: 0, payload: EMPTY,
    };
  }

  sendAck(why: Why): void {
    this.transmit(ACK, this.snd.nxt, EMPTY, why);
  }

  private scheduleAck(): void {
    if (!this.delAckTimer) {
      this.delAckTimer = this.env.schedule(this, TimerKind.DelAck, this.env.now() + DELAYED_ACK_MS);
    }
  }

  /** After a read: tell the peer when the window opened a lot (Linux tcp_cleanup_rbuf). */
  private maybeWindowUpdate(before: number): void {
    const now = this.rcv.window();
    const st = this.state;
    if (st !== 'ESTABLISHED' && st !== 'FIN-WAIT-1' && st !== 'FIN-WAIT-2') return;
    const threshold = Math.min(this.rcv.capacity / 2, 2 * this.env.mss);
    if (this.lastWindow < threshold && now - this.lastWindow >= threshold && now > before) this.sendAck(Because.windowUpdate);
  }

  private retransmit(why: Why): void {
    const msg = this.snd.retransmission(this.env.mss);
    if (!msg) return;
    this.rttActive = false; // Karn: no RTT sample from retransmitted data
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
        if (this.state !== 'CLOSED') this.sendAck(Because.delayedAck);
        return;
      case TimerKind.Wait:
        this.waitTimer = null;
        if (this.state === 'TIME-WAIT') this.env.note(`TIME-WAIT of ${this.describe()} is over after 60 s`);
        else this.env.note(`${this.describe()} gave up waiting for the peer's FIN in FIN-WAIT-2 (60 s)`);
        this.finish();
        return;
      case TimerKind.Persist:
        this.persistTimer = null;
        if (this.snd.wnd === 0 && this.snd.unsent() > 0 && this.state !== 'CLOSED') {
          this.transmit(ACK, seqAdd(this.snd.una, -1), EMPTY, Because.persist); // a window probe the peer must answer
          this.rto = Math.min(this.rto * 2, RTO_MAX_MS);
          this.persistTimer = this.env.schedule(this, TimerKind.Persist, this.env.now() + this.rto);
        }
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
    const synSent = this.state === 'SYN-SENT';
    const limit = synSent ? SYN_RETRIES + SYN_LINEAR_TIMEOUTS : this.state === 'SYN-RECEIVED' ? SYNACK_RETRIES : DATA_RETRIES;
    if (this.retries >= limit) {
      this.env.note(`${this.describe()} gave up after ${this.retries} retransmissions: connection timed out`);
      this.abortWith('ETIMEDOUT');
      return;
    }
    this.retries++;
    if (!synSent || this.retries > SYN_LINEAR_TIMEOUTS) this.rto = Math.min(this.rto * 2, RTO_MAX_MS);
    this.env.note(`retransmission timeout: ${this.describe()} sends again (attempt ${this.retries}, next timeout ${this.rto} ms)`);
    this.recovering = true;
    if (this.state === 'SYN-RECEIVED') this.transmit(SYN | ACK, this.snd.iss, EMPTY, Because.synAckRto);
    else this.retransmit(synSent ? Because.synRto : Because.rto);
    this.armRto();
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
    this.rttActive = true;
    this.rttSeq = seq;
    this.rttSent = this.env.now();
  }

  /**
   * (Re)start the retransmission timer. Every ACK restarts it, so instead of cancelling and scheduling
   * each time, an earlier pending timer is kept and simply re-armed for the deadline when it fires.
   */
  private armRto(): void {
    const at = this.env.now() + this.rto;
    this.rtoDeadline = at;
    const t = this.rtoTimer;
    if (t && !t.cancelled && t.t <= at) return;
    if (t) this.env.cancel(t);
    this.rtoTimer = this.env.schedule(this, TimerKind.Rto, at);
  }
  private rtoDeadline = 0;

  private clearRto(): void {
    if (this.rtoTimer) {
      this.env.cancel(this.rtoTimer);
      this.rtoTimer = null;
    }
  }

  private clearPersist(): void {
    if (this.persistTimer) {
      this.env.cancel(this.persistTimer);
      this.persistTimer = null;
    }
  }

  private armWait(ms: number): void {
    if (this.waitTimer) this.env.cancel(this.waitTimer);
    this.waitTimer = this.env.schedule(this, TimerKind.Wait, this.env.now() + ms);
  }

  private cancelAll(): void {
    this.clearRto();
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

/**
 * §3.10.7.1 CLOSED state: the reply to a segment that reached no connection and no listener.
 * An RST gets nothing; a segment with ACK gets <SEQ=SEG.ACK><CTL=RST>; otherwise
 * <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>.
 */
export function resetForClosedPort(seg: Segment): Segment | null {
  if (seg.flags & RST) return null;
  const base = {
    srcIp: seg.dstIp, dstIp: seg.srcIp, srcPort: seg.dstPort, dstPort: seg.srcPort, window: 0, payload: EMPTY,
  };
  if (seg.flags & ACK) return {...base, seq: seg.ack, ack: 0, flags: RST};
  return {...base, seq: 0, ack: seqAdd(seg.seq, segLength(seg)), flags: RST | ACK};
}
