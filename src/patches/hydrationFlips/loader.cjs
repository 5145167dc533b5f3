/**
 * Webpack loader for the two modules ./index.ts names (see there for why): each gets its exact edits, which make
 * the first state change after hydration a transition. If a stock line is not there (once), the build fails here
 * rather than quietly rendering in one blocking task again.
 */
'use strict';

const {applyEdits, editLoader} = require('../exactEdits.cjs');

/** file (by its ending) → [stock text, replacement] pairs, each stock text found exactly once */
const EDITS = {
  'core/lib/client/browserContext.js': [
    ["import React, { useEffect, useState } from 'react';", "import React, { startTransition, useEffect, useState } from 'react';"],
    ['        setIsBrowser(true);\n', '        startTransition(() => setIsBrowser(true));\n'],
  ],
  'theme-common/lib/hooks/useWindowSize.js': [
    ["import { useEffect, useState } from 'react';", "import { startTransition, useEffect, useState } from 'react';"],
    ['        updateWindowSize();\n', '        startTransition(updateWindowSize);\n'],
  ],
};

function editsFor(resourcePath) {
  const file = resourcePath.replace(/\\/g, '/');
  const key = Object.keys(EDITS).find((k) => file.endsWith('/@docusaurus/' + k));
  return key ? EDITS[key] : null;
}

module.exports = editLoader(
  editsFor,
  (file) =>
    `hydrationFlips: ${file} no longer has the lines this patch edits (each once). Docusaurus changed ` +
    'how it updates state right after hydration: check it, then update or remove src/patches/hydrationFlips.',
);
module.exports.EDITS = EDITS;
/** The module's source with its edits, or null when a stock text is missing or not unique. */
module.exports.rewrite = applyEdits;
