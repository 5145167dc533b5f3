/**
 * TcpConnection against a fake environment (no World): the segments it hands to TcpEnv.transmit and the
 * timers it arms, for an active open near 2^32. Expected values: RFC 9293 §3.5 (the three-way handshake:
 * <SEQ=ISS><CTL=SYN>, then <SEQ=ISS+1><ACK=IRS+1><CTL=ACK>), §3.10.7.3 (SYN-SENT takes SND.WND from the
 * SYN,ACK), RFC 6298 §2.1-2.2 (initial RTO 1 s, the first sample) with Linux's 200 ms floor, RFC 5961 §3.2 (an in-window RST that is not exact gets a
 * challenge ACK), RFC 7323 §2.2-2.3 (the window a segment advertises: never scaled on a SYN, at most 65535 unless
 * both SYNs agreed on scaling).
 */
import {describe, expect, it} from 'vitest';
import {RECV_BUFFER, TcpConnection} from '../../../src/sim/tcp/connection';
import type {TcpEnv, TcpUser, TimerHandle, TimerKind, Why} from '../../../src/sim/tcp/env';
import {ACK, EMPTY, FIN, PSH, RST, SYN, type Segment} from '../../../src/sim/wire/segment';

const ISS = 0xffffffff; // the SYN takes 0xFFFFFFFF; the first data byte is 0
const IRS = 0x7ffffff0;
const ME = {ip: '10.0.0.2', port: 40000};
const PEER = {ip: '10.0.0.3', port: 80};

/** Records what the connection sends and arms; time moves only when the test says so. */
class FakeEnv implements TcpEnv {
  t = 0;
  readonly mss = 1460;
  readonly synRetries = 6;
  readonly sent: {seg: Segment; why: Why}[] = [];
  readonly timers: {kind: TimerKind; at: number; handle: TimerHandle}[] = [];
  now(): number {
    return this.t;
  }
  random32(): number {
    return 4;
  }
  isn(): number {
    return ISS;
  }
  transmit(seg: Segment, why: Why): void {
    this.sent.push({seg, why});
  }
  schedule(_conn: TcpConnection, kind: TimerKind, at: number): TimerHandle {
    const handle = {cancelled: false, t: at};
    this.timers.push({kind, at, handle});
    return handle;
  }
  cancel(handle: TimerHandle): void {
    handle.cancelled = true;
  }
  note(): void {}
  armed(kind: TimerKind): number[] {
    return this.timers.filter((x) => x.kind === kind && !x.handle.cancelled).map((x) => x.at);
  }
}

class FakeUser implements TcpUser {
  readonly localIp = ME.ip;
  readonly localPort = ME.port;
  readonly remoteIp = PEER.ip;
  readonly remotePort = PEER.port;
  readonly events: string[] = [];
  established(): boolean {
    this.events.push('established');
    return true;
  }
  readable(): void {
    this.events.push('readable');
  }
  writable(): void {
    this.events.push('writable');
  }
  aborted(_c: TcpConnection, err: string): void {
    this.events.push(`aborted ${err}`);
  }
  finished(): void {
    this.events.push('finished');
  }
  changed(): void {}
}

const fromPeer = (flags: number, seq: number, ack: number, window: number, payload: Uint8Array = EMPTY): Segment => ({
  srcIp: PEER.ip, srcPort: PEER.port, dstIp: ME.ip, dstPort: ME.port, seq: seq | 0, ack: ack | 0, flags, window, payload,
});
const u = (n: number): number => n >>> 0;

function opened(): {env: FakeEnv; user: FakeUser; conn: TcpConnection} {
  const env = new FakeEnv();
  const user = new FakeUser();
  const conn = new TcpConnection(env, user);
  conn.connect();
  env.t = 10;
  // the peer announces an MSS of 1460 (without the option the send MSS would be 536, §3.7.1)
  conn.segmentArrives({...fromPeer(SYN | ACK, IRS, ISS + 1, 4000), options: [{kind: 'mss', value: 1460}]});
  return {env, user, conn};
}

describe('TcpConnection with a fake environment', () => {
  it('opens with <SEQ=ISS><CTL=SYN> and an RTO of 1 s', () => {
    const env = new FakeEnv();
    const conn = new TcpConnection(env, new FakeUser());
    conn.connect();
    expect(conn.state).toBe('SYN-SENT');
    expect(env.sent).toHaveLength(1);
    const {seg, why} = env.sent[0];
    expect([seg.flags, u(seg.seq), seg.srcIp, seg.srcPort, seg.dstIp, seg.dstPort]).toEqual([SYN, ISS, ME.ip, ME.port, PEER.ip, PEER.port]);
    expect(why).toEqual({kind: 'call'});
    expect(env.armed(0 /* Rto */)).toEqual([1000]);
  });

  it('answers the SYN,ACK with <SEQ=ISS+1><ACK=IRS+1><CTL=ACK> across the wrap and is ESTABLISHED', () => {
    const {env, user, conn} = opened();
    expect(conn.state).toBe('ESTABLISHED');
    expect(user.events).toContain('established');
    const ack = env.sent[1].seg;
    expect([ack.flags, u(ack.seq), u(ack.ack)]).toEqual([ACK, 0, IRS + 1]);
    expect(conn.snd.wnd).toBe(4000);
    expect(env.armed(0 /* Rto */)).toEqual([]); // nothing outstanding
  });

  it('sends written data from ISS + 1 within the peer window, the last segment pushed', () => {
    const {env, conn} = opened();
    env.sent.length = 0;
    expect(conn.write(new Uint8Array(5000).fill(97), 0)).toBe(5000);
    const segs = env.sent.map((x) => [u(x.seg.seq), x.seg.payload.length, x.seg.flags]);
    // the peer's window of 4000 lets 1460 + 1460 + 1080 go; the last one of the burst carries PSH
    expect(segs).toEqual([
      [0, 1460, ACK],
      [1460, 1460, ACK],
      [2920, 1080, ACK | PSH],
    ]);
    expect(env.sent.every((x) => u(x.seg.ack) === IRS + 1)).toBe(true);
    // the handshake gave a first RTT sample R = 10 ms: SRTT = R, RTTVAR = R/2 (RFC 6298 §2.2), and Linux's
    // RTO = SRTT + max(4·RTTVAR, tcp_rto_min 200 ms) = 210 ms, armed when the data left at t = 10
    expect(env.armed(0 /* Rto */)).toEqual([10 + 210]);
  });

  it('sends more when an ACK opens the window, and the FIN after the last byte', () => {
    const {env, conn} = opened();
    conn.write(new Uint8Array(5000).fill(97), 0);
    conn.closeWrite();
    expect(conn.state).toBe('FIN-WAIT-1');
    env.sent.length = 0;
    env.t = 20;
    conn.segmentArrives(fromPeer(ACK, IRS + 1, 2920, 4000)); // two segments acknowledged, window 4000 from 2920
    const segs = env.sent.map((x) => [u(x.seg.seq), x.seg.payload.length, x.seg.flags & (FIN | PSH)]);
    expect(segs).toEqual([[4000, 1000, FIN | PSH]]);
    conn.segmentArrives(fromPeer(ACK, IRS + 1, 5001, 4000)); // data and FIN acknowledged
    expect(conn.state).toBe('FIN-WAIT-2');
  });

  it('advertises the receiver\'s window: never scaled on the SYN, scaled only when both SYNs agreed (RFC 7323 §2.2, §2.3)', () => {
    // RCV.WND starts as the whole receive buffer (RECV_BUFFER, 128 KiB), more than 16 bits can say unscaled
    const unscaled = opened(); // the SYN,ACK carries no window scale option
    expect(unscaled.env.sent.map((x) => [x.seg.flags, x.seg.window])).toEqual([[SYN, 65_535], [ACK, 65_535]]);

    const env = new FakeEnv();
    const conn = new TcpConnection(env, new FakeUser());
    conn.connect();
    conn.segmentArrives({...fromPeer(SYN | ACK, IRS, ISS + 1, 4000), options: [{kind: 'mss', value: 1460}, {kind: 'wscale', value: 7}]});
    expect(env.sent.map((x) => [x.seg.flags, x.seg.window])).toEqual([[SYN, 65_535], [ACK, RECV_BUFFER]]);
    // data from the peer: the next ACK acknowledges it (RCV.NXT, RFC 9293 §3.3.1) and the window is smaller by it
    env.sent.length = 0;
    conn.segmentArrives(fromPeer(ACK | PSH, IRS + 1, ISS + 1, 4000, new Uint8Array(100)));
    const ack = env.sent.at(-1)!.seg;
    expect([u(ack.ack), ack.window]).toEqual([IRS + 1 + 100, RECV_BUFFER - 100]);

    // a passive open whose peer's SYN carries the option: the SYN,ACK agrees to scaling, yet is not scaled itself
    const penv = new FakeEnv();
    const passive = new TcpConnection(penv, new FakeUser());
    passive.acceptSyn({...fromPeer(SYN, IRS, 0, 4000), options: [{kind: 'wscale', value: 7}]});
    expect(penv.sent.map((x) => [x.seg.flags, x.seg.window])).toEqual([[SYN | ACK, 65_535]]);
  });

  it('answers an in-window RST that is not exact with a challenge ACK and stays open (RFC 5961 §3.2)', () => {
    const {env, user, conn} = opened();
    env.sent.length = 0;
    conn.segmentArrives(fromPeer(RST, IRS + 100, 0, 0));
    expect(conn.state).toBe('ESTABLISHED');
    expect(env.sent.map((x) => [x.seg.flags, u(x.seg.ack)])).toEqual([[ACK, IRS + 1]]);
    conn.segmentArrives(fromPeer(RST, IRS + 1, 0, 0));
    expect(conn.state).toBe('CLOSED');
    expect(user.events).toContain('aborted ECONNRESET');
  });
});
