/**
 * Stands in for @docusaurus/core's client `prefetch.js` (swapped by ./index.ts, which says why): the same contract,
 * each chunk asked of the stock helper at most once, and never one the page already has.
 */
// the stock helper itself (`?stock`: a request ./index.ts does not swap), which adds the <link rel=prefetch>
import stockPrefetch from '@docusaurus/core/lib/client/prefetch.js?stock';

type Prefetch = (url: string) => Promise<void>;

/**
 * The page already has the chunk: loaded earlier (webpack removes a chunk's script element once it has run, so the
 * browser's resource timing is what remembers it), or being fetched now by a script or a preload of the page.
 */
export function onPage(absolute: string, doc: Document, perf: Pick<Performance, 'getEntriesByName'>): boolean {
  if (perf.getEntriesByName(absolute, 'resource').length > 0) return true;
  for (const s of Array.from(doc.scripts)) if (s.src === absolute) return true;
  for (const l of Array.from(doc.querySelectorAll<HTMLLinkElement>('link[href]'))) {
    if (l.href === absolute && /\b(preload|prefetch|modulepreload)\b/.test(l.rel)) return true;
  }
  return false;
}

/** `stock` asked at most once per chunk URL, and not at all for a chunk the page has. */
export function prefetchOnce(stock: Prefetch, doc: Document, perf: Pick<Performance, 'getEntriesByName'>): Prefetch {
  const asked = new Map<string, Promise<void>>();
  return (url) => {
    const absolute = new URL(url, doc.baseURI).href;
    let done = asked.get(absolute);
    if (!done) {
      // resolves at once for a chunk the page has; otherwise when fetched (the stock helper never rejects)
      done = onPage(absolute, doc, perf) ? Promise.resolve() : stock(url);
      asked.set(absolute, done);
    }
    return done;
  };
}

const prefetch: Prefetch =
  typeof document === 'undefined' ? stockPrefetch : prefetchOnce(stockPrefetch, document, performance);
export default prefetch;
