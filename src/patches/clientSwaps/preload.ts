/**
 * Stands in for @docusaurus/core's client `preload.js` (swapped by ./index.ts), browser only: the
 * stock helper, called in a task of its own.
 *
 * Why: Docusaurus calls preload() as main.js runs, and with the route's chunks already on the page
 * (src/patches/startupChunks) everything it leads to (running the route's modules, then starting hydration) would
 * happen in main.js's task, the longest of a page load, as microtasks. One task later, main.js's task ends with
 * main.js, and the route's modules run in a task of their own. On a client-side navigation the extra task is
 * a zero-delay timer, nothing a reader notices.
 */
// the stock helper itself (`?stock`: a request ./index.ts does not swap)
import stockPreload from '@docusaurus/core/lib/client/preload.js?stock';

export default function preload(pathname: string): Promise<unknown[]> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => stockPreload(pathname));
}
