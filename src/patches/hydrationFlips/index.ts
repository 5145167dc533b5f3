/**
 * The two state changes Docusaurus makes right after every hydration, as transitions. Both are `setState` calls in
 * a `useEffect` of the first render, which React renders in one blocking task (not time-sliced):
 * - core's BrowserContextProvider flips `isBrowser` to true: every `useIsBrowser()` user re-renders (every code
 *   block, the colour-mode toggle, tabs, sidebar categories);
 * - theme-common's `useWindowSize` turns 'ssr' into 'mobile' or 'desktop': on a phone the doc page drops the desktop
 *   sidebar and re-renders the navbar and table of contents (a 49 ms task for /docs/socket in a trace here).
 * ./loader.cjs wraps each in `startTransition`, so React renders it in slices between other work (its commit is
 * still one step). What the reader sees is the same: the server HTML already shows the mobile or desktop layout
 * through CSS; these renders only catch React up with it.
 * Guard: test/patches/hydrationFlips.test.ts (each edited line once in the installed files; the loader refuses a
 * source without them, failing the build).
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export const FLIPPED = [
  /@docusaurus[\\/]core[\\/]lib[\\/]client[\\/]browserContext\.js$/,
  /@docusaurus[\\/]theme-common[\\/]lib[\\/]hooks[\\/]useWindowSize\.js$/,
];

export default function hydrationFlips(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-hydration-flips',
    configureWebpack() {
      return {module: {rules: FLIPPED.map((test) => ({test, use: [{loader: path.join(__dirname, 'loader.cjs')}]}))}};
    },
  };
}
