/**
 * Client module: once the page has loaded and the browser is idle, loads registerWorker.ts (a chunk of its own:
 * a page carries only these lines) and registers the site's service worker. Production builds only (the
 * development server has no sw.js).
 */
if (typeof window !== 'undefined' && 'serviceWorker' in navigator && process.env.NODE_ENV === 'production') {
  const start = () => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1000));
    idle(() => {
      import(/* webpackChunkName: "sw-register" */ './registerWorker')
        .then((m) => m.register())
        .catch(() => {
          /* no worker (private mode, file://) or the chunk did not load: the site works online as before */
        });
    });
  };
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, {once: true});
}

export {};
