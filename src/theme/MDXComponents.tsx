import MDXComponents from '@theme-original/MDXComponents';
import Quiz from '@site/src/components/Quiz';
import HttpLab from '@site/src/components/HttpLab';
import QuizReview from '@site/src/components/QuizReview';

// Components chapters use without importing them.
export default {
  ...MDXComponents,
  Quiz,
  HttpLab,
  QuizReview,
};
