/**
 * Code blocks hydrate without Prism: the server's highlighted lines are kept as they are while the page hydrates
 * (src/prism/index.ts), and no block is rebuilt right after. Two edits of theme-classic, browser and server alike:
 * - `@theme/CodeBlock/Content` (asked for by CodeBlock/Layout) becomes ./Content.tsx: the stock component with its
 *   lines drawn by src/prism instead of prism-react-renderer's <Highlight>;
 * - theme-classic's CodeBlock loses `key={String(isBrowser)}` (./loader.cjs), which remounted every block right after
 *   hydration — tokenizing it again and rebuilding its DOM, on every page, in one blocking task — only so that dark
 *   mode got its token colours. ./Content.tsx carries the colours of both modes, so nothing needs the remount.
 * Goes with lazyPrism (Prism out of the main bundle). src/theme/CodeBlock (LiveCode for ```ts run``` blocks) wraps
 * the stock CodeBlock, so the stock build (SOCKETLAB_STOCK=1) draws ordinary blocks exactly as Docusaurus does.
 * Guard: test/patches/codeBlockLines.test.ts; the loader fails the build if the key line changes.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

/** what theme-classic's CodeBlock/Layout imports its Content by */
export const CONTENT_REQUEST = /^@theme\/CodeBlock\/Content$/;
export const CONTENT = path.join(__dirname, 'Content.tsx');
export const STOCK_CODE_BLOCK = /@docusaurus[\\/]theme-classic[\\/]lib[\\/]theme[\\/]CodeBlock[\\/]index\.js$/;

export default function codeBlockLines(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-code-block-lines',
    configureWebpack(_config, _isServer, {currentBundler}) {
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: [new NormalModuleReplacementPlugin(CONTENT_REQUEST, CONTENT)],
        module: {rules: [{test: STOCK_CODE_BLOCK, use: [{loader: path.join(__dirname, 'loader.cjs')}]}]},
      };
    },
  };
}
