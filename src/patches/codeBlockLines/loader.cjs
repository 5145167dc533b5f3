/**
 * Webpack loader for @docusaurus/theme-classic's lib/theme/CodeBlock/index.js (see index.ts for why): drops the
 * `key={String(isBrowser)}` that remounts every code block after hydration. If Docusaurus rewrites that line, the
 * build fails here rather than quietly remounting (and, with ./Content.tsx, showing unhighlighted code) again.
 */
'use strict';

const {applyEdits, editLoader} = require('../exactEdits.cjs');

const STOCK = '<CodeBlockComp key={String(isBrowser)} {...props}>';
const KEPT = '<CodeBlockComp {...props}>';
const EDITS = [[STOCK, KEPT]];

module.exports = editLoader(
  () => EDITS,
  (file) =>
    `codeBlockLines: the line \`${STOCK}\` is not in ${file} (once). ` +
    'Docusaurus changed how CodeBlock picks up the colour mode after hydration: check it, ' +
    'then update or remove src/patches/codeBlockLines.',
);
/** The module's source without the remount key, or null when the stock line is not there (exactly once). */
module.exports.rewrite = (source) => applyEdits(source, EDITS);
