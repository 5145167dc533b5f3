/**
 * Webpack loader for @docusaurus/theme-common's lib/utils/reactUtils.js (see index.ts for why).
 * useShallowMemoObject sorts an object's keys only to get a stable order for useMemo's dependencies; any fixed order
 * will do, so the keys are compared by code unit instead of with `localeCompare` (which builds ICU's collator).
 * If Docusaurus rewrites that line, the build fails here rather than quietly building the collator again.
 */
'use strict';

const STOCK = 'deps.sort((a, b) => a[0].localeCompare(b[0]));';
const ORDINAL = 'deps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));';

/** The module's source with the ordinal sort, or null when the stock line is not there (exactly once). */
function rewrite(source) {
  const at = source.indexOf(STOCK);
  if (at < 0 || source.indexOf(STOCK, at + 1) >= 0) return null;
  return source.slice(0, at) + ORDINAL + source.slice(at + STOCK.length);
}

module.exports = function ordinalKeySortLoader(source) {
  const out = rewrite(source);
  if (out === null) {
    this.emitError(
      new Error(
        `ordinalKeySort: the line \`${STOCK}\` is not in ${this.resourcePath} (once). ` +
          'Docusaurus changed useShallowMemoObject: check whether it still calls localeCompare while pages hydrate, ' +
          'then update or remove src/patches/ordinalKeySort.',
      ),
    );
    return source;
  }
  return out;
};
module.exports.rewrite = rewrite;
