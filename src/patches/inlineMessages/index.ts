/**
 * A non-default locale's own strings travel with the code that shows them. Docusaurus puts a locale's whole
 * i18n/<locale>/code.json into main.js (`@generated/codeTranslations`, read by core's translate()), so every English
 * page carried every English string of the runnable blocks, the inspectors, the quiz, the HTTP lab and the playground
 * (~25 KB, ~6 KB gzip) before any of them loaded — the Korean pages carry their strings inside those lazy chunks, as
 * the default messages. For a non-default locale this patch
 * - writes each message into its `translate({id, message})` call in src/ (./inline.cjs as a loader, browser and
 *   server alike, so hydration sees the same text), and
 * - swaps `@generated/codeTranslations` for a copy without those ids (a message written into the call is what
 *   translate() falls back to: `codeTranslations[id] ?? message`).
 * Nothing changes for the default locale, or for ids it cannot inline (<Translate> children, theme.* overrides).
 * Guard: test/patches/inlineMessages.test.ts (core's lookup, every id of src/ inlined, the result still parses).
 */
import {readdirSync, readFileSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const {inlineMessages} = require('./inline.cjs') as {inlineMessages: InlineMessages};

export type Messages = Record<string, {message: string}>;
export type InlineMessages = (source: string, messages: Messages) => {code: string; ids: string[]};

/** what core's Translate imports the locale's code translations by */
export const CODE_TRANSLATIONS_REQUEST = /^@generated\/codeTranslations$/;
/** the files the loader rewrites: our own TypeScript */
export const SOURCES = /[\\/]src[\\/].*\.tsx?$/;

/** Every .ts/.tsx file below `dir`. */
function sourcesBelow(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourcesBelow(p) : /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The ids of `messages` that src/ writes into its calls (theme.* overrides are left to the theme's own lookups). */
export function inlinedIds(srcDir: string, messages: Messages): Set<string> {
  const ids = new Set<string>();
  for (const file of sourcesBelow(srcDir)) {
    for (const id of inlineMessages(readFileSync(file, 'utf8'), messages).ids) if (!id.startsWith('theme.')) ids.add(id);
  }
  return ids;
}

export default function inlineMessagesPatch(context: LoadContext): Plugin {
  const {siteDir, i18n, generatedFilesDir} = context;
  return {
    name: 'socket-lab-inline-messages',
    configureWebpack(_config, _isServer, {currentBundler}) {
      if (i18n.currentLocale === i18n.defaultLocale) return {};
      const file = path.join(siteDir, 'i18n', i18n.currentLocale, 'code.json');
      const messages = JSON.parse(readFileSync(file, 'utf8')) as Messages;
      const inlined = inlinedIds(path.join(siteDir, 'src'), messages);
      const rest = Object.fromEntries(Object.entries(messages).filter(([id]) => !inlined.has(id)).map(([id, m]) => [id, m.message]));
      const out = path.join(generatedFilesDir, 'socket-lab', `codeTranslations.${i18n.currentLocale}.json`);
      mkdirSync(path.dirname(out), {recursive: true});
      writeFileSync(out, JSON.stringify(rest));
      const loaderMessages = Object.fromEntries(Object.entries(messages).filter(([id]) => inlined.has(id)));
      const {NormalModuleReplacementPlugin} = currentBundler.instance;
      return {
        plugins: [new NormalModuleReplacementPlugin(CODE_TRANSLATIONS_REQUEST, out)],
        module: {
          rules: [{test: SOURCES, include: path.join(siteDir, 'src'), enforce: 'pre', use: [{loader: path.join(__dirname, 'inline.cjs'), options: {messages: loaderMessages}}]}],
        },
      };
    },
  };
}
