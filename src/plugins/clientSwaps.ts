/**
 * Swaps two of @docusaurus/core's client helpers for our own, in the browser build only (the server never prefetches,
 * and its preload must not wait for a timer):
 * - `prefetch.js` → src/lib/prefetch.ts: each chunk prefetched once, none the page has, in idle time;
 * - `preload.js` → src/lib/preload.ts: the route's chunks loaded in a task of their own, not in main.js's.
 * Why each: see the files.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

const SWAPS: [RegExp, string][] = [
  [/@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]prefetch\.js$/, path.join(__dirname, '..', 'lib', 'prefetch.ts')],
  [/@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]preload\.js$/, path.join(__dirname, '..', 'lib', 'preload.ts')],
];

export default function clientSwaps(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-client-swaps',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {plugins: SWAPS.map(([pattern, file]) => new NormalModuleReplacementPlugin(pattern, file))};
    },
  };
}
