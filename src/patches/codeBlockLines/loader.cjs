/**
 * Webpack loader for @docusaurus/theme-classic's lib/theme/CodeBlock/index.js (see index.ts for why): drops the
 * `key={String(isBrowser)}` that remounts every code block after hydration. If Docusaurus rewrites that line, the
 * build fails here rather than quietly remounting (and, with ./Content.tsx, showing unhighlighted code) again.
 */
'use strict';

const STOCK = '<CodeBlockComp key={String(isBrowser)} {...props}>';
const KEPT = '<CodeBlockComp {...props}>';

/** The module's source without the remount key, or null when the stock line is not there (exactly once). */
function rewrite(source) {
  const at = source.indexOf(STOCK);
  if (at < 0 || source.indexOf(STOCK, at + 1) >= 0) return null;
  return source.slice(0, at) + KEPT + source.slice(at + STOCK.length);
}

module.exports = function codeBlockLinesLoader(source) {
  const out = rewrite(source);
  if (out === null) {
    this.emitError(
      new Error(
        `codeBlockLines: the line \`${STOCK}\` is not in ${this.resourcePath} (once). ` +
          'Docusaurus changed how CodeBlock picks up the colour mode after hydration: check it, ' +
          'then update or remove src/patches/codeBlockLines.',
      ),
    );
    return source;
  }
  return out;
};
module.exports.rewrite = rewrite;
