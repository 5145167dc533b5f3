/**
 * A chapter's quiz: `<Quiz chapter="connect" />` at the end of each chapter (registered in src/theme/MDXComponents,
 * so this file is on every doc page and stays tiny). The quiz UI and the chapter's questions load as chunks of their
 * own. The server waits for them (Docusaurus renders with onAllReady), so the HTML carries the questions and the page
 * works without JavaScript; in the browser, React keeps that HTML until the chunks arrive and then hydrates it.
 */
import {lazy, Suspense, type ComponentType, type ReactNode} from 'react';
import {chapterLoaders, isChapterId} from '../../quiz/data/loaders';
import styles from './styles.module.css';

const byChapter = new Map<string, ComponentType>();

/** One lazy component per chapter, created once so React sees the same component on every render. */
function chapterQuiz(chapter: keyof typeof chapterLoaders): ComponentType {
  let component = byChapter.get(chapter);
  if (!component) {
    component = lazy(async () => {
      const [quiz, {default: QuizView}] = await Promise.all([chapterLoaders[chapter](), import('./QuizView')]);
      return {default: () => <QuizView quiz={quiz} />};
    });
    byChapter.set(chapter, component);
  }
  return component;
}

export default function Quiz({chapter}: {chapter: string}): ReactNode {
  if (!isChapterId(chapter)) {
    // An author typo should be visible on the page, not a silent gap.
    return <p className={styles.notice}>Quiz not found: “{chapter}”</p>;
  }
  const ChapterQuiz = chapterQuiz(chapter);
  return (
    <Suspense fallback={null}>
      <ChapterQuiz />
    </Suspense>
  );
}
