/**
 * The review page (`<QuizReview />` in docs/review.mdx). MDX components are on every doc page, so this stays tiny:
 * the review UI and every chapter's questions load as a chunk of their own, server-rendered all the same and
 * hydrated without a Suspense boundary around them, started early on the review page itself (see
 * src/components/Quiz/index.tsx for why).
 */
import {lazy, Suspense, useState, type ComponentType, type ReactNode} from 'react';
import ErrorBoundary from '../ErrorBoundary';
import ServerHtmlCopy from '../ErrorBoundary/ServerHtmlCopy';
import {loadOnce} from '../../lib/loadOnce';

const loader = loadOnce<ComponentType>(() => import('./ReviewView').then((m) => m.default));

// This module runs while Docusaurus loads the page's chunks, before hydration: on the review page, start now.
if (typeof window !== 'undefined' && /\/docs\/review\/?$/.test(window.location.pathname)) {
  loader.load().catch(() => {});
}

const ReviewView = lazy(loader.lazy);

export default function QuizReview(): ReactNode {
  // Decided once: is there server HTML to hydrate (on the server: the HTML being made)?
  const [hydrating] = useState(
    () => typeof document === 'undefined' || document.querySelector('[data-quiz-review-host]') !== null,
  );
  return (
    <div data-quiz-review-host="">
      {/* its chunk failed to load (offline?) or it crashed: the page lives on, the table stays readable */}
      <ErrorBoundary fallback={<ServerHtmlCopy selector="[data-quiz-review-host]" />}>
        {hydrating ? (
          <ReviewView />
        ) : (
          <Suspense fallback={null}>
            <ReviewView />
          </Suspense>
        )}
      </ErrorBoundary>
    </div>
  );
}
