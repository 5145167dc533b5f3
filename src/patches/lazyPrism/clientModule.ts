/**
 * Stands in for theme-classic's `prism-include-languages` client module (swapped by ./index.ts).
 * That module imports Prism into the main bundle and builds every grammar on every page at start-up, before the
 * page can answer a tap; here the highlighter is a chunk loaded when something needs it (./index.ts).
 *
 * The one moment it is worth fetching early: the reader follows a link. The next page's code blocks are drawn in
 * the browser, so the chunk loads alongside that page's own chunks and the code appears highlighted.
 */
import type {ClientModule} from '@docusaurus/types';
// not './index': webpack swaps this file in keeping the original's folder as the context for its imports
import {loadHighlighter} from '@site/src/prism';

const clientModule: ClientModule = {
  onRouteUpdate({location, previousLocation}) {
    if (previousLocation && previousLocation.pathname !== location.pathname) loadHighlighter().catch(() => {});
  },
};

export default clientModule;
