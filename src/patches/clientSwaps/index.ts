/**
 * Swaps four of Docusaurus's client modules for our own, in the browser build only (the server never prefetches,
 * its preload must not wait for a timer, and it runs no effects):
 * - `prefetch.js` → ./prefetch.ts: each chunk prefetched once, none the page has, in idle time;
 * - `preload.js` → ./preload.ts: the route's chunks loaded in a task of their own, not in main.js's;
 * - core's `browserContext.js` → ./browserContext.tsx: the post-hydration "now in the browser" render as a transition;
 * - theme-common's `useWindowSize.js` → ./useWindowSize.ts: its first reading after mount as a transition.
 * Why each: see the files.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

/**
 * Each pattern ends at `.js`: prefetch.ts and preload.ts wrap the stock helper, importing it as `….js?stock`, which the
 * pattern does not match, so the wrapper gets the stock module and everyone else gets the wrapper.
 */
export const SWAPS: [RegExp, string][] = [
  [/@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]prefetch\.js$/, path.join(__dirname, 'prefetch.ts')],
  [/@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]preload\.js$/, path.join(__dirname, 'preload.ts')],
  [/@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]browserContext\.js$/, path.join(__dirname, 'browserContext.tsx')],
  [/@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize\.js$/, path.join(__dirname, 'useWindowSize.ts')],
];

/** `only`: the stand-ins to swap in, by file name without extension (all when absent; the bench's A/B builds) */
export default function clientSwaps(_context: LoadContext, {only}: {only?: string[]} = {}): Plugin {
  const swaps = SWAPS.filter(([, file]) => !only || only.includes(path.basename(file).replace(/\.tsx?$/, '')));
  return {
    name: 'socket-lab-client-swaps',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {plugins: swaps.map(([pattern, file]) => new NormalModuleReplacementPlugin(pattern, file))};
    },
  };
}
