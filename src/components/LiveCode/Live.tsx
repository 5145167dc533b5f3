/**
 * The live part of a runnable block (lazy chunk): editor, Run/Reset/Step/Back, the worker runner, the
 * timeline, the console output and the inspectors. A run is deterministic, so moving in time never re-runs
 * anything: every control picks a moment of the run's timeline (src/runner/timeline.ts) and everything below
 * shows the world at that instant (`stateAtMoment`), the console included.
 */
import {useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode} from 'react';
import {buildTimeline, nextCallStop, previousCallStop, stateAtMoment, type Timeline as RunTimeline} from '../../runner/timeline';
import type {RunResult} from '../../runner/types';
import type {WorldOptions} from '../../sim/api';
import Toolbar from './Toolbar';
import Editor from './Editor';
import type {LineMark} from './CodeSurface';
import RunStatus from './RunStatus';
import ConsoleOutput from './ConsoleOutput';
import Timeline from './Timeline';
import Inspectors from './Inspectors';
import {getRunner} from './runnerFactory';
import {useSavedEdit} from './useSavedEdit';
import EditedMark from './EditedMark';
import PunctuationNotice from './PunctuationNotice';
import {explainResult, prepareRun} from './punctuationRun';
import type {PunctuationChange} from './smartPunctuation';
import EditNotice from './EditNotice';
import {runnerFault} from '../../runner/failure';
import {traceCutText} from './runText';
import type {EarlyIntent} from './index';

export interface LiveProps {
  original: string;
  language: string;
  expect?: string;
  intent: EarlyIntent;
  world?: WorldOptions;
}

interface Outcome {
  result: RunResult;
  timeline: RunTimeline;
  /** the code that ran: marks (error line, step line) only apply while the editor still holds it */
  code: string;
  /** a phone keyboard's punctuation put back before the run (PunctuationNotice) */
  punctuation: PunctuationChange[];
}

/** The moment shown: null = the run's end (its last moment). */
type Position = number | null;

export default function Live({original, language, expect, intent, world}: LiveProps): ReactNode {
  // the reader's code, saved as it changes (a mount with what is stored, or the original, writes nothing)
  const saved = useSavedEdit(original);
  const {code, setCode} = saved;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [position, setPosition] = useState<Position>(null);
  const [running, setRunning] = useState(false);
  const [selectedLine, setSelectedLine] = useState<number | null>(null);
  const [selectedSegment, setSelectedSegment] = useState<number | null>(null);
  const alive = useRef(true);
  const errorId = useId();

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
        result = explainResult(await (await getRunner()).run({code: prepared.code, world}), prepared);
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

  useEffect(() => {
    if (intent.run) void run();
    // Only once: a Run pressed on the placeholder before this part loaded.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const fresh = outcome !== null && outcome.code === code;
  const moments = outcome?.timeline.moments ?? [];
  const last = moments.length - 1;
  const at = position === null ? last : Math.min(position, last);
  const moment = fresh ? moments[at] : null;

  const onStep = () => {
    if (!fresh) void run('first-step');
    else if (at < last) setPosition(at + 1);
  };
  const onBack = () => {
    if (fresh && at > 0) setPosition(at - 1);
  };
  const onReset = () => {
    saved.reset();
    setOutcome(null);
    setPosition(null);
    setSelectedLine(null);
    setSelectedSegment(null);
  };

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

  const selectLine = (line: number) => {
    setSelectedLine(line);
    setSelectedSegment(null);
  };

  // Start the worker as soon as the reader reaches for the block, so Run answers quickly.
  const warmUp = () => void getRunner().catch(() => {});

  return (
    <div onPointerEnter={warmUp} onFocus={warmUp}>
      {saved.edited ? <EditedMark savedAt={saved.savedAt} /> : null}
      <Toolbar
        onRun={() => void run()}
        onReset={onReset}
        onStep={onStep}
        onBack={onBack}
        running={running}
        canReset={code !== original || outcome !== null}
        canStep={!running && (!fresh || at < last)}
        canBack={!running && fresh && at > 0}
      />
      <Editor
        code={code}
        language={language}
        onChange={setCode}
        onRun={() => void run()}
        lineMarks={lineMarks}
        onCaretLine={(line) => {
          if (line !== selectedLine) selectLine(line);
        }}
        onGutterClick={selectLine}
        autoFocus={intent.focus}
        errorId={errorLine !== null ? errorId : undefined}
      />
      <EditNotice notice={saved.notice} />
      <RunStatus
        running={running}
        result={outcome?.result ?? null}
        expect={expect}
        errorId={errorId}
        stale={!fresh}
      />
      {fresh && last > 0 ? (
        <Timeline
          moments={moments}
          position={at}
          onMove={setPosition}
          previousCall={previousCallStop(outcome!.timeline, at)}
          nextCall={nextCallStop(outcome!.timeline, at)}
        />
      ) : null}
      <PunctuationNotice changes={fresh ? outcome!.punctuation : []} />
      {outcome ? (
        <ConsoleOutput
          lines={shownConsole}
          truncated={outcome.result.truncated && shownConsole === outcome.result.console}
          traceNote={traceCutText(outcome.result)}
        />
      ) : null}
      {state ? (
        <Inspectors
          state={state}
          currentCallId={moment && at < last ? moment.callId : null}
          lineOfCall={lineOfCall}
          selectedLine={shownSelectedLine}
          selectedSegment={selectedSegment}
          onSelectSegment={(id, line) => {
            setSelectedSegment(id);
            setSelectedLine(line);
          }}
        />
      ) : null}
    </div>
  );
}
