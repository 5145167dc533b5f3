/**
 * Marks the app's entry script for eager compilation with V8's explicit compile hint, the magic comment
 * `//# allFunctionsCalledOnLoad` on its first line (Chrome 136+; other browsers read an ordinary comment).
 *
 * Why: main.js (React DOM, the router, the theme) runs in full while the page hydrates, but V8 compiles a function
 * lazily, on the main thread, the first time it is called. Measured on a chapter page, that lazy parsing and
 * compiling was ~40 % of main.js's evaluation task (the longest task of a page load). With the hint, V8 compiles the
 * script's functions while streaming it, on a background thread, so the main thread only runs them.
 * Only the entry: chunks loaded later (the simulator, the editor) hold many functions a reader may never call.
 */
import type {LoadContext, Plugin} from '@docusaurus/types';

const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';
/** the chunks whose scripts carry the hint: the entry (and its runtime, which runs first) */
export const EAGER_CHUNKS = ['main', 'runtime~main'];

export default function compileHints(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-compile-hints',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) return {};
      const {Compilation, sources} = currentBundler.instance;
      return {
        plugins: [
          {
            apply(compiler) {
              compiler.hooks.thisCompilation.tap('socket-lab-compile-hints', (compilation) => {
                compilation.hooks.processAssets.tap(
                  // after minification (which drops comments), before file names get their content hashes
                  {name: 'socket-lab-compile-hints', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1},
                  () => {
                    for (const chunk of compilation.chunks) {
                      if (!chunk.name || !EAGER_CHUNKS.includes(chunk.name)) continue;
                      for (const file of chunk.files) {
                        if (!file.endsWith('.js')) continue;
                        compilation.updateAsset(file, (source) => new sources.ConcatSource(COMPILE_HINT, source));
                      }
                    }
                  },
                );
              });
            },
          },
        ],
      };
    },
  };
}
