/**
 * One program's runs and the moment shown, shared by a runnable block (Live.tsx) and the playground page: Run (on
 * the page's one runner), the run's timeline, Step/Back, the selected line and segment, and the marks the editor
 * draws. A run is deterministic, so moving in time never re-runs anything: every control picks a moment of the run's
 * timeline (src/runner/timeline.ts) and everything shows the world at that instant (`stateAtMoment`).
 */
import {useCallback, useEffect, useMemo, useRef, useState} from 'react';
import {buildTimeline, stateAtMoment, type Moment, type Timeline as RunTimeline} from '../../runner/timeline';
import type {RunRequest, RunResult} from '../../runner/types';
import type {InspectorState} from '../../runner/inspect';
import type {WorldOptions} from '../../sim/api';
import type {ConsoleLine} from '../../runner/types';
import type {LineMark} from './CodeSurface';
import {getRunner} from './runnerFactory';
import {explainResult, prepareRun} from './punctuationRun';
import type {PunctuationChange} from './smartPunctuation';
import {runnerFault} from '../../runner/failure';

export interface Outcome {
  result: RunResult;
  timeline: RunTimeline;
  /** the code that ran: marks (error line, step line) only apply while the editor still holds it */
  code: string;
  /** a phone keyboard's punctuation put back before the run (PunctuationNotice) */
  punctuation: PunctuationChange[];
}

export interface RunSession {
  outcome: Outcome | null;
  running: boolean;
  /** the outcome is of the code now in the editor */
  fresh: boolean;
  /** the moment shown (the last one at the run's end) and the last moment's index */
  at: number;
  last: number;
  moment: Moment | null;
  /** what the inspectors show at that moment, and the console lines printed by then */
  state: InspectorState | null;
  shownConsole: ConsoleLine[];
  lineOfCall: (callId: number | null) => number | null;
  errorLine: number | null;
  selectedLine: number | null;
  selectedSegment: number | null;
  lineMarks: (line: number) => LineMark[];
  run: (mode?: 'final' | 'first-step') => Promise<void>;
  step: () => void;
  back: () => void;
  moveTo: (k: number) => void;
  selectLine: (line: number) => void;
  selectSegment: (segmentId: number, line: number | null) => void;
  /** forget the run (Reset, a new program) */
  clear: () => void;
}

/** The moment shown: null = the run's end (its last moment). */
type Position = number | null;

export function useRunSession(
  code: string,
  world: WorldOptions | undefined,
  extra: Omit<RunRequest, 'code' | 'world'> = {},
): RunSession {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [position, setPosition] = useState<Position>(null);
  const [running, setRunning] = useState(false);
  const [selectedLine, setSelectedLine] = useState<number | null>(null);
  const [selectedSegment, setSelectedSegment] = useState<number | null>(null);
  const alive = useRef(true);
  const extraRef = useRef(extra);
  extraRef.current = extra;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const run = useCallback(
    async (mode: 'final' | 'first-step' = 'final') => {
      if (running) return;
      setRunning(true);
      const source = code;
      const prepared = prepareRun(source);
      let result: RunResult;
      try {
        result = explainResult(await (await getRunner()).run({...extraRef.current, code: prepared.code, world}), prepared);
      } catch (err) {
        // The runner's code failed to load (not the reader's program): say so instead of hanging.
        result = runnerFault('load', err instanceof Error ? err.message : String(err));
      }
      if (!alive.current) return;
      try {
        const timeline = buildTimeline(result);
        setOutcome({result, timeline, code: source, punctuation: prepared.changes});
        // Step on a block not yet run: run it, then stand at its first moment after the start
        setPosition(mode === 'first-step' ? Math.min(1, timeline.moments.length - 1) : null);
      } catch (err) {
        // the result passed the runner's checks but the inspectors could not read it: a runner fault, Run still works
        const fault = runnerFault('invalid-result', String(err));
        setOutcome({result: fault, timeline: buildTimeline(fault), code: source, punctuation: []});
        setPosition(null);
      } finally {
        setSelectedSegment(null);
        setRunning(false);
      }
    },
    [code, running, world],
  );

  const fresh = outcome !== null && outcome.code === code;
  const moments = outcome?.timeline.moments ?? [];
  const last = moments.length - 1;
  const at = position === null ? last : Math.min(position, last);
  const moment = fresh ? moments[at] : null;

  // The run's end, or (while the code is what ran) the moment the controls picked.
  const state = useMemo(() => {
    if (!outcome) return null;
    const {trace, calls} = outcome.result;
    return stateAtMoment(trace, outcome.timeline, fresh ? at : outcome.timeline.moments.length - 1, calls);
  }, [outcome, at, fresh]);
  const shownConsole = useMemo(() => {
    if (!outcome) return [];
    return fresh && at < last ? outcome.result.console.slice(0, moments[at].consoleCount) : outcome.result.console;
  }, [outcome, fresh, at, last, moments]);

  const lineOfCall = useMemo(() => {
    const lines = new Map<number, number | null>();
    for (const c of outcome?.result.calls ?? []) lines.set(c.callId, c.line);
    return (callId: number | null) => (callId === null ? null : (lines.get(callId) ?? null));
  }, [outcome]);

  const errorLine = fresh ? (outcome!.result.error?.line ?? null) : null;
  // the line of the call this moment belongs to, while the reader is travelling (not at the run's end)
  const currentLine = moment && at < last ? lineOfCall(moment.callId) : null;
  const shownSelectedLine = outcome ? selectedLine : null;
  const lineMarks = (line: number): LineMark[] => {
    const marks: LineMark[] = [];
    if (line === errorLine) marks.push('error');
    if (line === currentLine) marks.push('current');
    if (line === shownSelectedLine) marks.push('selected');
    return marks;
  };

  return {
    outcome,
    running,
    fresh,
    at,
    last,
    moment,
    state,
    shownConsole,
    lineOfCall,
    errorLine,
    selectedLine: shownSelectedLine,
    selectedSegment,
    lineMarks,
    run,
    step: () => {
      if (!fresh) void run('first-step');
      else if (at < last) setPosition(at + 1);
    },
    back: () => {
      if (fresh && at > 0) setPosition(at - 1);
    },
    moveTo: setPosition,
    selectLine: (line: number) => {
      setSelectedLine(line);
      setSelectedSegment(null);
    },
    selectSegment: (id: number, line: number | null) => {
      setSelectedSegment(id);
      setSelectedLine(line);
    },
    clear: () => {
      setOutcome(null);
      setPosition(null);
      setSelectedLine(null);
      setSelectedSegment(null);
    },
  };
}
