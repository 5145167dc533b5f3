/**
 * Webpack loader for @docusaurus/theme-classic's lib/theme/CodeBlock/index.js (see index.ts for why): drops the
 * `key={String(isBrowser)}` that remounts every code block after hydration. If Docusaurus rewrites that line, the
 * build fails here rather than quietly remounting (and, with ./Content.tsx, showing unhighlighted code) again.
 */
'use strict';

const {oneLineLoader} = require('../exactEdits.cjs');

/** `rewrite(source)`: the module's source without the remount key, or null when the stock line is not there (exactly once). */
module.exports = oneLineLoader(
  'codeBlockLines',
  '<CodeBlockComp key={String(isBrowser)} {...props}>',
  '<CodeBlockComp {...props}>',
  'Docusaurus changed how CodeBlock picks up the colour mode after hydration: check it',
);
