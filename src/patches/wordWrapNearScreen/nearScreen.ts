/**
 * `onceNearScreen(element, act)`: `act()` once `element` is within a screen of the viewport; returns the cleanup.
 * The word-wrap check of a code block (./index.ts) reads the block's scroll width. A block far down the page is
 * skipped by content-visibility (src/css/custom.css), and reading a width inside a skipped block makes the browser
 * lay that block out there and then. Waiting until it nears the screen, when it is laid out anyway, reads a width
 * the browser already has. The one-screen margin lets the check (and its button) be done before the block shows.
 */
export const NEAR_SCREEN_MARGIN = '100% 0px 100% 0px';

export function onceNearScreen(element: Element | null, act: () => void): () => void {
  // no observer (an old browser, a test without one) or no element: as the stock hook does, at once
  if (!element || typeof IntersectionObserver === 'undefined') {
    act();
    return () => {};
  }
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      act();
    },
    {rootMargin: NEAR_SCREEN_MARGIN},
  );
  observer.observe(element);
  return () => observer.disconnect();
}
