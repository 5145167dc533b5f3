/* Socket Lab's service worker (plain JS, copied into build/sw.js by src/plugins/offline with `self.PRECACHE` set
 * before it: {version, files: [[url, fileInBuild]]}, every file of both locales, made from the build output).
 *
 * - install: every page (under the address the site links: /docs/socket, /en/), script, stylesheet, diagram, font,
 *   the runner's worker and the search index go into one cache named after the build's version (a hash over the
 *   files' contents), so a reader who opened the site once can read, run and search it with no network;
 * - fetch: same-origin GETs are answered from that cache, anything else goes to the network as usual (the site itself
 *   never asks another origin for anything). One version answers everything, so a page and its scripts always match;
 * - a new deployment installs beside the old one and waits: the page shows a quiet notice (src/offline/registerWorker.ts)
 *   and the reader's "Reload" sends `skip-waiting`. Old versions' caches are deleted when the new one takes over.
 */
/* global self, caches, fetch, Response, URL */
const {version, files} = self.PRECACHE;
const CACHE = `socketlab-${version}`;
const FILE_OF = new Map(files);

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // fetched under the file's own name (any static host serves that), kept under the address pages use
      await Promise.all(
        files.map(async ([url, file]) => {
          const res = await fetch(file, {cache: 'no-cache'});
          if (!res.ok) throw new Error(`precache ${file}: ${res.status}`);
          await cache.put(url, res);
        }),
      );
      // the very first install takes over at once (nothing older to be consistent with)
      if (!self.registration.active) await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('socketlab-') && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'skip-waiting') self.skipWaiting();
});

/** the cache key of a same-origin address: /docs/socket.html and /docs/socket are one page */
function keyOf(url) {
  let path = url.pathname;
  if (!FILE_OF.has(path) && path.endsWith('.html')) {
    const bare = path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path.slice(0, -'.html'.length);
    if (FILE_OF.has(bare)) path = bare;
  }
  if (!FILE_OF.has(path) && path.endsWith('/') && FILE_OF.has(path.slice(0, -1))) path = path.slice(0, -1);
  else if (!FILE_OF.has(path) && FILE_OF.has(`${path}/`)) path = `${path}/`; // /en → the English home page
  return FILE_OF.has(path) ? path : null;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET') return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin) return;
  const key = keyOf(url);
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = key && (await cache.match(key));
      if (hit) return hit;
      try {
        return await fetch(req);
      } catch (err) {
        // offline and not in the cache: a page gets the site's own "not found" page rather than the browser's error
        const notFound = req.mode === 'navigate' && (await cache.match(url.pathname.startsWith('/en/') ? '/en/404' : '/404'));
        if (notFound) return notFound;
        throw err;
      }
    })(),
  );
});
