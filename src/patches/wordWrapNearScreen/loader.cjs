/**
 * Webpack loader for @docusaurus/theme-common's lib/hooks/useCodeWordWrap.js (see ./index.ts for why): the check
 * made when a code block mounts waits until the block nears the screen (./nearScreen.ts). If the stock effect is not
 * there (once), the build fails here rather than quietly checking every block at hydration again.
 */
'use strict';

const path = require('node:path');
const {fixedEditsLoader} = require('../exactEdits.cjs');

const NEAR_SCREEN = JSON.stringify(path.join(__dirname, 'nearScreen.ts'));

/** [stock text, replacement] pairs, each stock text found exactly once */
const EDITS = [
  [
    "import { useMutationObserver } from './useMutationObserver';",
    `import { useMutationObserver } from './useMutationObserver';\nimport { onceNearScreen } from ${NEAR_SCREEN};`,
  ],
  [
    '    useEffect(() => {\n        updateCodeIsScrollable();\n    }, [isEnabled, updateCodeIsScrollable]);',
    '    useEffect(() => onceNearScreen(codeBlockRef.current, updateCodeIsScrollable), [isEnabled, updateCodeIsScrollable]);',
  ],
];

module.exports = fixedEditsLoader(
  EDITS,
  (file) =>
    `wordWrapNearScreen: ${file} no longer has the lines this patch edits (each once). Docusaurus changed when a ` +
    'code block checks whether it needs its word-wrap button: check it, then update or remove src/patches/wordWrapNearScreen.',
);
module.exports.EDITS = EDITS;
