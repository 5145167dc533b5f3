/** A saved record must fit its question's kind before the quiz shows it (src/quiz/recordFits.ts). */
import {describe, expect, it} from 'vitest';
import {recordFits} from '../../src/quiz/recordFits';
import {quizzes} from '../../src/quiz/data';
import type {Question} from '../../src/quiz/types';

const all: Question[] = quizzes.flatMap((q) => q.questions);
const first = <K extends Question['kind']>(kind: K) => all.find((q) => q.kind === kind) as Extract<Question, {kind: K}>;
const rec = (answer: unknown) => ({answer: answer as string, attempts: 1, correct: false});

describe('recordFits', () => {
  it('a multiple-choice question takes an array of its choice ids, not a string', () => {
    const q = first('multiple');
    expect(recordFits(q, rec([q.choices[0].id]))).toBe(true);
    expect(recordFits(q, rec(q.choices[0].id))).toBe(false);
    expect(recordFits(q, rec(['no-such-choice']))).toBe(false);
  });

  it('a single-choice question takes one of its choice ids, not an array', () => {
    const q = first('single');
    expect(recordFits(q, rec(q.choices[0].id))).toBe(true);
    expect(recordFits(q, rec([q.choices[0].id]))).toBe(false);
    expect(recordFits(q, rec('no-such-choice'))).toBe(false);
  });

  it('short answers and programs are strings', () => {
    expect(recordFits(first('short'), rec('x'))).toBe(true);
    expect(recordFits(first('short'), rec(['x']))).toBe(false);
    expect(recordFits(first('code'), rec(['x']))).toBe(false);
  });
});
