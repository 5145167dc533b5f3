/**
 * Where live blocks get their runner: the page's one runner (src/runner/page.ts). Tests replace this module.
 */
export {getRunner, runOnPage, type Runner} from '../../runner/page';
