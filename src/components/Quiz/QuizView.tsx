/**
 * One chapter's quiz, given its questions: the region, the progress line, the notice and the questions. Saved
 * answers and their feedback appear after hydration (see src/quiz/progressStore.ts).
 */
import {useDeferredValue, type ReactNode} from 'react';
import type {ChapterQuiz} from '../../quiz/types';
import {pick, useQuizLocale} from '../../quiz/locale';
import {chapterSummary} from '../../quiz/summary';
import {useQuizProgress} from '../../quiz/useQuizProgress';
import ProgressNotice from './ProgressNotice';
import QuestionView from './QuestionView';
import {quizStrings} from './strings';
import styles from './styles.module.css';

export default function QuizView({quiz}: {quiz: ChapterQuiz}): ReactNode {
  const locale = useQuizLocale();
  const live = useQuizProgress();
  // The saved progress arrives right after hydration and may re-render every question: let React do that in a
  // background, time-sliced render. The reader's own answers (once loaded) show at once.
  const deferred = useDeferredValue(live);
  const snapshot = deferred.loaded ? live : deferred;
  const summary = chapterSummary(quiz, snapshot.progress);
  return (
    <section aria-label={quizStrings.regionLabel(pick(quiz.title, locale))} className={styles.quiz} data-quiz={quiz.chapter}>
      <ProgressNotice snapshot={snapshot} />
      <p className={styles.progress}>{quizStrings.progressLine(summary.answered, summary.correct, summary.total)}</p>
      {quiz.questions.map((q, i) => (
        <QuestionView key={q.id} question={q} number={i + 1} locale={locale} record={snapshot.progress.answers[q.id]} />
      ))}
    </section>
  );
}
