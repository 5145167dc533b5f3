/**
 * Runs a quiz program in the browser, on the page's one runner (src/runner/page.ts: a sealed worker per run, 2 s
 * limit). Never rejects: a runner that failed comes back as a result with a runner fault. Tests replace this module.
 */
export {runOnPage as runQuizProgram} from '../runner/page';
