/** Every chapter's quiz, in reading order. */
import type {ChapterQuiz} from '../types';
import {overviewQuiz} from './overview';
import {socketQuiz} from './socket';
import {connectQuiz} from './connect';
import {serverQuiz} from './server';
import {readWriteQuiz} from './readWrite';
import {closeQuiz} from './close';
import {httpQuiz} from './http';

export const quizzes: ChapterQuiz[] = [overviewQuiz, socketQuiz, connectQuiz, serverQuiz, readWriteQuiz, closeQuiz, httpQuiz];

export function quizFor(chapter: string): ChapterQuiz | undefined {
  return quizzes.find((q) => q.chapter === chapter);
}
