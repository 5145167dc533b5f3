/**
 * A code challenge: the reader edits a program in LiveCode's editor (named "코드 편집기" / "Code editor"), presses
 * "확인" / "Check" (or Ctrl/Cmd+Enter), and the program runs in the worker; the challenge's checker
 * (src/quiz/checkers.ts) reads the run's final state and trace and says which requirements are met.
 */
import {useState, type ReactNode} from 'react';
import type {RunResult} from '../../runner/types';
import type {CodeChallengeQuestion, Locale} from '../../quiz/types';
import {runChecker, type CheckResult} from '../../quiz/checkers';
import {pick} from '../../quiz/locale';
import {recordAnswer} from '../../quiz/progressStore';
import {runQuizProgram} from '../../quiz/runProgram';
import {errorMessage} from '../LiveCode/runText';
import Editor from '../LiveCode/Editor';
import PunctuationNotice from '../LiveCode/PunctuationNotice';
import {explainResult, prepareRun} from '../LiveCode/punctuationRun';
import type {PunctuationChange} from '../LiveCode/smartPunctuation';
import RunOutput from './RunOutput';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export interface CodeRun {
  result: RunResult;
  check: CheckResult;
}

interface Props {
  question: CodeChallengeQuestion;
  code: string;
  onCode: (code: string) => void;
  onChecked: (run: CodeRun) => void;
}

function CodeChallenge({question, code, onCode, onChecked}: Props): ReactNode {
  const [busy, setBusy] = useState(false);
  /** the runner itself failed (not the reader's program), in the reader's language; nothing is recorded */
  const [failed, setFailed] = useState<string | null>(null);
  /** a phone keyboard's punctuation put back before the last run, as under a runnable block */
  const [punctuation, setPunctuation] = useState<PunctuationChange[]>([]);

  const check = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(null);
    try {
      // the same editor as a runnable block, so the same care for curly quotes a phone keyboard typed
      const prepared = prepareRun(code);
      const result = explainResult(await runQuizProgram({code: prepared.code, world: question.world}), prepared);
      setPunctuation(prepared.changes);
      if (result.error?.name === 'RunnerFault') {
        setFailed(errorMessage(result.error));
        return;
      }
      const outcome = runChecker(question.checker, result);
      recordAnswer(question.id, code, outcome.pass);
      onChecked({result, check: outcome});
    } catch {
      setFailed(quizStrings.runFailed());
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.codeChallenge}>
      {/* LiveCode's editor: highlighted, Tab indents, Esc then Tab leaves, Ctrl/Cmd+Enter checks */}
      <div data-code-editor="">
        <Editor code={code} language="ts" onChange={onCode} onRun={() => void check()} />
      </div>
      <div className={styles.actions}>
        <button type="button" className="button button--primary button--sm" onClick={check} aria-disabled={busy}>
          {quizStrings.check()}
        </button>
        <button type="button" className="button button--secondary button--sm" onClick={() => onCode(question.starter)}>
          {quizStrings.starterCode()}
        </button>
        <span aria-live="polite" className={styles.small}>
          {busy ? quizStrings.checking() : (failed ?? '')}
        </span>
      </div>
      <PunctuationNotice changes={punctuation} />
    </div>
  );
}

/** Which requirements the last run met, then what it printed and sent. */
function Report({run, locale}: {run: CodeRun; locale: Locale}): ReactNode {
  const {result, check} = run;
  return (
    <div className={styles.report}>
      <p className={styles.outputTitle}>{quizStrings.requirements()}</p>
      <ul className={styles.requirements}>
        {check.requirements.map((r, i) => (
          <li key={i} className={r.met ? styles.right : styles.wrong}>
            <span aria-hidden="true">{r.met ? '✓ ' : '✗ '}</span>
            <span className={styles.visuallyHidden}>{r.met ? quizStrings.met() : quizStrings.unmet()}: </span>
            {pick(r.text, locale)}
          </li>
        ))}
      </ul>
      {/* how the run ended (its error and line) is RunOutput's first line */}
      <RunOutput result={result} />
    </div>
  );
}

CodeChallenge.Report = Report;
export default CodeChallenge;
