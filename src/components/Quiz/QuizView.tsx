/**
 * One chapter's quiz, given its questions: the region, the progress line, the notice and the questions. Saved
 * answers and their feedback appear after hydration (see src/quiz/progressStore.ts).
 */
import {useDeferredValue, useEffect, type ReactNode} from 'react';
import type {ChapterQuiz} from '../../quiz/types';
import type {AnswerRecord} from '../../quiz/storage';
import {pick, useQuizLocale} from '../../quiz/locale';
import {chapterSummary} from '../../quiz/summary';
import {useQuizProgress} from '../../quiz/useQuizProgress';
import {setAsideMisfits} from '../../quiz/progressStore';
import {recordFits} from '../../quiz/recordFits';
import ProgressNotice from './ProgressNotice';
import QuestionView from './QuestionView';
import type {EarlyAnswers} from './staticQuiz';
import {quizStrings} from './strings';
import styles from './styles.module.css';

/** `early`: what the reader did in the server's HTML before this live quiz took over (./staticQuiz.ts). */
export default function QuizView({quiz, early}: {quiz: ChapterQuiz; early?: EarlyAnswers}): ReactNode {
  const locale = useQuizLocale();
  const live = useQuizProgress();
  // The saved progress arrives right after hydration and may re-render every question: let React do that in a
  // background, time-sliced render. The reader's own answers (once loaded) show at once.
  const deferred = useDeferredValue(live);
  const snapshot = deferred.loaded ? live : deferred;
  const summary = chapterSummary(quiz, snapshot.progress);
  // a saved record of the right shape but not of its question's kind is set aside (with the notice), never shown
  useEffect(() => {
    if (live.loaded) setAsideMisfits(quiz.questions);
  }, [live.loaded, quiz]);
  return (
    <section aria-label={quizStrings.regionLabel(pick(quiz.title, locale))} className={styles.quiz} data-quiz={quiz.chapter}>
      <ProgressNotice snapshot={snapshot} />
      <p className={styles.progress}>{quizStrings.progressLine(summary.answered, summary.correct, summary.total)}</p>
      {quiz.questions.map((q, i) => (
        <QuestionView key={q.id} question={q} number={i + 1} locale={locale} record={fitting(q, snapshot.progress.answers[q.id])} early={early?.[q.id]} />
      ))}
    </section>
  );
}

function fitting(q: ChapterQuiz['questions'][number], record: AnswerRecord | undefined): AnswerRecord | undefined {
  return record && recordFits(q, record) ? record : undefined;
}
