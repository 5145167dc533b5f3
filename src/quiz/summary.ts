/** Progress per chapter as the review page and the quiz header count it. */
import type {Progress} from './storage';
import type {ChapterQuiz, Question} from './types';

export interface ChapterSummary {
  total: number;
  /** questions with at least one checked answer */
  answered: number;
  /** questions whose last checked answer was right */
  correct: number;
}

export function chapterSummary(quiz: ChapterQuiz, progress: Progress): ChapterSummary {
  let answered = 0;
  let correct = 0;
  for (const q of quiz.questions) {
    const r = progress.answers[q.id];
    if (!r) continue;
    answered += 1;
    if (r.correct) correct += 1;
  }
  return {total: quiz.questions.length, answered, correct};
}

/** Questions whose last checked answer was wrong (unanswered ones are not "wrong"). */
export function wrongQuestions(quiz: ChapterQuiz, progress: Progress): Question[] {
  return quiz.questions.filter((q) => progress.answers[q.id]?.correct === false);
}
