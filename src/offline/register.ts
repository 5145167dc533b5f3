/**
 * Client module: once the page has hydrated and then settled, loads registerWorker.ts (a chunk of its own: a page
 * carries only these lines) and registers the site's service worker. Production builds only (the development
 * server has no sw.js).
 *
 * Why it waits: the worker's first install precaches the whole site (every page, chunk and diagram of both
 * locales), and Chromium compiles each script it stores to cache its code. Started at the first idle moment after
 * `load` — which, with the page's scripts starting after first paint (src/patches/ssrTemplate), comes while React is
 * still hydrating — that install took CPU and bandwidth from the page's own start on a 2-core machine. So it starts
 * after hydration (Docusaurus marks <html data-has-hydrated="true">), SETTLE_MS later, in an idle period.
 */
export const SETTLE_MS = 3000;

function whenHydrated(then: () => void): void {
  const html = document.documentElement;
  if (html.dataset.hasHydrated === 'true') return then();
  const watch = new MutationObserver(() => {
    if (html.dataset.hasHydrated !== 'true') return;
    watch.disconnect();
    then();
  });
  watch.observe(html, {attributes: true, attributeFilter: ['data-has-hydrated']});
}

if (typeof window !== 'undefined' && 'serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
  const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1000));
  whenHydrated(() =>
    setTimeout(
      () =>
        idle(() => {
          import(/* webpackChunkName: "sw-register" */ './registerWorker')
            .then((m) => m.register())
            .catch(() => {
              /* no worker (private mode, file://) or the chunk did not load: the site works online as before */
            });
        }),
      SETTLE_MS,
    ),
  );
}
