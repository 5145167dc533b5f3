/** The answer of a question as the solution shows it, in the reader's language. */
import type {Locale, Question} from './types';
import {pick} from './locale';

export function solutionText(q: Question, locale: Locale): string {
  switch (q.kind) {
    case 'single':
      return pick(q.choices.find((c) => c.id === q.correct)!.text, locale);
    case 'multiple':
      return q.choices
        .filter((c) => q.correct.includes(c.id))
        .map((c) => pick(c.text, locale))
        .join(' / ');
    case 'short':
      return pick(q.solution, locale);
    case 'predict':
      return q.expected;
    case 'code':
      return q.solution;
  }
}
