/**
 * Each chapter's questions as a separate chunk: a chapter page downloads its own quiz only (MDX components are on
 * every doc page, so importing all seven here would make every page carry every question in two languages).
 */
import type {ChapterId, ChapterQuiz} from '../types';

export const chapterLoaders: Record<ChapterId, () => Promise<ChapterQuiz>> = {
  overview: () => import('./overview').then((m) => m.overviewQuiz),
  socket: () => import('./socket').then((m) => m.socketQuiz),
  connect: () => import('./connect').then((m) => m.connectQuiz),
  server: () => import('./server').then((m) => m.serverQuiz),
  'read-write': () => import('./readWrite').then((m) => m.readWriteQuiz),
  close: () => import('./close').then((m) => m.closeQuiz),
  http: () => import('./http').then((m) => m.httpQuiz),
};

export function isChapterId(chapter: string): chapter is ChapterId {
  return Object.prototype.hasOwnProperty.call(chapterLoaders, chapter);
}
