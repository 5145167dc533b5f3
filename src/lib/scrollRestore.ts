/**
 * Client module: Back (and Forward) land where the reader was on that page. Docusaurus scrolls to the top (or the
 * hash) after every client-side navigation, Back included, so a reader who followed a glossary link and came back
 * lost their place in the chapter. Here each history entry's scroll position is remembered as the reader scrolls,
 * and put back after a Back/Forward navigation, once Docusaurus has done its own scrolling.
 */
import type {ClientModule} from '@docusaurus/types';

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
}

const keyOf = (location: {key?: string}) => location.key ?? 'initial';

const module: ClientModule = {
  onRouteUpdate({previousLocation}) {
    // leaving a page: its position is final; nothing is recorded while the next page loads and renders
    if (previousLocation) positions.set(keyOf(previousLocation), window.scrollY);
    current = '';
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
