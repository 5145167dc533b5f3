/**
 * Stands in for @docusaurus/theme-common's `useWindowSize` hook (swapped by ./index.ts), browser only:
 * the same hook, but its first reading after mount is a transition. Later readings (resizes) stay urgent.
 *
 * Why: the hook starts at "ssr" so hydration matches the server, then reads the window in an effect. That update gets
 * React's default lane, which renders in one piece, and on a phone it is a big render: the navbar's mobile sidebar
 * (every menu link) mounts and the contents switch from the desktop list to the collapsible one. As a transition the
 * same render yields every few milliseconds, like the hydration before it, and "ssr" (both variants, CSS picks one)
 * looks right until it lands.
 */
import {startTransition, useEffect, useState} from 'react';

type WindowSize = 'desktop' | 'mobile' | 'ssr';

// Infima's breakpoint, as theme-common has it (JS and CSS must agree)
const DESKTOP_BREAKPOINT = 996;

const sizeOf = (desktopBreakpoint: number): WindowSize => (window.innerWidth > desktopBreakpoint ? 'desktop' : 'mobile');

export function useWindowSize({desktopBreakpoint = DESKTOP_BREAKPOINT}: {desktopBreakpoint?: number} = {}): WindowSize {
  const [windowSize, setWindowSize] = useState<WindowSize>('ssr');
  useEffect(() => {
    const update = () => setWindowSize(sizeOf(desktopBreakpoint));
    startTransition(update);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [desktopBreakpoint]);
  return windowSize;
}
