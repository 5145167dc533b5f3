/**
 * A code block checks whether its lines overflow (for the word-wrap button) when it nears the screen, not when the
 * page hydrates. theme-common's `useCodeWordWrap` reads each block's `scrollWidth` in an effect of its first render,
 * so hydration read the width of every block on the page; for a block that content-visibility skips (every block
 * after a chapter's first section, src/css/custom.css) that read lays the block out on the spot, inside the
 * hydration task. On /docs/http that was two forced layouts of 742 and 1,829 objects (1,456 elements styled).
 * ./loader.cjs changes only that effect: it now runs `./nearScreen.ts`, which checks once the block is within a
 * screen of the viewport (at once where there is no IntersectionObserver). The button, its toggle, the resize and
 * hidden-tab checks are the stock ones.
 * Guard: test/patches/wordWrapNearScreen.test.ts (the edited lines once in the installed file; the loader refuses a
 * source without them, failing the build).
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export const WORD_WRAP_HOOK = /@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useCodeWordWrap\.js$/;

export default function wordWrapNearScreen(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-word-wrap-near-screen',
    configureWebpack() {
      return {module: {rules: [{test: WORD_WRAP_HOOK, use: [{loader: path.join(__dirname, 'loader.cjs')}]}]}};
    },
  };
}
