/** The explanation sentence is built from the numbers of the run: change the numbers, the sentence changes. */
import {describe, expect, test} from 'vitest';
import {compareModes, explain, type ExplainWords, type ModeOutcome} from '../../src/lab/explain';
import type {LabMetrics} from '../../src/lab/metrics';
import type {LabMode} from '../../src/lab/modes';

function outcome(mode: LabMode, totalMs: number, connections: number, handshakes: number, roundTrips: number): ModeOutcome {
  const metrics: LabMetrics = {
    connections: Array.from({length: connections}, (_, i) => ({
      index: i + 1,
      clientPort: 40000 + i,
      phases: [],
      segmentIds: [],
      exchanges: 1,
    })),
    handshakes,
    segments: 0,
    roundTrips,
    totalMs,
    startMs: 0,
    endMs: totalMs,
    rttMs: 100,
  };
  return {mode, metrics};
}

const english: ExplainWords = {
  modeName: (m) => ({'http10-sequential': 'HTTP/1.0 sequential', 'http10-parallel': 'HTTP/1.0 parallel', 'http11-persistent': 'HTTP/1.1 persistent', 'http11-six': 'HTTP/1.1 six connections', 'http11-pipelined': 'HTTP/1.1 pipelined'})[m],
  counts: ({connections, handshakes, roundTrips}) => `${connections} conn, ${handshakes} hs, ${roundTrips} rt`,
  time: (ms) => `${ms} ms`,
  faster: '{fast} was {ratio}× faster than {slow} ({fastTime} vs {slowTime}): {fastCounts} against {slowCounts}.',
  tied: '{modes} took as little.',
  allSame: 'All took about {time}.',
  list: (items) => items.join(' and '),
};

describe('compareModes', () => {
  test('picks the fastest and the slowest, ratio slow/fast', () => {
    const c = compareModes([
      outcome('http10-sequential', 1200, 6, 6, 12),
      outcome('http10-parallel', 400, 6, 6, 4),
      outcome('http11-persistent', 700, 1, 1, 7),
      outcome('http11-pipelined', 300, 1, 1, 3),
    ])!;
    expect(c.fast.mode).toBe('http11-pipelined');
    expect(c.slow.mode).toBe('http10-sequential');
    expect(c.ratio).toBe(4);
    expect(c.tiedWithFast).toEqual([]);
  });

  test('on a tie the newer protocol is named fastest and the tie is kept', () => {
    const c = compareModes([
      outcome('http10-sequential', 400, 2, 2, 4),
      outcome('http10-parallel', 400, 2, 2, 4),
      outcome('http11-persistent', 300, 1, 1, 3),
      outcome('http11-pipelined', 300, 1, 1, 3),
    ])!;
    expect(c.fast.mode).toBe('http11-pipelined');
    expect(c.tiedWithFast.map((o) => o.mode)).toEqual(['http11-persistent']);
    expect(c.slow.mode).toBe('http10-sequential');
  });

  test('runs that loaded nothing are left out; fewer than two loaded: nothing to compare', () => {
    expect(compareModes([outcome('http10-sequential', 0, 1, 0, 0), outcome('http11-pipelined', 300, 1, 1, 3)])).toBeNull();
  });
});

describe('explain', () => {
  test('the sentence carries this run’s numbers', () => {
    const text = explain(
      [
        outcome('http10-sequential', 1200, 6, 6, 12),
        outcome('http10-parallel', 400, 6, 6, 4),
        outcome('http11-persistent', 700, 1, 1, 7),
        outcome('http11-pipelined', 300, 1, 1, 3),
      ],
      english,
    );
    expect(text).toBe(
      'HTTP/1.1 pipelined was 4.0× faster than HTTP/1.0 sequential (300 ms vs 1200 ms): 1 conn, 1 hs, 3 rt against 6 conn, 6 hs, 12 rt.',
    );
  });

  test('other numbers, another sentence: ratio with one decimal, ties named', () => {
    const text = explain(
      [
        outcome('http10-sequential', 400, 2, 2, 4),
        outcome('http10-parallel', 400, 2, 2, 4),
        outcome('http11-persistent', 300, 1, 1, 3),
        outcome('http11-pipelined', 300, 1, 1, 3),
      ],
      english,
    );
    expect(text).toBe(
      'HTTP/1.1 pipelined was 1.3× faster than HTTP/1.0 sequential (300 ms vs 400 ms): 1 conn, 1 hs, 3 rt against 2 conn, 2 hs, 4 rt. HTTP/1.1 persistent took as little.',
    );
  });

  test('equal times get the "about the same" sentence', () => {
    const text = explain([outcome('http10-sequential', 300, 1, 1, 3), outcome('http11-pipelined', 300, 1, 1, 3)], english);
    expect(text).toBe('All took about 300 ms.');
  });
});
