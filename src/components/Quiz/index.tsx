/**
 * A chapter's quiz: `<Quiz chapter="connect" />` at the end of each chapter (registered in src/theme/MDXComponents,
 * so this file is on every doc page and stays tiny). The quiz UI and the chapter's questions load as chunks of their
 * own. The server waits for them (Docusaurus renders with onAllReady), so the HTML carries the questions and the page
 * works without JavaScript.
 *
 * In the browser the quiz hydrates with the rest of the page and keeps that HTML. Hence no Suspense boundary around
 * it on the server or while hydrating: React hydrates a boundary's content only after the page has committed, and
 * the first update after that (Docusaurus flips `isBrowser`) reaches the boundary first — React would then either
 * hydrate the whole quiz in one blocking task or, its chunk not ready, throw the HTML away and render it anew. Without
 * a boundary the quiz is hydrated in the page's own time-sliced pass. Its chunks start loading as soon as this module
 * runs (Docusaurus loads the page's chunks before hydrating), so they are normally there when hydration reaches the
 * quiz; if not, hydration waits for them. After a client-side navigation (nothing to hydrate) a boundary is fine.
 */
import {lazy, Suspense, useState, type ComponentType, type ReactNode} from 'react';
import {chapterLoaders, isChapterId} from '../../quiz/data/loaders';
import type {ChapterId, ChapterQuiz} from '../../quiz/types';
import ErrorBoundary from '../ErrorBoundary';
import ServerHtmlCopy from '../ErrorBoundary/ServerHtmlCopy';
import {loadOnce, type Loader} from '../../lib/loadOnce';
import styles from './styles.module.css';

const loaders = new Map<ChapterId, Loader<ComponentType>>();

/** The chapter's quiz as one component (its questions and the quiz UI), loaded once per page. */
function loaderOf(chapter: ChapterId): Loader<ComponentType> {
  let loader = loaders.get(chapter);
  if (!loader) {
    loader = loadOnce(() =>
      Promise.all([chapterLoaders[chapter](), import('./QuizView')]).then(([quiz, {default: QuizView}]) => {
        const ChapterQuizView = () => <QuizView quiz={quiz} />;
        return ChapterQuizView;
      }),
    );
    loaders.set(chapter, loader);
  }
  return loader;
}

/** The chapter a page shows (/docs/socket, /en/docs/socket), if it is one with a quiz. */
export function chapterOfPath(path: string): ChapterId | null {
  const m = /\/docs\/([^/?#]+)\/?$/.exec(path);
  return m && isChapterId(m[1]) ? m[1] : null;
}

// This module runs while Docusaurus loads the page's chunks, before hydration: start on the quiz's now.
if (typeof window !== 'undefined') {
  const chapter = chapterOfPath(window.location.pathname);
  if (chapter) loaderOf(chapter).load().catch(() => {});
}

const lazyByChapter = new Map<ChapterId, ComponentType>();

/** One lazy component per chapter, created once so React sees the same component on every render. */
function chapterQuiz(chapter: ChapterId): ComponentType {
  let component = lazyByChapter.get(chapter);
  if (!component) {
    component = lazy(loaderOf(chapter).lazy);
    lazyByChapter.set(chapter, component);
  }
  return component;
}

export default function Quiz({chapter}: {chapter: string}): ReactNode {
  if (!isChapterId(chapter)) {
    // An author typo should be visible on the page, not a silent gap.
    return <p className={styles.notice}>Quiz not found: “{chapter}”</p>;
  }
  return <QuizHost chapter={chapter} />;
}

function QuizHost({chapter}: {chapter: ChapterId}): ReactNode {
  // Decided once: is there server HTML of this quiz to hydrate (on the server: the HTML being made)?
  const [hydrating] = useState(() => typeof document === 'undefined' || document.querySelector(`[data-quiz-host="${chapter}"]`) !== null);
  const ChapterQuiz = chapterQuiz(chapter);
  const host = `[data-quiz-host="${chapter}"]`;
  return (
    <div data-quiz-host={chapter}>
      {/* the quiz's chunk failed to load (offline?) or the quiz crashed: the rest of the page lives on, and the
          questions stay readable */}
      <ErrorBoundary fallback={<ServerHtmlCopy selector={host} />}>
        {hydrating ? (
          <ChapterQuiz />
        ) : (
          <Suspense fallback={null}>
            <ChapterQuiz />
          </Suspense>
        )}
      </ErrorBoundary>
    </div>
  );
}
