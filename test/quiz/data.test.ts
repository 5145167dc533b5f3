/**
 * The quiz data is complete and consistent: five or more questions per chapter, unique ids, answer keys that
 * exist among the choices, every note point asked, a checker for every code challenge, and both languages written
 * out (Korean text in Korean, English text without Hangul).
 */
import {describe, expect, it} from 'vitest';
import {quizzes} from '../../src/quiz/data';
import {notePoints} from '../../src/quiz/notePoints';
import {checkers} from '../../src/quiz/checkers';
import {gradeAnswer} from '../../src/quiz/grading';
import type {Localized, Question} from '../../src/quiz/types';

const all: Question[] = quizzes.flatMap((q) => q.questions);
const HANGUL = /[\uac00-\ud7a3]/;

/** Every Localized text of a question, with where it is. */
function textsOf(q: Question): Array<[string, Localized]> {
  const out: Array<[string, Localized]> = [
    ['prompt', q.prompt],
    ['explanation', q.explanation],
  ];
  if (q.kind === 'single' || q.kind === 'multiple') q.choices.forEach((c) => out.push([`choice ${c.id}`, c.text]));
  if (q.kind === 'short') out.push(['solution', q.solution]);
  if (q.kind === 'predict') for (const [k, v] of Object.entries(q.optionLabels ?? {})) out.push([`option ${k}`, v]);
  return out;
}

describe('chapters', () => {
  it('are the six chapters and the server-side page, in reading order', () => {
    expect(quizzes.map((q) => q.chapter)).toEqual(['overview', 'socket', 'connect', 'server', 'read-write', 'close', 'http']);
  });

  it.each(quizzes.map((q) => [q.chapter, q] as const))('%s has at least five questions', (_c, quiz) => {
    expect(quiz.questions.length).toBeGreaterThanOrEqual(5);
  });

  it('every question sits in the chapter its section belongs to', () => {
    const misplaced = quizzes.flatMap((quiz) =>
      quiz.questions.filter((q) => !q.section.startsWith(`${quiz.chapter}#`)).map((q) => `${q.id} in ${quiz.chapter}`),
    );
    expect(misplaced).toEqual([]);
  });
});

describe('questions', () => {
  it('have unique ids', () => {
    const ids = all.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('choice answer keys exist among unique choices, and the key grades as right', () => {
    for (const q of all) {
      if (q.kind !== 'single' && q.kind !== 'multiple') continue;
      const ids = q.choices.map((c) => c.id);
      expect(new Set(ids).size, q.id).toBe(ids.length);
      const keys = q.kind === 'single' ? [q.correct] : q.correct;
      for (const k of keys) expect(ids, q.id).toContain(k);
      expect(gradeAnswer(q, q.kind === 'single' ? q.correct : [...q.correct].reverse()), q.id).toBe(true);
    }
  });

  it('short answers accept their own key and predicted outcomes are among the options', () => {
    for (const q of all) {
      if (q.kind === 'short') expect(gradeAnswer(q, q.accept[0]), q.id).toBe(true);
      if (q.kind === 'predict' && q.options) {
        expect(q.options, q.id).toContain(q.expected);
        expect(new Set(q.options).size, q.id).toBe(q.options.length);
      }
    }
  });

  it('code challenges name a checker that exists', () => {
    for (const q of all) if (q.kind === 'code') expect(Object.keys(checkers), q.id).toContain(q.checker);
  });

  it('are written in both languages', () => {
    const problems: string[] = [];
    for (const q of all) {
      for (const [where, text] of textsOf(q)) {
        if (!text.ko.trim() || !text.en.trim()) problems.push(`${q.id} ${where}: empty`);
        if (HANGUL.test(text.en)) problems.push(`${q.id} ${where}: Hangul in the English text`);
      }
      if (!HANGUL.test(q.prompt.ko)) problems.push(`${q.id} prompt: the Korean text has no Korean`);
      if (!HANGUL.test(q.explanation.ko)) problems.push(`${q.id} explanation: the Korean text has no Korean`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the note', () => {
  it('every point of the note is asked by at least one question', () => {
    const asked = new Set(all.flatMap((q) => q.notePoints));
    const unasked = Object.entries(notePoints)
      .filter(([id]) => !asked.has(id))
      .map(([id, text]) => `${id}: ${text}`);
    expect(unasked).toEqual([]);
  });

  it('questions only cite note points that exist', () => {
    const unknown = all.flatMap((q) => q.notePoints.filter((p) => !(p in notePoints)).map((p) => `${q.id}: ${p}`));
    expect(unknown).toEqual([]);
  });
});
