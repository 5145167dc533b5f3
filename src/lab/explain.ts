/**
 * The sentence under the results: which way of loading the page was fastest, by how much, and why, in
 * the numbers of this very run (never fixed text). The words come from the caller (the component passes
 * translate()d templates), so this file holds only the choice of what to say.
 */
import type {LabMode} from './modes';
import type {LabMetrics} from './metrics';

export interface ModeOutcome {
  mode: LabMode;
  metrics: LabMetrics;
}

/** Words of one locale. Templates use {name} placeholders; counts() gives a whole phrase. */
export interface ExplainWords {
  modeName(mode: LabMode): string;
  /** "1 connection, 1 handshake and 3 round trips" */
  counts(m: {connections: number; handshakes: number; roundTrips: number}): string;
  /** "{ms} ms" */
  time(ms: number): string;
  /** {fast} {slow} {ratio} {fastTime} {slowTime} {fastCounts} {slowCounts} */
  faster: string;
  /** {modes} (the other modes as fast as the fastest, joined by the locale's list format) */
  tied: string;
  /** {time}: every mode took about the same time */
  allSame: string;
  list(items: string[]): string;
}

/** Two times this close count as the same (the sim is exact; this only absorbs rounding). */
const SAME = 1.01;

export interface Comparison {
  fast: ModeOutcome;
  slow: ModeOutcome;
  /** slow time / fast time */
  ratio: number;
  /** other modes as fast as `fast` */
  tiedWithFast: ModeOutcome[];
}

/** Fastest vs slowest of the runs that loaded the page (totalMs > 0); null with fewer than two. */
export function compareModes(outcomes: readonly ModeOutcome[]): Comparison | null {
  const loaded = outcomes.filter((o) => o.metrics.totalMs > 0);
  if (loaded.length < 2) return null;
  // Among equal times the later mode in the table (the newer protocol) is named fastest and the
  // earlier one slowest, so the sentence credits the change that made the difference.
  const fastest = Math.min(...loaded.map((o) => o.metrics.totalMs));
  const fastGroup = loaded.filter((o) => o.metrics.totalMs <= fastest * SAME);
  const fast = fastGroup[fastGroup.length - 1];
  const slow = loaded.reduce((a, b) => (b.metrics.totalMs > a.metrics.totalMs ? b : a));
  return {
    fast,
    slow,
    ratio: slow.metrics.totalMs / fast.metrics.totalMs,
    tiedWithFast: fastGroup.filter((o) => o !== fast),
  };
}

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function explain(outcomes: readonly ModeOutcome[], words: ExplainWords): string {
  const c = compareModes(outcomes);
  if (!c) return '';
  if (c.ratio < SAME) return fill(words.allSame, {time: words.time(c.fast.metrics.totalMs)});
  const countsOf = (o: ModeOutcome) =>
    words.counts({
      connections: o.metrics.connections.length,
      handshakes: o.metrics.handshakes,
      roundTrips: o.metrics.roundTrips,
    });
  let text = fill(words.faster, {
    fast: words.modeName(c.fast.mode),
    slow: words.modeName(c.slow.mode),
    ratio: c.ratio.toFixed(1),
    fastTime: words.time(c.fast.metrics.totalMs),
    slowTime: words.time(c.slow.metrics.totalMs),
    fastCounts: countsOf(c.fast),
    slowCounts: countsOf(c.slow),
  });
  if (c.tiedWithFast.length > 0) {
    text += ' ' + fill(words.tied, {modes: words.list(c.tiedWithFast.map((o) => words.modeName(o.mode)))});
  }
  return text;
}
