/**
 * Webpack loader for @docusaurus/theme-common's lib/utils/reactUtils.js (see index.ts for why).
 * useShallowMemoObject sorts an object's keys only to get a stable order for useMemo's dependencies; any fixed order
 * will do, so the keys are compared by code unit instead of with `localeCompare` (which builds ICU's collator).
 * If Docusaurus rewrites that line, the build fails here rather than quietly building the collator again.
 */
'use strict';

const {oneLineLoader} = require('../exactEdits.cjs');

/** `rewrite(source)`: the module's source with the ordinal sort, or null when the stock line is not there (exactly once). */
module.exports = oneLineLoader(
  'ordinalKeySort',
  'deps.sort((a, b) => a[0].localeCompare(b[0]));',
  'deps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));',
  'Docusaurus changed useShallowMemoObject: check whether it still calls localeCompare while pages hydrate',
);
