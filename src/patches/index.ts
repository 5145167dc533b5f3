/**
 * The start-up patches (see ./README.md for what each touches, its guard and its measured gain), and the one switch:
 * - `SOCKETLAB_STOCK=1 npm run build`: every patch off, Docusaurus's own start-up (the bench's "stock" side);
 * - `SOCKETLAB_PATCHES_OFF=a,b`: all but those (the bench's leave-one-out builds).
 * A patch another one needs goes off with it (lazyPrism takes Prism's extra languages out of the main bundle, which
 * only codeBlockLines's blocks do without).
 * Product features (search and offline, the Hangul font, early input, server-side highlighting of runnable blocks)
 * are plugins in src/plugins: the switch leaves them on.
 */
import type {PluginConfig} from '@docusaurus/types';
import codeBlockLines from './codeBlockLines';
import compileHints from './compileHints';
import hydrationFlips from './hydrationFlips';
import inlineMessages from './inlineMessages';
import lazyPrism from './lazyPrism';
import ordinalKeySort from './ordinalKeySort';
import prefetchOnce from './prefetchOnce';
import {ssrTemplate} from './ssrTemplate';
import wordWrapNearScreen from './wordWrapNearScreen';

export const PATCHES = [
  'lazyPrism',
  'codeBlockLines',
  'compileHints',
  'ssrTemplate',
  'inlineMessages',
  'ordinalKeySort',
  'prefetchOnce',
  'hydrationFlips',
  'wordWrapNearScreen',
] as const;
export type PatchName = (typeof PATCHES)[number];

/** a patch → the patches it cannot work without */
const NEEDS: Partial<Record<PatchName, PatchName[]>> = {lazyPrism: ['codeBlockLines']};

/** The patches on for this environment. Throws on a name that is not a patch (a typo would measure nothing). */
export function patchesOn(env: NodeJS.ProcessEnv = process.env): PatchName[] {
  if (env.SOCKETLAB_STOCK === '1') return [];
  const off = (env.SOCKETLAB_PATCHES_OFF ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const name of off) {
    if (!(PATCHES as readonly string[]).includes(name)) throw new Error(`SOCKETLAB_PATCHES_OFF: no patch named ${name} (${PATCHES.join(', ')})`);
  }
  const on = PATCHES.filter((p) => !off.includes(p));
  return on.filter((p) => (NEEDS[p] ?? []).every((n) => on.includes(n)));
}

/** What docusaurus.config.ts takes from the patches: plugins in build order, and the page template (or the stock one). */
export function startupPatches(env: NodeJS.ProcessEnv = process.env): {plugins: PluginConfig[]; ssrTemplate?: string; on: PatchName[]} {
  const on = patchesOn(env);
  const has = (p: PatchName) => on.includes(p);
  const plugins: PluginConfig[] = [];
  if (has('lazyPrism')) plugins.push(lazyPrism);
  if (has('codeBlockLines')) plugins.push(codeBlockLines);
  if (has('compileHints')) plugins.push(compileHints);
  if (has('inlineMessages')) plugins.push(inlineMessages);
  if (has('ordinalKeySort')) plugins.push(ordinalKeySort);
  if (has('prefetchOnce')) plugins.push(prefetchOnce);
  if (has('hydrationFlips')) plugins.push(hydrationFlips);
  if (has('wordWrapNearScreen')) plugins.push(wordWrapNearScreen);
  return {plugins, ssrTemplate: has('ssrTemplate') ? ssrTemplate : undefined, on};
}
