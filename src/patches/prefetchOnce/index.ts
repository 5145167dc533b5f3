/**
 * Each chunk prefetched once. Docusaurus's `<Link>` prefetches the chunks of the route a visible link points to,
 * and core's helper (`client/prefetch.js`) adds a `<link rel=prefetch>` for every chunk of every matched route, all
 * in the one task that delivers the links' intersection callbacks after hydration. Every docs route matches the docs
 * layout routes too, so /docs/socket got 219 elements for 19 distinct chunks (most of them chunks the page had
 * already loaded): an 84 ms task in a Lighthouse run here, ×4 on its phone. ./prefetch.ts wraps the stock helper
 * (still what fetches): a chunk the page has, or asked for already, is not asked for again.
 * The swap is for the browser build only (the server never prefetches). The wrapper imports the stock helper as
 * `….js?stock`, which PREFETCH_JS does not match, so it gets the stock module and everyone else gets the wrapper.
 * Guard: test/patches/prefetchOnce.test.ts.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export const PREFETCH_JS = /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]prefetch\.js$/;
export const WRAPPER = path.join(__dirname, 'prefetch.ts');

export default function prefetchOnce(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-prefetch-once',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {plugins: [new NormalModuleReplacementPlugin(PREFETCH_JS, WRAPPER)]};
    },
  };
}
