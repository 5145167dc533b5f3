/**
 * Stands in for @docusaurus/core's client `prefetch.js` (swapped by ./index.ts): fetching, at low
 * priority, the chunk of a route that a visible link points to, so following the link is quick.
 *
 * The stock helper adds one `<link rel=prefetch>` per chunk per matched route, all at once, in the intersection
 * observers' callback right after the page hydrates. Every docs route matches the docs layout routes too, so a
 * chapter page with a dozen visible links got ~160 elements, nearly all for the five layout chunks the page had
 * already loaded: one 30 ms task on this machine, four times that on Lighthouse's phone, counted as blocking time.
 * This wraps the stock helper: each chunk is asked of it once, never when the page already has it, in idle time.
 */
// '@site/…', not './…': webpack swaps this file in keeping the stock helper's folder as the context for its imports
import {whenIdle} from '@site/src/lib/idleQueue';
// the stock helper itself (`?stock`: a request ./index.ts does not swap), which adds the <link rel=prefetch>
import stockPrefetch from '@docusaurus/core/lib/client/prefetch.js?stock';

/** chunks this page asked for, by URL */
const requested = new Map<string, Promise<void>>();

/**
 * The page already has it: fetched earlier (webpack removes a chunk's script element once it has run, so the
 * browser's resource timing is what remembers it), or being fetched now by a script or a preload of the page.
 */
function onPage(url: string): boolean {
  const absolute = new URL(url, document.baseURI).href;
  if (performance.getEntriesByName(absolute, 'resource').length > 0) return true;
  for (const s of Array.from(document.scripts)) if (s.src === absolute) return true;
  for (const l of Array.from(document.querySelectorAll<HTMLLinkElement>('link[href]'))) {
    if (l.href === absolute && /\b(preload|prefetch|modulepreload)\b/.test(l.rel)) return true;
  }
  return false;
}

/** Same contract as the stock helper: resolves once the chunk is fetched (or could not be), never rejects. */
export default function prefetch(url: string): Promise<void> {
  if (typeof document === 'undefined') return Promise.resolve();
  let done = requested.get(url);
  if (!done) {
    done = new Promise<void>((resolve) => {
      // behind any runnable block waiting to wake (src/lib/idleQueue.ts)
      whenIdle(
        () => {
          if (onPage(url)) resolve();
          else stockPrefetch(url).then(resolve);
        },
        {last: true},
      );
    });
    requested.set(url, done);
  }
  return done;
}
