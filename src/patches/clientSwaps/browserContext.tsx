/**
 * Stands in for @docusaurus/core's client `browserContext.js` (swapped by ./index.ts), browser only:
 * the same context and provider, but the flip to "in the browser" after hydration is a transition.
 *
 * Why: every `useIsBrowser()` re-renders on that flip — each <Link> (sidebar, contents, pagination, prose), code
 * blocks' buttons, the colour-mode toggle. Set from an effect, the update gets React's default lane, which renders
 * in one piece: a 20-25 ms task right after hydration on /docs/http here (CPU profile), ×4 on Lighthouse's phone.
 * As a transition the same render yields every few milliseconds, like the hydration before it.
 */
import {createContext, startTransition, useEffect, useState, type ReactNode} from 'react';

export const Context = createContext(false);

export function BrowserContextProvider({children}: {children: ReactNode}): ReactNode {
  const [isBrowser, setIsBrowser] = useState(false);
  useEffect(() => {
    startTransition(() => setIsBrowser(true));
  }, []);
  return <Context.Provider value={isBrowser}>{children}</Context.Provider>;
}
