/**
 * Keeps Prism off the page's critical path (see src/prism/index.ts):
 * - theme-classic's `prism-include-languages` client module, which imports Prism into the main bundle and builds
 *   its grammars on every page load, is swapped for src/prism/clientModule.ts;
 * - the server build gets the highlighter directly (src/prism/now.server.ts), so the HTML carries highlighted code,
 *   while the browser's `now` is empty and loads the highlighter as a chunk when a block needs it.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

const prismDir = path.join(__dirname, '..', 'prism');

export default function lazyPrism(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-lazy-prism',
    configureWebpack(_config, isServer, {currentBundler}) {
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      const swaps = [
        new NormalModuleReplacementPlugin(
          /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages\.js$/,
          path.join(prismDir, 'clientModule.ts'),
        ),
      ];
      if (isServer) swaps.push(new NormalModuleReplacementPlugin(/^@site\/src\/prism\/now$/, path.join(prismDir, 'now.server.ts')));
      return {plugins: swaps};
    },
  };
}
