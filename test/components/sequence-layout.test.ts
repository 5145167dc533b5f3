/** Geometry of the sequence diagram for the hand-written trace: lanes, direction, lost segments, time axis. */
import {describe, expect, test} from 'vitest';
import {inspectAt} from '../../src/runner/inspect';
import {LANE_GAP, LEFT, layoutDiagram, segmentLabel} from '../../src/components/SequenceDiagram/layout';
import {HTTP_CALLS, HTTP_TRACE} from './fixtures/httpTrace';

const state = inspectAt(HTTP_TRACE, HTTP_TRACE.length, HTTP_CALLS);
const layout = layoutDiagram(state.segments, state.hosts.map((h) => h.name));

describe('sequence diagram layout', () => {
  test('one lane per host that sent or received a segment, the program host first', () => {
    expect(layout.lanes).toEqual([
      {host: 'client', x: LEFT},
      {host: 'www.example.com', x: LEFT + LANE_GAP},
    ]);
  });

  test('every arrow goes from its sender lane down to its receiver lane', () => {
    for (const a of layout.arrows.filter((x) => !x.lost)) {
      expect(a.x1).toBe(a.seg.fromHost === 'client' ? LEFT : LEFT + LANE_GAP);
      expect(a.x2).toBe(a.seg.toHost === 'client' ? LEFT : LEFT + LANE_GAP);
      expect(a.y2).toBeGreaterThan(a.y1);
    }
  });

  test('arrows leave in send order, each lower than the one before', () => {
    const ys = layout.arrows.map((a) => a.y1);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    expect(new Set(ys).size).toBe(ys.length);
  });

  test('the lost segment stops halfway between the lanes', () => {
    const lost = layout.arrows.filter((a) => a.lost);
    expect(lost.map((a) => a.seg.id)).toEqual([4]);
    expect(lost[0].x2).toBe(LEFT + LANE_GAP / 2);
    expect(lost[0].head).toBeNull();
  });

  test('the 195 ms wait for the retransmission is drawn shorter and marked as compressed', () => {
    // the last event before it is at 15 ms (the ACK arriving), the retransmission leaves at 210 ms
    const tick = layout.ticks.find((t) => t.t === 210)!;
    expect(tick.compressed).toBe(true);
    const before = layout.ticks.find((t) => t.t === 15)!;
    expect(tick.y - before.y).toBeLessThanOrEqual(64);
  });

  test('labels read like tcpdump: flags, then seq/ack or the byte range and length', () => {
    const labels = state.segments.map(segmentLabel);
    expect(labels[0]).toBe('S seq=0');
    expect(labels[1]).toBe('SA seq=0 ack=1');
    expect(labels[5]).toBe('PA 1:18(17)');
  });
});
