/**
 * "Run it yourself" for a predict-the-outcome question, offered once the reader has answered: runs the program in
 * the worker and shows its console, its segments and the outcome the question asked about.
 */
import {useState, type ReactNode} from 'react';
import type {RunResult} from '../../runner/types';
import type {PredictQuestion} from '../../quiz/types';
import {measureOutcome} from '../../quiz/outcomes';
import {runProgram} from '../../quiz/runProgram';
import RunOutput from './RunOutput';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export default function RunProgramButton({question}: {question: PredictQuestion}): ReactNode {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<RunResult | null>(null);
  const [failed, setFailed] = useState(false);

  const run = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      setResult(await runProgram({code: question.program, world: question.world}));
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.runBox}>
      <button type="button" className="button button--sm button--outline button--primary" onClick={run} aria-disabled={busy}>
        {busy ? quizStrings.running() : quizStrings.runIt()}
      </button>
      {/* Only the short outcome is announced; the console and the table are there to read at leisure. */}
      <p aria-live="polite" className={styles.outcome}>
        {failed ? quizStrings.runFailed() : null}
        {result ? <strong>{quizStrings.outcome(measureOutcome(question.measure, result))}</strong> : null}
      </p>
      {result ? <RunOutput result={result} /> : null}
    </div>
  );
}
