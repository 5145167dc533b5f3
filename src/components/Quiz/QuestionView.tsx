/**
 * One question as a form: a fieldset whose legend is the question, the inputs, a "확인" / "Check" button, and
 * feedback in an aria-live region ("정답" / "오답" with the explanation, a link to the section that teaches it, and the
 * solution after an attempt). The saved answer and its feedback come back after a reload.
 */
import {memo, useEffect, useId, useRef, useState, type FormEvent, type ReactNode} from 'react';
import type {EarlyAnswer} from './staticQuiz';
import type {AnswerRecord} from '../../quiz/storage';
import type {Answer, Locale, Localized, Question} from '../../quiz/types';
import {gradeAnswer, isAnswered} from '../../quiz/grading';
import {pick} from '../../quiz/locale';
import {recordAnswer} from '../../quiz/progressStore';
import {solutionText} from '../../quiz/solutions';
import ChoiceInputs from './ChoiceInputs';
import CodeChallenge, {type CodeRun} from './CodeChallenge';
import InlineText from './InlineText';
import LiveCode from '../LiveCode';
import ProgramView from './ProgramView';
import SectionLink from './SectionLink';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export interface QuestionViewProps {
  question: Question;
  /** 1-based position shown in the legend */
  number: number;
  locale: Locale;
  /** the saved answer, once progress has loaded */
  record: AnswerRecord | undefined;
  /** retake mode: start blank and ignore the saved answer until the reader checks again here */
  fresh?: boolean;
  /** what the reader did in the server's HTML of this question before the live quiz took over (./staticQuiz.ts) */
  early?: EarlyAnswer;
}

/** A predicted outcome as a choice: the value in code style, with its words when it has some. */
function optionText(value: string, label: Localized | undefined): Localized {
  return label ? {ko: `\`${value}\` (${label.ko})`, en: `\`${value}\` (${label.en})`} : {ko: `\`${value}\``, en: `\`${value}\``};
}

function emptyAnswer(q: Question): Answer {
  return q.kind === 'multiple' || q.kind === 'single' || (q.kind === 'predict' && q.options) ? [] : '';
}

/** Choice answers are kept as lists while editing; a single choice is saved as its id. */
function toSaved(q: Question, draft: Answer): Answer {
  if (q.kind === 'single' || (q.kind === 'predict' && q.options)) return Array.isArray(draft) ? (draft[0] ?? '') : draft;
  return draft;
}

function toDraft(q: Question, saved: Answer): Answer {
  if ((q.kind === 'single' || (q.kind === 'predict' && q.options)) && typeof saved === 'string') return saved ? [saved] : [];
  return saved;
}

/** Memoised: when progress changes, only the questions whose saved answer changed render again. */
export default memo(QuestionView);

function QuestionView({question: q, number, locale, record, fresh = false, early}: QuestionViewProps): ReactNode {
  const uid = useId();
  const name = `quiz-${q.id}-${uid.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  // what the reader did in the server's HTML before this live question took over is where it starts (./staticQuiz.ts):
  // in the first render, so the value is there when the focus and the caret are put back
  const [draft, setDraft] = useState<Answer | undefined>(() => early?.answer ?? undefined);
  /** feedback hidden until the next check (after "다시 풀기", or from the start in retake mode) */
  const [hidden, setHidden] = useState(fresh);
  const [needAnswer, setNeedAnswer] = useState(false);
  const [codeRun, setCodeRun] = useState<CodeRun | null>(null);
  const firstInput = useRef<HTMLDivElement>(null);

  const saved = !fresh || !hidden ? record : undefined;
  const value: Answer = draft ?? (saved ? toDraft(q, saved.answer) : q.kind === 'code' ? q.starter : emptyAnswer(q));
  const showFeedback = !hidden && record !== undefined;

  const change = (next: Answer) => {
    setDraft(next);
    setNeedAnswer(false);
  };

  // Check pressed in the server's HTML before the live quiz took over: check now
  const form = useRef<HTMLFormElement>(null);
  const [checkEarly, setCheckEarly] = useState(() => early?.submit === true);
  useEffect(() => {
    if (!checkEarly) return;
    setCheckEarly(false);
    form.current?.requestSubmit();
  }, [checkEarly]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.kind === 'code') return; // CodeChallenge runs and reports through onChecked
    const answer = toSaved(q, value);
    if (!isAnswered(answer)) {
      setNeedAnswer(true);
      return;
    }
    recordAnswer(q.id, answer, gradeAnswer(q, answer));
    setDraft(toDraft(q, answer));
    setHidden(false);
  };

  const retry = () => {
    setDraft(q.kind === 'code' ? value : emptyAnswer(q));
    setHidden(true);
    setCodeRun(null);
    firstInput.current?.querySelector<HTMLElement>('input, textarea')?.focus();
  };

  return (
    <div className={styles.question}>
      <form ref={form} onSubmit={submit} noValidate data-question={q.id}>
        <fieldset>
          <legend>
            <span className={styles.number}>{quizStrings.questionNumber(number)}</span>{' '}
            <InlineText text={pick(q.prompt, locale)} />
          </legend>

          {/* Read-only until answered; then the same program becomes a runnable block (LiveCode: its buttons are
              type="button" and it has no text inputs, so it never submits this form): run it, step, see its segments. */}
          {q.kind === 'predict' && !showFeedback ? <ProgramView code={q.program} /> : null}
          {q.kind === 'predict' && showFeedback ? <LiveCode code={q.program} title={quizStrings.runIt()} /> : null}

          <div ref={firstInput}>
            {q.kind === 'single' || q.kind === 'multiple' ? (
              <ChoiceInputs
                name={name}
                choices={q.choices}
                multiple={q.kind === 'multiple'}
                locale={locale}
                value={value as string[]}
                onChange={change}
              />
            ) : null}
            {q.kind === 'predict' && q.options ? (
              <ChoiceInputs
                name={name}
                choices={q.options.map((o) => ({id: o, text: optionText(o, q.optionLabels?.[o])}))}
                multiple={false}
                locale={locale}
                value={value as string[]}
                onChange={change}
              />
            ) : null}
            {q.kind === 'short' || (q.kind === 'predict' && !q.options) ? (
              <p className={styles.textAnswer}>
                <label htmlFor={`${name}-text`}>
                  {q.kind === 'predict' ? quizStrings.predictionLabel() : quizStrings.answerLabel()}
                </label>
                <input
                  id={`${name}-text`}
                  type="text"
                  inputMode={q.inputMode === 'numeric' ? 'numeric' : 'text'}
                  autoComplete="off"
                  autoCapitalize="off"
                  spellCheck={false}
                  value={value as string}
                  onChange={(e) => change(e.target.value)}
                />
              </p>
            ) : null}
            {q.kind === 'code' ? (
              <CodeChallenge
                question={q}
                code={value as string}
                onCode={change}
                onChecked={(run) => {
                  setCodeRun(run);
                  setHidden(false);
                }}
              />
            ) : null}
          </div>

          <div className={styles.actions}>
            {q.kind !== 'code' ? (
              <button type="submit" className="button button--primary button--sm">
                {quizStrings.check()}
              </button>
            ) : null}
            {showFeedback ? (
              <button type="button" className="button button--secondary button--sm" onClick={retry}>
                {quizStrings.retry()}
              </button>
            ) : null}
            {showFeedback && record.attempts > 0 ? (
              <span className={styles.small}>{quizStrings.attempts(record.attempts)}</span>
            ) : null}
          </div>

          <div aria-live="polite" className={styles.feedback}>
            {needAnswer ? <p>{quizStrings.needAnswer()}</p> : null}
            {showFeedback ? (
              <p className={record.correct ? styles.right : styles.wrong}>
                <strong>{record.correct ? quizStrings.correct() : quizStrings.incorrect()}</strong>{' '}
                <InlineText text={pick(q.explanation, locale)} />
              </p>
            ) : null}
          </div>

          {showFeedback && q.kind === 'code' && codeRun ? <CodeChallenge.Report run={codeRun} locale={locale} /> : null}

          {showFeedback ? (
            <>
              <SectionLink section={q.section} locale={locale} />
              <details className={styles.solution} open={record.correct ? true : undefined}>
                <summary>{quizStrings.solution()}</summary>
                {q.kind === 'code' ? (
                  <ProgramView code={q.solution} />
                ) : (
                  <p>
                    <InlineText text={quizStrings.solutionAnswer(solutionText(q, locale))} />
                  </p>
                )}
              </details>
            </>
          ) : null}
        </fieldset>
      </form>
    </div>
  );
}
