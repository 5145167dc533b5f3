/**
 * A chapter's quiz: `<Quiz chapter="connect" />` at the end of each chapter (registered in src/theme/MDXComponents,
 * so this file is on every doc page and stays tiny). The quiz UI and the chapter's questions load as chunks of their
 * own. The server waits for them (Docusaurus renders with onAllReady), so the HTML carries the questions and the page
 * works without JavaScript.
 *
 * In the browser the quiz sits at the end of a long chapter, so its chunks (~17 KB gzip, more than a blank
 * Docusaurus page's whole difference from ours) are not part of the page's start: the server's HTML is kept as it is,
 * inert (React adopts it as `dangerouslySetInnerHTML`, so nothing in it is hydrated or rebuilt), until the reader comes
 * near (a screen away: loaded in an idle moment) or reaches into it (a tap, a key, focus: at once). Then the live quiz
 * replaces it, carrying over what the reader already did in the plain HTML — picked choices, typed answers, edited
 * code, a pressed Check, the focus (./staticQuiz.ts; src/lib/earlyInput.ts keeps a static form from submitting).
 * No Suspense boundary is hydrated: one would be forced to render on the client by the first context update after
 * hydration (Docusaurus flips `isBrowser`), before its chunk is there. After a client-side navigation (no server
 * HTML) the quiz loads at once behind an empty boundary.
 */
import {lazy, Suspense, useCallback, useEffect, useLayoutEffect, useRef, useState, type ComponentType, type ReactNode} from 'react';
import {flushSync} from 'react-dom';
import {chapterLoaders, isChapterId} from '../../quiz/data/loaders';
import type {ChapterId} from '../../quiz/types';
import ErrorBoundary from '../ErrorBoundary';
import ServerHtmlCopy from '../ErrorBoundary/ServerHtmlCopy';
import {loadOnce, type Loader} from '../../lib/loadOnce';
import {whenIdle} from '../../lib/idleQueue';
import {EARLY_SUBMIT, QUIZ_LIVE} from '../../lib/earlyInput';
import {controlAt, readStaticQuiz, restoreFocus, spotOf, type EarlyAnswers, type FocusSpot} from './staticQuiz';
import styles from './styles.module.css';

type ChapterQuizComponent = ComponentType<{early?: EarlyAnswers}>;

const loaders = new Map<ChapterId, Loader<ChapterQuizComponent>>();

/** The chapter's quiz as one component (its questions and the quiz UI), loaded once per page. */
function loaderOf(chapter: ChapterId): Loader<ChapterQuizComponent> {
  let loader = loaders.get(chapter);
  if (!loader) {
    loader = loadOnce(() =>
      Promise.all([chapterLoaders[chapter](), import('./QuizView')]).then(([quiz, {default: QuizView}]) => {
        const ChapterQuizView = ({early}: {early?: EarlyAnswers}) => <QuizView quiz={quiz} early={early} />;
        return ChapterQuizView;
      }),
    );
    loaders.set(chapter, loader);
  }
  return loader;
}

const lazyByChapter = new Map<ChapterId, ChapterQuizComponent>();

/** One lazy component per chapter, created once so React sees the same component on every render. */
function chapterQuiz(chapter: ChapterId): ChapterQuizComponent {
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

/** How this host started: rendering on the server, adopting the server's HTML, or rendered anew in the browser. */
type Start = {mode: 'server'} | {mode: 'static'; html: string} | {mode: 'client'};

/** What the live quiz takes over from the static one. */
interface Handover {
  early: EarlyAnswers;
  focus: FocusSpot | null;
  /** a non-submit button the reader pressed in the static quiz (a code question's Check): pressed again, live */
  pressed: FocusSpot | null;
}

function QuizHost({chapter}: {chapter: ChapterId}): ReactNode {
  const host = `[data-quiz-host="${chapter}"]`;
  // Decided once: is there server HTML of this quiz to adopt (on the server: the HTML being made)?
  const [start] = useState<Start>(() => {
    if (typeof document === 'undefined') return {mode: 'server'};
    const body = document.querySelector(`${host} > [data-quiz-body]`);
    return body ? {mode: 'static', html: body.innerHTML} : {mode: 'client'};
  });
  const [handover, setHandover] = useState<Handover | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const pressed = useRef<FocusSpot | null>(null);
  const waking = useRef(false);
  const isStatic = start.mode === 'static' && handover === null;

  /**
   * Load the live quiz and swap it in. What the static quiz holds is read and the live one committed in one task
   * (flushSync): no keystroke can land in the static HTML between the reading and the swap, to be lost with it.
   */
  const wake = useCallback(
    () => {
      if (waking.current) return;
      waking.current = true;
      loaderOf(chapter)
        .load()
        .then(
          () => {
            const body = rootRef.current?.querySelector('[data-quiz-body]');
            const read = body ? readStaticQuiz(body) : {answers: {}, focus: null};
            flushSync(() => setHandover({early: read.answers, focus: read.focus, pressed: pressed.current}));
          },
          // offline? the static quiz stays readable; the next approach or touch tries again
          () => {
            waking.current = false;
          },
        );
    },
    [chapter],
  );

  useEffect(() => {
    const root = rootRef.current;
    if (!isStatic || !root) return;
    // Check pressed (or the focus put in the quiz) before the page had even hydrated: now
    if (root.querySelector(`[${EARLY_SUBMIT}]`) || root.contains(document.activeElement)) wake();
    const now = () => wake();
    const onClick = (e: MouseEvent) => {
      const button = e.target instanceof Element ? e.target.closest('button') : null;
      const form = button?.closest<HTMLFormElement>('form[data-question]');
      if (button && form && button.type !== 'submit') pressed.current = spotOf(form, button);
      wake();
    };
    const reach = ['pointerdown', 'focusin', 'keydown', 'input', 'change', 'submit'] as const;
    for (const type of reach) root.addEventListener(type, now);
    root.addEventListener('click', onClick);
    // a screen away: load in an idle moment, so it is live before the reader gets there
    let cancel: (() => void) | null = null;
    const io =
      typeof IntersectionObserver === 'undefined'
        ? null
        : new IntersectionObserver((entries) => {
            if (entries.some((e) => e.isIntersecting)) cancel ??= whenIdle(wake);
          }, {rootMargin: '100% 0px 100% 0px'});
    io?.observe(root);
    return () => {
      for (const type of reach) root.removeEventListener(type, now);
      root.removeEventListener('click', onClick);
      io?.disconnect();
      cancel?.();
    };
  }, [isStatic, wake]);

  // The commit that swapped: the focus back on the live twin of what had it, before the browser paints.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!handover?.focus || !root) return;
    const active = document.activeElement;
    if (!active || active === document.body) restoreFocus(root, handover.focus);
  }, [handover]);
  // then the press the static quiz could not act on
  useEffect(() => {
    const root = rootRef.current;
    if (!handover?.pressed || !root) return;
    controlAt(root, handover.pressed)?.click();
  }, [handover]);

  const ChapterQuiz = chapterQuiz(chapter);
  return (
    <div ref={rootRef} data-quiz-host={chapter} {...(isStatic || start.mode === 'server' ? {} : {[QUIZ_LIVE]: ''})}>
      {/* the quiz's chunk failed to load (offline?) or the quiz crashed: the rest of the page lives on, and the
          questions stay readable */}
      <ErrorBoundary fallback={<ServerHtmlCopy selector={host} />}>
        {isStatic ? (
          // the server's HTML, adopted as it is: React neither hydrates nor rebuilds what is inside
          <div key="static" data-quiz-body="" dangerouslySetInnerHTML={{__html: start.html}} suppressHydrationWarning />
        ) : start.mode === 'server' ? (
          <div key="live" data-quiz-body="">
            <ChapterQuiz />
          </div>
        ) : (
          <div key="live" data-quiz-body="">
            <Suspense fallback={null}>
              <ChapterQuiz early={handover?.early} />
            </Suspense>
          </div>
        )}
      </ErrorBoundary>
    </div>
  );
}
