/**
 * Grading of the answers a reader types or picks. Pure: no React, no storage. Code challenges are graded by
 * their checker (checkers.ts) after a run, not here.
 */
import type {Answer, Question} from './types';

/**
 * A typed answer reduced to what matters: Unicode NFKC (full-width digits and letters become ASCII), trimmed,
 * lower case, a trailing full stop and a trailing "()" dropped ("close()" = "close"), and any run of spaces,
 * hyphens or underscores written as one hyphen, so "time wait", "TIME_WAIT" and "Time-Wait" are the same answer.
 */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[.。]+$/u, '')
    .replace(/\(\s*\)$/u, '')
    .trim()
    .replace(/[\s_-]+/gu, '-');
}

/** True when the typed text matches one of the accepted answers after normalisation (empty never matches). */
export function matchesAny(text: string, accepted: readonly string[]): boolean {
  const given = normalizeAnswer(text);
  if (given === '') return false;
  return accepted.some((a) => normalizeAnswer(a) === given);
}

/** The reader gave something to grade (a choice, a non-blank text, at least one box ticked). */
export function isAnswered(answer: Answer | undefined | null): boolean {
  if (answer === undefined || answer === null) return false;
  if (Array.isArray(answer)) return answer.length > 0;
  return answer.trim() !== '';
}

/** The accepted outcomes of a predict-the-outcome question: the key first, then the other spellings. */
export function acceptedOutcomes(q: {expected: string; accept?: string[]}): string[] {
  return [q.expected, ...(q.accept ?? [])];
}

/**
 * Whether an answer to a question that can be graded without running anything is right.
 * Throws for code challenges: they are graded by running the program (see checkers.ts).
 */
export function gradeAnswer(question: Question, answer: Answer): boolean {
  switch (question.kind) {
    case 'single':
      return typeof answer === 'string' && answer === question.correct;
    case 'multiple': {
      if (!Array.isArray(answer)) return false;
      const given = new Set(answer);
      return given.size === question.correct.length && question.correct.every((id) => given.has(id));
    }
    case 'short':
      return typeof answer === 'string' && matchesAny(answer, question.accept);
    case 'predict':
      return typeof answer === 'string' && matchesAny(answer, acceptedOutcomes(question));
    case 'code':
      throw new Error(`question ${question.id} is a code challenge: grade it with its checker after a run`);
  }
}
