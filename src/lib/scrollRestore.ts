/**
 * Client module: Back (and Forward) land where the reader was on that page. Docusaurus scrolls to the top (or the
 * hash) after every client-side navigation, Back included, so a reader who followed a glossary link and came back
 * lost their place in the chapter. Here each history entry's scroll position is remembered as the reader scrolls,
 * and put back after a Back/Forward navigation, once Docusaurus has done its own scrolling.
 *
 * Jumps measure the whole page. A chapter's later blocks are skipped until they near the screen
 * (content-visibility: auto, src/css/custom.css), standing in at an estimated size; a jump computed from those
 * estimates missed its heading once the blocks around it were drawn (/en/docs/close's last contents entry: 442 px).
 * So before a jump — a link to a fragment, Back or Forward, an address with #id — every block is drawn
 * (`<html data-sl-drawn>`): one layout of the page when the reader asks for it. A plain navigation clears the mark,
 * so the next page starts skipping again.
 */
import type {ClientModule} from '@docusaurus/types';

/** the mark src/css/custom.css reads to draw every block */
const DRAWN = 'data-sl-drawn';
const drawEverything = (on: boolean) => document.documentElement.toggleAttribute(DRAWN, on);

const positions = new Map<string, number>();
/** the history entry on screen ('' while a navigation is under way) */
let current = 'initial';
let popped = false;

if (typeof window !== 'undefined') {
  // the browser's own restoration would act on the old page before the new one renders: we do it instead
  window.history.scrollRestoration = 'manual';
  window.addEventListener(
    'scroll',
    () => {
      if (current) positions.set(current, window.scrollY);
    },
    {passive: true},
  );
  window.addEventListener('popstate', () => {
    popped = true;
  });
  // an address with #id: the browser keeps that heading in view while the page loads; let it measure real blocks
  if (window.location.hash) drawEverything(true);
}

const keyOf = (location: {key?: string}) => location.key ?? 'initial';

const module: ClientModule = {
  onRouteUpdate({location, previousLocation}) {
    // leaving a page: its position is final; nothing is recorded while the next page loads and renders
    if (previousLocation) positions.set(keyOf(previousLocation), window.scrollY);
    current = '';
    // before the next location renders and Docusaurus (or Back, below) scrolls to a place on it
    if (previousLocation) drawEverything(Boolean(location.hash) || popped);
  },
  onRouteDidUpdate({location, previousLocation}) {
    current = keyOf(location);
    const wasPop = popped;
    popped = false;
    if (!previousLocation || !wasPop) return;
    // A jump to a fragment on the same page (a table-of-contents link, an address with #id) also fires popstate,
    // with an entry the router did not make: the browser and Docusaurus scroll to the heading, where the reader asked.
    if (location.pathname === previousLocation.pathname) return;
    const y = positions.get(current);
    if (y === undefined) return;
    window.scrollTo(0, y);
    // the page may still be growing (images, blocks waking): once more after the next frame
    requestAnimationFrame(() => {
      if (Math.abs(window.scrollY - y) > 1) window.scrollTo(0, y);
    });
  },
};
export default module;
