/**
 * The review page body: every chapter's quiz with the reader's progress, a
 * "retake wrong answers" view that shows only the questions last answered wrong (each with a link to the section
 * that teaches it), "reset progress" behind a confirmation, and moving progress to another device (ProgressTransfer).
 * Progress appears after hydration.
 */
import {useEffect, useRef, useState, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {quizzes} from '../../quiz/data';
import {pick, useQuizLocale} from '../../quiz/locale';
import {resetProgress} from '../../quiz/progressStore';
import {recordFits} from '../../quiz/recordFits';
import {chapterSummary, wrongQuestions} from '../../quiz/summary';
import {useQuizProgress} from '../../quiz/useQuizProgress';
import ProgressNotice from '../Quiz/ProgressNotice';
import ProgressTransfer from '../ProgressTransfer';
import QuestionView from '../Quiz/QuestionView';
import SectionLink from '../Quiz/SectionLink';
import quizStyles from '../Quiz/styles.module.css';
import {reviewStrings} from './strings';
import styles from './styles.module.css';

export default function ReviewView(): ReactNode {
  const locale = useQuizLocale();
  const snapshot = useQuizProgress();
  const {progress} = snapshot;
  /** ids of the questions being retaken, fixed when the view opens so a fixed answer does not vanish mid-retake */
  const [retakeIds, setRetakeIds] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [status, setStatus] = useState('');
  const retakeRef = useRef<HTMLElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const resetRef = useRef<HTMLButtonElement>(null);

  const summaries = quizzes.map((quiz) => ({quiz, ...chapterSummary(quiz, progress), wrong: wrongQuestions(quiz, progress)}));
  const totals = summaries.reduce(
    (t, s) => ({answered: t.answered + s.answered, correct: t.correct + s.correct, wrong: t.wrong + s.wrong.length, total: t.total + s.total}),
    {answered: 0, correct: 0, wrong: 0, total: 0},
  );

  useEffect(() => {
    if (retakeIds) retakeRef.current?.focus();
  }, [retakeIds]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const openRetake = () => {
    setStatus('');
    setRetakeIds(summaries.flatMap((s) => s.wrong.map((q) => q.id)));
  };

  const reset = () => {
    resetProgress();
    setRetakeIds(null);
    setConfirming(false);
    setStatus(reviewStrings.resetDone());
    resetRef.current?.focus();
  };

  return (
    <div className={styles.review}>
      <ProgressNotice snapshot={snapshot} />

      <div className={styles.tableScroll}>
        <table className={styles.table}>
          <caption>{reviewStrings.tableCaption()}</caption>
          <thead>
            <tr>
              <th scope="col">{reviewStrings.colChapter()}</th>
              <th scope="col">{reviewStrings.colAnswered()}</th>
              <th scope="col">{reviewStrings.colCorrect()}</th>
              <th scope="col">{reviewStrings.colWrong()}</th>
              <th scope="col">{reviewStrings.colTotal()}</th>
            </tr>
          </thead>
          <tbody>
            {summaries.map((s) => (
              <tr key={s.quiz.chapter} data-chapter={s.quiz.chapter}>
                <th scope="row">
                  <Link to={`/docs/${s.quiz.chapter}#quiz`}>{pick(s.quiz.title, locale)}</Link>
                </th>
                <td>{s.answered}</td>
                <td>{s.correct}</td>
                <td>{s.wrong.length}</td>
                <td>{s.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{reviewStrings.total()}</th>
              <td>{totals.answered}</td>
              <td>{totals.correct}</td>
              <td>{totals.wrong}</td>
              <td>{totals.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>

      <div className={quizStyles.actions}>
        {retakeIds === null ? (
          <button type="button" className="button button--primary" onClick={openRetake}>
            {reviewStrings.retakeWrong()}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setRetakeIds(null)}>
            {reviewStrings.closeRetake()}
          </button>
        )}
        <button
          ref={resetRef}
          type="button"
          className="button button--secondary"
          aria-expanded={confirming}
          onClick={() => setConfirming((c) => !c)}>
          {reviewStrings.resetProgress()}
        </button>
      </div>

      {confirming ? (
        <div role="group" aria-label={reviewStrings.resetProgress()} className={styles.confirm}>
          <p>{reviewStrings.resetConfirmText()}</p>
          <div className={quizStyles.actions}>
            <button ref={confirmRef} type="button" className={`button button--sm ${styles.dangerButton}`} onClick={reset}>
              {reviewStrings.resetConfirmButton()}
            </button>
            <button
              type="button"
              className="button button--secondary button--sm"
              onClick={() => {
                setConfirming(false);
                resetRef.current?.focus();
              }}>
              {reviewStrings.resetCancel()}
            </button>
          </div>
        </div>
      ) : null}

      <p role="status" className={styles.status}>
        {status}
      </p>

      {retakeIds !== null ? (
        <section ref={retakeRef} tabIndex={-1} aria-label={reviewStrings.retakeRegion()} className={styles.retake}>
          <p>{retakeIds.length ? reviewStrings.retakeIntro(retakeIds.length) : reviewStrings.noWrong()}</p>
          {quizzes.map((quiz) => {
            const questions = quiz.questions.filter((q) => retakeIds.includes(q.id));
            if (!questions.length) return null;
            return (
              <div key={quiz.chapter} className={styles.chapterGroup}>
                <h3>{pick(quiz.title, locale)}</h3>
                {questions.map((q, i) => (
                  <div key={q.id}>
                    <SectionLink section={q.section} locale={locale} />
                    <QuestionView question={q} number={i + 1} locale={locale} record={progress.answers[q.id] && recordFits(q, progress.answers[q.id]) ? progress.answers[q.id] : undefined} fresh />
                  </div>
                ))}
              </div>
            );
          })}
        </section>
      ) : null}
      <ProgressTransfer />
    </div>
  );
}
