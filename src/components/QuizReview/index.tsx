/**
 * The review page (`<QuizReview />` in docs/review.mdx). MDX components are on every doc page, so this stays tiny:
 * the review UI and every chapter's questions load as a chunk of their own (server-rendered all the same; see
 * src/components/Quiz/index.tsx).
 */
import {lazy, Suspense, type ReactNode} from 'react';

const ReviewView = lazy(() => import('./ReviewView'));

export default function QuizReview(): ReactNode {
  return (
    <Suspense fallback={null}>
      <ReviewView />
    </Suspense>
  );
}
