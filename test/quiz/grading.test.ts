/** Grading of typed and picked answers (src/quiz/grading.ts). */
import {describe, expect, it} from 'vitest';
import fc from 'fast-check';
import {gradeAnswer, isAnswered, matchesAny, normalizeAnswer} from '../../src/quiz/grading';
import type {MultipleChoiceQuestion, PredictQuestion, ShortAnswerQuestion, SingleChoiceQuestion} from '../../src/quiz/types';

const text = (s: string) => ({ko: s, en: s});
const base = {section: 'connect#x', notePoints: [], prompt: text('?'), explanation: text('!')};

describe('normalizeAnswer', () => {
  it('trims, lowers case and folds full-width digits', () => {
    expect(normalizeAnswer('  ECONNREFUSED ')).toBe('econnrefused');
    expect(normalizeAnswer('８０')).toBe('80');
  });

  it('treats spaces, hyphens and underscores alike, so TCP states can be typed either way', () => {
    const forms = ['TIME-WAIT', 'time wait', 'TIME_WAIT', ' Time - Wait '];
    expect(new Set(forms.map(normalizeAnswer))).toEqual(new Set(['time-wait']));
  });

  it('drops a trailing full stop and a trailing "()"', () => {
    expect(normalizeAnswer('close().')).toBe('close');
    expect(normalizeAnswer('3.')).toBe('3');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (s) => normalizeAnswer(normalizeAnswer(s)) === normalizeAnswer(s)));
  });
});

describe('matchesAny', () => {
  it('accepts Korean and English alternatives', () => {
    const accepted = ['descriptor', '디스크립터', 'file descriptor', '파일 디스크립터'];
    expect(matchesAny('디스크립터', accepted)).toBe(true);
    expect(matchesAny('File Descriptor', accepted)).toBe(true);
    expect(matchesAny('port', accepted)).toBe(false);
  });

  it('never accepts a blank answer, even when an accepted form normalises to blank', () => {
    expect(matchesAny('   ', ['', ' '])).toBe(false);
  });
});

describe('gradeAnswer', () => {
  const single: SingleChoiceQuestion = {
    ...base,
    id: 's',
    kind: 'single',
    choices: [{id: 'a', text: text('A')}, {id: 'b', text: text('B')}],
    correct: 'b',
  };
  const multiple: MultipleChoiceQuestion = {
    ...base,
    id: 'm',
    kind: 'multiple',
    choices: ['a', 'b', 'c'].map((id) => ({id, text: text(id)})),
    correct: ['a', 'c'],
  };
  const short: ShortAnswerQuestion = {...base, id: 'sh', kind: 'short', accept: ['80', '80번'], solution: text('80')};
  const predict: PredictQuestion = {
    ...base,
    id: 'p',
    kind: 'predict',
    program: 'socket()',
    measure: {type: 'last-log'},
    expected: 'TIME-WAIT',
    accept: ['TIME_WAIT'],
  };

  it('single choice: only the correct id', () => {
    expect(gradeAnswer(single, 'b')).toBe(true);
    expect(gradeAnswer(single, 'a')).toBe(false);
    expect(gradeAnswer(single, ['b'])).toBe(false);
  });

  it('multiple choice: exactly the correct set, in any order', () => {
    expect(gradeAnswer(multiple, ['c', 'a'])).toBe(true);
    expect(gradeAnswer(multiple, ['a'])).toBe(false);
    expect(gradeAnswer(multiple, ['a', 'b', 'c'])).toBe(false);
    expect(gradeAnswer(multiple, ['a', 'a'])).toBe(false);
  });

  it('short answer: normalised against the accepted list', () => {
    expect(gradeAnswer(short, ' 80번 ')).toBe(true);
    expect(gradeAnswer(short, '８０')).toBe(true);
    expect(gradeAnswer(short, '8080')).toBe(false);
  });

  it('predict: the key or another spelling of it', () => {
    expect(gradeAnswer(predict, 'time wait')).toBe(true);
    expect(gradeAnswer(predict, 'CLOSE-WAIT')).toBe(false);
  });

  it('refuses to grade a code challenge without a run', () => {
    const code = {...base, id: 'c', kind: 'code' as const, starter: '', solution: '', checker: 'x'};
    expect(() => gradeAnswer(code, 'socket()')).toThrow(/checker/);
  });
});

describe('isAnswered', () => {
  it('needs a choice, a ticked box or a non-blank text', () => {
    expect(isAnswered('')).toBe(false);
    expect(isAnswered('  ')).toBe(false);
    expect(isAnswered([])).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered('a')).toBe(true);
    expect(isAnswered(['a'])).toBe(true);
  });
});
