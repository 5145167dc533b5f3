/**
 * A chapter's quiz: `<Quiz chapter="connect" />` at the end of each chapter (registered in src/theme/MDXComponents).
 * The questions are rendered on the server, so the page has them without JavaScript; saved answers and their
 * feedback appear after hydration (see src/quiz/progressStore.ts).
 */
import type {ReactNode} from 'react';
import {quizFor} from '../../quiz/data';
import {pick, useQuizLocale} from '../../quiz/locale';
import {chapterSummary} from '../../quiz/summary';
import {useQuizProgress} from '../../quiz/useQuizProgress';
import ProgressNotice from './ProgressNotice';
import QuestionView from './QuestionView';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export default function Quiz({chapter}: {chapter: string}): ReactNode {
  const locale = useQuizLocale();
  const snapshot = useQuizProgress();
  const quiz = quizFor(chapter);
  if (!quiz) {
    // An author typo should be visible on the page, not a silent gap.
    return <p className={styles.notice}>Quiz not found: “{chapter}”</p>;
  }
  const summary = chapterSummary(quiz, snapshot.progress);
  return (
    <section aria-label={quizStrings.regionLabel(pick(quiz.title, locale))} className={styles.quiz} data-quiz={chapter}>
      <ProgressNotice snapshot={snapshot} />
      <p className={styles.progress}>{quizStrings.progressLine(summary.answered, summary.correct, summary.total)}</p>
      {quiz.questions.map((q, i) => (
        <QuestionView key={q.id} question={q} number={i + 1} locale={locale} record={snapshot.progress.answers[q.id]} />
      ))}
    </section>
  );
}
