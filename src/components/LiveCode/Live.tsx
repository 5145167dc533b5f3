/**
 * The live part of a runnable block (lazy chunk): editor, Run/Reset/Step/Back, the worker runner, the
 * console output and the inspectors. A run is deterministic, so Step/Back never re-run anything: they
 * replay the trace of the last run up to a call (`inspectAt(trace, step.traceEnd)`).
 */
import {useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode} from 'react';
import {translate} from '@docusaurus/Translate';
import {inspectAt, steps as stepsOf, type Step} from '../../runner/inspect';
import type {RunResult} from '../../runner/types';
import type {WorldOptions} from '../../sim/api';
import Toolbar from './Toolbar';
import Editor from './Editor';
import type {LineMark} from './CodeSurface';
import RunStatus from './RunStatus';
import ConsoleOutput from './ConsoleOutput';
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
  steps: Step[];
  /** the code that ran: marks (error line, step line) only apply while the editor still holds it */
  code: string;
  /** a phone keyboard's punctuation put back before the run (PunctuationNotice) */
  punctuation: PunctuationChange[];
}

/** Where Step/Back stand: null = the final state after the run. */
type StepIndex = number | null;

export default function Live({original, language, expect, intent, world}: LiveProps): ReactNode {
  // the reader's code, saved as it changes (a mount with what is stored, or the original, writes nothing)
  const saved = useSavedEdit(original);
  const {code, setCode} = saved;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [stepIndex, setStepIndex] = useState<StepIndex>(null);
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
        const steps = stepsOf(result);
        setOutcome({result, steps, code: source, punctuation: prepared.changes});
        setStepIndex(mode === 'first-step' && steps.length > 0 ? 0 : null);
      } catch (err) {
        // the result passed the runner's checks but the inspectors could not read it: a runner fault, Run still works
        setOutcome({result: runnerFault('invalid-result', String(err)), steps: [], code: source, punctuation: []});
        setStepIndex(null);
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
  const count = outcome?.steps.length ?? 0;
  const stepping = fresh && stepIndex !== null;
  const current = stepping ? outcome!.steps[stepIndex!] : null;

  const onStep = () => {
    if (!fresh) void run('first-step');
    else if (stepIndex === null) setStepIndex(0);
    else if (stepIndex < count - 1) setStepIndex(stepIndex + 1);
  };
  const onBack = () => {
    if (!fresh || count === 0) return;
    if (stepIndex === null) setStepIndex(Math.max(0, count - 2));
    else if (stepIndex > 0) setStepIndex(stepIndex - 1);
  };
  const onReset = () => {
    saved.reset();
    setOutcome(null);
    setStepIndex(null);
    setSelectedLine(null);
    setSelectedSegment(null);
  };

  const state = useMemo(() => {
    if (!outcome) return null;
    const {trace, calls} = outcome.result;
    const end = stepIndex !== null && outcome.steps[stepIndex] ? outcome.steps[stepIndex].traceEnd : trace.length;
    return inspectAt(trace, end, calls);
  }, [outcome, stepIndex]);

  const lineOfCall = useMemo(() => {
    const lines = new Map<number, number | null>();
    for (const c of outcome?.result.calls ?? []) lines.set(c.callId, c.line);
    return (callId: number | null) => (callId === null ? null : (lines.get(callId) ?? null));
  }, [outcome]);

  const errorLine = fresh ? (outcome!.result.error?.line ?? null) : null;
  const currentLine = current?.line ?? null;
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
        canStep={!running && (!fresh || (count > 0 && (stepIndex === null || stepIndex < count - 1)))}
        canBack={!running && fresh && count > 1 && (stepIndex === null || stepIndex > 0)}
        position={
          stepping
            ? translate({id: 'livecode.step.position', message: '단계 {k} / {n}'}, {k: stepIndex! + 1, n: count})
            : undefined
        }
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
        step={current ? {step: current, index: stepIndex!, count} : null}
        errorId={errorId}
        stale={!fresh}
      />
      <PunctuationNotice changes={fresh ? outcome!.punctuation : []} />
      {outcome ? (
        <ConsoleOutput
          lines={outcome.result.console}
          truncated={outcome.result.truncated}
          traceNote={traceCutText(outcome.result)}
        />
      ) : null}
      {state ? (
        <Inspectors
          state={state}
          currentCallId={current?.callId ?? null}
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
