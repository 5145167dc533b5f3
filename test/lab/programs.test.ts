/**
 * The lab's four programs against the real simulator and its web server: the counts and times must be
 * what the protocols dictate. Every expected value below is derived by hand, in the comments, from the
 * handshake, request/response and close sequences (RFC 9293 §3.5 three-way handshake; RFC 1945 HTTP/1.0:
 * one request per connection, the server closes to end the response; RFC 9112 HTTP/1.1: persistent
 * connections §9.3, pipelining §9.3.2), with R = round-trip time and one-way latency d = R/2.
 *
 * Assumptions (all the simulator's documented model): the server answers in zero virtual time; every
 * request and every response of the page fits in one segment and in the initial window (no Nagle, no
 * congestion window to wait for), so a response arrives R after its request left; resolve() asks
 * nobody (no network time); the times are measured from the first SYN.
 */
import {describe, expect, test} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {labMetrics, type LabMetrics} from '../../src/lab/metrics';
import {labRequest} from '../../src/lab/request';
import {CLEAN, LAB_MODES, MAX_PARALLEL, type LabConditions, type LabMode} from '../../src/lab/modes';
import type {TraceEvent} from '../../src/sim/api';

function runTrace(mode: LabMode, images: number, rtt: number, conditions: LabConditions = CLEAN): TraceEvent[] {
  const result = runInProcess(labRequest(mode, images, rtt, conditions));
  expect(result.error, `${mode} N=${images} RTT=${rtt}`).toBeUndefined();
  expect(result.status).toBe('ok');
  return result.trace;
}

function runMode(mode: LabMode, images: number, rtt: number, conditions: LabConditions = CLEAN): LabMetrics {
  return labMetrics(runTrace(mode, images, rtt, conditions));
}

/** (N, RTT) pairs: 1 image, a partial wave, exactly one wave of 6, one more than a wave, many, the maximum. */
const CASES: [number, number][] = [
  [1, 100],
  [5, 40],
  [6, 200],
  [7, 100],
  [13, 10],
  [20, 500],
];

describe.each(CASES)('a page with N = %i images, RTT = %i ms', (n, rtt) => {
  const resources = n + 1; // the HTML and its N images

  test('HTTP/1.0 sequential: N + 1 connections one after another, 2 round trips each', () => {
    // Per resource: SYN → SYN-ACK (1 R, connect returns), request → response and the server's FIN
    // (1 R, read until EOF), close; the next connect starts at once. So (N + 1) × 2 R.
    const m = runMode('http10-sequential', n, rtt);
    expect(m.connections).toHaveLength(resources);
    expect(m.handshakes).toBe(resources);
    expect(m.roundTrips).toBe(2 * resources);
    expect(m.totalMs).toBe(2 * resources * rtt);
    expect(m.rttMs).toBe(rtt);
    // one exchange on every connection
    expect(m.connections.every((c) => c.exchanges === 1)).toBe(true);
  });

  test('HTTP/1.0 parallel: the HTML first, then waves of up to 6 connections at once', () => {
    // HTML: 2 R as above. Then the images in ceil(N / 6) waves; in a wave the SYNs leave together and
    // the SYN-ACKs come back together (1 R), the requests leave together and the responses with the
    // FINs come back together (1 R). So 2 R + ceil(N / 6) × 2 R.
    const waves = Math.ceil(n / MAX_PARALLEL);
    const m = runMode('http10-parallel', n, rtt);
    expect(m.connections).toHaveLength(resources);
    expect(m.handshakes).toBe(resources);
    expect(m.roundTrips).toBe(2 + 2 * waves);
    expect(m.totalMs).toBe((2 + 2 * waves) * rtt);
    // never more than 6 image connections at the same time: count handshakes that overlap
    const starts = m.connections.map((c) => c.phases[0].start);
    const maxTogether = Math.max(...starts.map((t) => starts.filter((s) => s === t).length));
    expect(maxTogether).toBe(Math.min(n, MAX_PARALLEL));
  });

  test('HTTP/1.1 persistent: one connection, one handshake, then one round trip per resource', () => {
    // SYN → SYN-ACK (1 R), then N + 1 times request → response (1 R each): (N + 2) R.
    const m = runMode('http11-persistent', n, rtt);
    expect(m.connections).toHaveLength(1);
    expect(m.handshakes).toBe(1);
    expect(m.connections[0].exchanges).toBe(resources);
    expect(m.roundTrips).toBe(n + 2);
    expect(m.totalMs).toBe((n + 2) * rtt);
  });

  test('HTTP/1.1 six connections: the HTML on one, then up to 5 more; each takes the next image when free', () => {
    // HTML: handshake + request, 2 R. Then the first connection, already open, asks for image 1 at once
    // while min(N − 1, 5) new connections do their handshakes (1 R). After t more round trips the first
    // connection has fetched t images and each new one t − 1, so all N are in after the smallest t with
    // t + 5 (t − 1) ≥ N, i.e. t = ceil((N + 5) / 6) (for N = 1: t = 1). Total (2 + t) R.
    const t = Math.ceil((n + 5) / 6);
    const m = runMode('http11-six', n, rtt);
    expect(m.connections).toHaveLength(Math.min(n, MAX_PARALLEL));
    expect(m.handshakes).toBe(Math.min(n, MAX_PARALLEL));
    expect(m.connections.reduce((sum, c) => sum + c.exchanges, 0)).toBe(resources);
    expect(m.roundTrips).toBe(2 + t);
    expect(m.totalMs).toBe((2 + t) * rtt);
  });

  test('HTTP/1.1 pipelined: handshake, the HTML, then all image requests in one round trip (two past the initial window)', () => {
    // SYN → SYN-ACK (1 R), HTML request → HTML (1 R), the N requests leave together and the N responses
    // (one segment each) come back in order: in one round trip while they fit the server's initial
    // congestion window of 10 segments (RFC 6928), else slow start needs one more (RFC 5681 §3.1: the
    // first window's ACKs double it, and N ≤ 30 here).
    const m = runMode('http11-pipelined', n, rtt);
    expect(m.connections).toHaveLength(1);
    expect(m.handshakes).toBe(1);
    expect(m.connections[0].exchanges).toBe(2);
    expect(m.roundTrips).toBe(3); // the client waits three times…
    expect(m.totalMs).toBe((n <= 10 ? 3 : 4) * rtt); // …the last time for two flights past 10 responses
  });
});

describe('segments follow the exchanges', () => {
  test('HTTP/1.0 sequential: every connection carries the same exchange, so segments grow by a fixed amount per image', () => {
    // Each resource is the same sequence (handshake, request, response, both FINs and their ACKs), so
    // segments(N) = (N + 1) × k for one k: the difference per image equals segments(1) / 2.
    const one = runMode('http10-sequential', 1, 100).segments;
    const four = runMode('http10-sequential', 4, 100).segments;
    expect(one % 2).toBe(0);
    expect(four).toBe((one / 2) * 5);
    // at least S, SA, ACK, request, response, FIN, ACK, FIN, ACK: 9 per connection (RFC 9293 §3.5, §3.6)
    expect(one / 2).toBeGreaterThanOrEqual(9);
  });

  test('HTTP/1.1 persistent: one more image is one more request and one more response (2 segments)', () => {
    // The request carries the ACK of the previous response and the response the ACK of the request,
    // so each extra resource adds exactly those two segments.
    const five = runMode('http11-persistent', 5, 100).segments;
    const six = runMode('http11-persistent', 6, 100).segments;
    expect(six - five).toBe(2);
  });

  test('fewer connections, fewer segments: pipelined < persistent < sequential for the same page', () => {
    const seq = runMode('http10-sequential', 8, 100).segments;
    const persistent = runMode('http11-persistent', 8, 100).segments;
    const pipelined = runMode('http11-pipelined', 8, 100).segments;
    expect(pipelined).toBeLessThanOrEqual(persistent);
    expect(persistent).toBeLessThan(seq);
  });
});

describe('server think time T: pipelining waits for every response ahead (head-of-line blocking)', () => {
  // The server works on one connection's requests one after another, each T long (WorldOptions.webThinkMs).
  test.each([
    [4, 100, 200],
    [12, 50, 300],
  ])('N = %i, RTT = %i ms, T = %i ms', (n, rtt, think) => {
    const slow = {lossPct: 0, thinkMs: think};
    // persistent: every one of the N + 1 exchanges costs R + T after the handshake
    expect(runMode('http11-persistent', n, rtt, slow).totalMs).toBe((n + 2) * rtt + (n + 1) * think);
    // pipelined: handshake R, HTML R + T, then the N requests arrive together and the last answer
    // leaves N T later: 3 R + (N + 1) T
    const pipelined = runMode('http11-pipelined', n, rtt, slow).totalMs;
    expect(pipelined).toBe(3 * rtt + (n + 1) * think);
    // six connections think in parallel: each connection does at most ceil((N + 5) / 6) images of
    // R + T each, after the HTML (2 R + T) and one handshake (R) at most
    const six = runMode('http11-six', n, rtt, slow).totalMs;
    expect(six).toBeLessThanOrEqual(3 * rtt + think + Math.ceil((n + 5) / 6) * (rtt + think));
    expect(six).toBeLessThan(pipelined);
  });
});

describe('packet loss: the stack retransmits, and the lab\'s times include the wait', () => {
  type Seg = Extract<TraceEvent, {kind: 'segment'}>;
  const LOSS = {lossPct: 10, thinkMs: 0};
  /** what costs time when lost: SYNs and segments with data (a lost pure ACK may be covered by the next one) */
  const matters = (s: Seg) => s.len > 0 || s.flags.includes('S');
  const key = (s: Seg) => `${s.src.ip}:${s.src.port}>${s.dst.ip}:${s.dst.port} ${s.flags.includes('S') ? 'S' : ''}${s.seq}`;

  test.each(LAB_MODES.map((m) => [m]))('%s: every lost SYN or data segment is sent again; the program still gets the page', (mode) => {
    const segs = runTrace(mode, 10, 100, LOSS).filter((e): e is Seg => e.kind === 'segment');
    const lost = segs.filter((s) => s.arrives === null && matters(s));
    for (const s of lost) {
      // RFC 9293 §3.8.1: a segment not acknowledged is retransmitted, with the same sequence number
      expect(segs.some((r) => r.id > s.id && key(r) === key(s) && r.arrives !== null), key(s)).toBe(true);
    }
  });

  test('10 % loss over the five modes loses something (the check above is not empty)', () => {
    const lostAny = LAB_MODES.some((mode) =>
      runTrace(mode, 10, 100, LOSS).some((e) => e.kind === 'segment' && e.arrives === null && matters(e)),
    );
    expect(lostAny).toBe(true);
  });

  test.each([['http11-persistent'], ['http11-pipelined']] as [LabMode][])(
    '%s (one connection: everything is on the critical path): a lost SYN or data segment costs at least the 200 ms minimum RTO',
    (mode) => {
      const clean = runMode(mode, 10, 100).totalMs;
      for (const lossPct of [5, 10, 20]) {
        const trace = runTrace(mode, 10, 100, {lossPct, thinkMs: 0});
        const lostData = trace.some((e) => e.kind === 'segment' && e.arrives === null && matters(e));
        const total = labMetrics(trace).totalMs;
        // Linux's RTO floor is 200 ms (TCP_RTO_MIN); RFC 6298 (2.4) would even say 1 s
        if (lostData) expect(total, `loss ${lossPct} %`).toBeGreaterThanOrEqual(clean + 200);
        else expect(total).toBeGreaterThanOrEqual(clean);
      }
    },
  );
});
