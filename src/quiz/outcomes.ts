/**
 * Reads the outcome a predict-the-outcome question asks about from a run. The answer keys in the quiz data are
 * written from the chapters and the kernel recordings; test/quiz/predict.test.ts runs each program and checks that
 * the simulator's outcome, read by these functions, matches the key.
 */
import type {RunResult} from '../runner/types';
import type {OutcomeMeasure} from './types';
import {finalSockets, segmentsOf} from './traceFacts';

/** The outcome of `result` as `measure` defines it, as a string comparable with an answer key. */
export function measureOutcome(measure: OutcomeMeasure, result: RunResult): string {
  switch (measure.type) {
    case 'last-log': {
      const logs = result.console.filter((l) => l.level === 'log');
      return logs.length ? logs[logs.length - 1].text : '';
    }
    case 'errno':
      return result.error?.errno ?? 'none';
    case 'status':
      return result.status;
    case 'final-state': {
      const mine = finalSockets(result.trace).filter((s) => s.host === measure.host);
      // A connection (peer or own port matches) is what the question is about; a listener only when no connection is.
      const connections = mine.filter(
        (s) => s.remote !== null && (s.remote.port === measure.port || s.local.port === measure.port),
      );
      const listeners = mine.filter((s) => s.remote === null && s.local.port === measure.port);
      const pick = connections.length ? connections : listeners;
      return pick.length ? pick[pick.length - 1].state : 'none';
    }
    case 'segment-count': {
      const between = (from: string, to: string) => (s: {fromHost: string; toHost: string}) =>
        s.fromHost === from && s.toHost === to;
      const counted = segmentsOf(result.trace)
        .filter((s) => s.arrives !== null)
        .filter((s) => between(measure.from, measure.to)(s) || (!!measure.both && between(measure.to, measure.from)(s)))
        .filter((s) => measure.flags === undefined || s.flags === measure.flags);
      return String(counted.length);
    }
    case 'close-trace': {
      const between = segmentsOf(result.trace).filter(
        (s) => s.arrives !== null && ((s.fromHost === measure.a && s.toHost === measure.b) || (s.fromHost === measure.b && s.toHost === measure.a)),
      );
      const first = between.findIndex((s) => s.flags.includes('F') || s.flags.includes('R'));
      return first < 0 ? 'none' : between.slice(first).map((s) => s.flags).join(' ');
    }
  }
}
