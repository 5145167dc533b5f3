/**
 * labMetrics on hand-written traces: every expected number below is worked out from the segments
 * written in the test, by the definitions in src/lab/metrics.ts.
 */
import {describe, expect, test} from 'vitest';
import type {TraceEvent} from '../../src/sim/api';
import {labMetrics} from '../../src/lab/metrics';
import {http10Fetch, seg} from './fixtures';

describe('one HTTP/1.0 fetch (one-way latency 50 ms, so RTT 100 ms)', () => {
  const {segments} = http10Fetch(40000, 0, 50);
  const m = labMetrics(segments);

  test('one connection, one handshake, all 8 segments counted', () => {
    expect(m.connections).toHaveLength(1);
    expect(m.handshakes).toBe(1);
    expect(m.segments).toBe(8);
  });

  test('phases from the client’s view: handshake 0–100, request 100–200, response at 200, close 200–300', () => {
    // SYN sent at 0, SYN-ACK arrives at 2d = 100; request sent at 100, response arrives at 4d = 200;
    // server FIN arrives at 200 (first FIN the client sees), last ACK arrives at 6d = 300.
    expect(m.connections[0].phases).toEqual([
      {kind: 'handshake', start: 0, end: 100},
      {kind: 'request', start: 100, end: 200},
      {kind: 'response', start: 200, end: 200},
      {kind: 'close', start: 200, end: 300},
    ]);
    expect(m.connections[0].exchanges).toBe(1);
    expect(m.connections[0].clientPort).toBe(40000);
  });

  test('2 round trips (SYN, request), 200 ms to the last response byte, RTT 100', () => {
    expect(m.roundTrips).toBe(2);
    expect(m.totalMs).toBe(200);
    expect(m.rttMs).toBe(100);
    expect(m.startMs).toBe(0);
    expect(m.endMs).toBe(300);
  });
});

describe('three HTTP/1.0 fetches one after another', () => {
  // Each starts when the previous response arrived: at 0, 4d, 8d (d = 10).
  const a = http10Fetch(40001, 0, 10);
  const b = http10Fetch(40002, a.done, 10);
  const c = http10Fetch(40003, b.done, 10);
  const m = labMetrics([...a.segments, ...b.segments, ...c.segments]);

  test('three connections in order, 6 round trips, 3 × 4d = 120 ms', () => {
    expect(m.connections.map((r) => r.clientPort)).toEqual([40001, 40002, 40003]);
    expect(m.connections.map((r) => r.index)).toEqual([1, 2, 3]);
    expect(m.handshakes).toBe(3);
    expect(m.segments).toBe(24);
    expect(m.roundTrips).toBe(6);
    expect(m.totalMs).toBe(120);
  });
});

describe('parallel connections opened at the same moment share their round trips', () => {
  // Two fetches both starting at 0 (d = 25): their SYNs leave together, their requests too.
  const a = http10Fetch(41000, 0, 25);
  const b = http10Fetch(41001, 0, 25);
  const m = labMetrics([...a.segments, ...b.segments]);

  test('2 connections but 2 round trips, 100 ms', () => {
    expect(m.connections).toHaveLength(2);
    expect(m.roundTrips).toBe(2);
    expect(m.totalMs).toBe(100);
  });
});

describe('HTTP/1.1: one connection, two exchanges, then the client closes (like http11-keepalive)', () => {
  const d = 20;
  const p = 42000;
  const trace = [
    seg('c>s', p, 'S', 0, d),
    seg('s>c', p, 'SA', d, d), //               arrives 40
    seg('c>s', p, 'A', 40, d),
    seg('c>s', p, 'PA', 40, d, 33), //           request 1
    seg('s>c', p, 'PA', 60, d, 40), //           response 1 arrives 80
    seg('c>s', p, 'PA', 80, d, 33), //           request 2 (ACKs response 1)
    seg('s>c', p, 'PA', 100, d, 41), //          response 2 arrives 120
    seg('c>s', p, 'FA', 120, d), //              client closes
    seg('s>c', p, 'FA', 140, d), //              server closes after reading EOF, arrives 160
    seg('c>s', p, 'A', 160, d),
  ];
  const m = labMetrics(trace);

  test('one row with handshake, two request/response pairs and the close', () => {
    expect(m.connections[0].phases).toEqual([
      {kind: 'handshake', start: 0, end: 40},
      {kind: 'request', start: 40, end: 80},
      {kind: 'response', start: 80, end: 80},
      {kind: 'request', start: 80, end: 120},
      {kind: 'response', start: 120, end: 120},
      {kind: 'close', start: 120, end: 160},
    ]);
    expect(m.connections[0].exchanges).toBe(2);
  });

  test('3 round trips (SYN, request 1, request 2), 120 ms', () => {
    expect(m.roundTrips).toBe(3);
    expect(m.totalMs).toBe(120);
  });
});

describe('pipelined requests: several request segments at once are one request phase', () => {
  const d = 20;
  const p = 43000;
  const trace = [
    seg('c>s', p, 'S', 0, d),
    seg('s>c', p, 'SA', d, d),
    seg('c>s', p, 'PA', 40, d, 33), //           the HTML request
    seg('s>c', p, 'PA', 60, d, 300), //          HTML arrives 80
    seg('c>s', p, 'PA', 80, d, 1460), //         image requests, two segments back to back
    seg('c>s', p, 'PA', 80, d, 200),
    seg('s>c', p, 'PA', 100, d, 1460), //         responses arrive at 120
    seg('s>c', p, 'PA', 100, d, 900),
  ];
  const m = labMetrics(trace);

  test('two exchanges, 3 round trips, 120 ms', () => {
    expect(m.connections[0].exchanges).toBe(2);
    expect(m.connections[0].phases.map((x) => x.kind)).toEqual(['handshake', 'request', 'response', 'request', 'response']);
    expect(m.roundTrips).toBe(3);
    expect(m.totalMs).toBe(120);
    expect(m.segments).toBe(8);
  });
});

describe('what is not counted', () => {
  test('segments of other hosts are ignored', () => {
    const other = seg('c>s', 44000, 'S', 0, 5);
    other.toHost = 'echo.example.com';
    const m = labMetrics([other]);
    expect(m.connections).toHaveLength(0);
    expect(m.segments).toBe(0);
    expect(m.roundTrips).toBe(0);
  });

  test('a refused connection: a connection but no handshake and no time to a response', () => {
    const trace: TraceEvent[] = [seg('c>s', 45000, 'S', 0, 5), seg('s>c', 45000, 'RA', 5, 5)];
    const m = labMetrics(trace);
    expect(m.connections).toHaveLength(1);
    expect(m.handshakes).toBe(0);
    expect(m.totalMs).toBe(0);
    expect(m.connections[0].phases).toEqual([
      {kind: 'handshake', start: 0, end: 10},
      {kind: 'close', start: 10, end: 10},
    ]);
  });

  test('a response segment lost on its way to the client has no place in the client’s view', () => {
    const d = 10;
    const p = 46000;
    const trace = [
      seg('c>s', p, 'S', 0, d),
      seg('s>c', p, 'SA', d, d),
      seg('c>s', p, 'PA', 20, d, 30),
      seg('s>c', p, 'PA', 30, d, 70, null), //  dropped
      seg('s>c', p, 'PA', 230, d, 70), //       retransmitted, arrives 240
    ];
    const m = labMetrics(trace);
    expect(m.segments).toBe(5);
    expect(m.totalMs).toBe(240);
    expect(m.connections[0].phases[1]).toEqual({kind: 'request', start: 20, end: 240});
  });
});
