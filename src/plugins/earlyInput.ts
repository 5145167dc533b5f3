/**
 * Nothing the reader does is lost: inlines src/lib/earlyInput.ts's script in every page's head (it must run before
 * anything can be tapped), and registers src/lib/scrollRestore.ts (Back returns to where the reader was).
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {EARLY_INPUT_SCRIPT} from '../lib/earlyInput';

export default function earlyInput(_context: LoadContext): Plugin {
  return {
    name: 'socket-lab-early-input',
    getClientModules() {
      return [path.resolve(__dirname, '../lib/scrollRestore.ts')];
    },
    injectHtmlTags() {
      return {headTags: [{tagName: 'script', innerHTML: EARLY_INPUT_SCRIPT}]};
    },
  };
}
