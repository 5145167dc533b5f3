/**
 * No ICU collator while a page loads. The first `String#localeCompare` of a page builds ICU's collator: 10–25 ms in
 * Chromium on this machine (9.8–11.4 ms on 2026-12-05, more on busier days; the only Intl work of a page load), ×4 on
 * Lighthouse's phone. The theme's only
 * caller is useShallowMemoObject (the navbar's secondary menu and every code block), which sorts keys merely to fix
 * an order; loader.cjs makes that sort ordinal. (An earlier fix built the collator in a task of its own; now it is
 * never built at all.)
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

export const REACT_UTILS = /@docusaurus[\\/]theme-common[\\/]lib[\\/]utils[\\/]reactUtils\.js$/;

export default function ordinalKeySort(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-ordinal-key-sort',
    configureWebpack() {
      return {module: {rules: [{test: REACT_UTILS, use: [{loader: path.join(__dirname, 'loader.cjs')}]}]}};
    },
  };
}
