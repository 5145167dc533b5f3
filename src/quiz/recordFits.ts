/**
 * Whether a saved answer record fits its question: a well-formed record may still be of another question's kind
 * (a hand edit, an id reused by a new question). A record that does not fit is set aside, never shown.
 */
import type {AnswerRecord} from './storage';
import type {Question} from './types';

export function recordFits(question: Question, record: AnswerRecord): boolean {
  const {answer} = record;
  switch (question.kind) {
    case 'single':
      return typeof answer === 'string' && question.choices.some((c) => c.id === answer);
    case 'multiple':
      return Array.isArray(answer) && answer.every((a) => question.choices.some((c) => c.id === a));
    case 'predict':
      return typeof answer === 'string' && (!question.options || answer === '' || question.options.includes(answer));
    case 'short':
    case 'code':
      return typeof answer === 'string';
  }
}
