/**
 * Keeps Prism off the page's critical path: theme-classic's `prism-include-languages` client module, which imports
 * Prism into the main bundle and builds its grammars on every page load, is swapped for ./clientModule.ts
 * (the highlighter is a chunk loaded on demand, src/prism). Goes with the codeBlockLines patch, which keeps the
 * server's highlighted lines while hydrating, so no block needs Prism at start-up.
 * Guard: test/patches/lazyPrism.test.ts (the pattern names exactly one installed file, and that file is the one the
 * theme registers as a client module).
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export const PRISM_INCLUDE_LANGUAGES = /@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages\.js$/;
export const CLIENT_MODULE = path.join(__dirname, 'clientModule.ts');

export default function lazyPrism(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-lazy-prism',
    configureWebpack(_config, _isServer, {currentBundler}) {
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {plugins: [new NormalModuleReplacementPlugin(PRISM_INCLUDE_LANGUAGES, CLIENT_MODULE)]};
    },
  };
}
