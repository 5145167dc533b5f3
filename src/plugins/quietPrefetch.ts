/**
 * Swaps @docusaurus/core's client prefetch helper for src/lib/prefetch.ts (why: see there). Browser build only:
 * the server never prefetches.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export default function quietPrefetch(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-quiet-prefetch',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: [
          new NormalModuleReplacementPlugin(
            /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]prefetch\.js$/,
            path.join(__dirname, '..', 'lib', 'prefetch.ts'),
          ),
        ],
      };
    },
  };
}
