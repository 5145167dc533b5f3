/**
 * The highlighter itself: prism-react-renderer's Prism with the site's additional languages, and tokenize().
 * Heavy (the grammars are built when this module runs), so the browser loads it as a chunk of its own, only when a
 * block has to be drawn on the client (see ./index.ts); the server imports it directly (./now.server.ts).
 */
import {normalizeTokens} from 'prism-react-renderer';
import {Prism} from './prismGlobal';
// Prism's language files register on the global Prism (./prismGlobal puts prism-react-renderer's there first).
// Keep this list equal to themeConfig.prism.additionalLanguages (test/prism/highlight.test.ts checks).
import 'prismjs/components/prism-http';
import 'prismjs/components/prism-bash';
import 'prismjs/components/prism-c';
import type {TokenLine} from './tokens';

export const ADDITIONAL_LANGUAGES = ['http', 'bash', 'c'];

// the languages are in; the global is not ours to keep
delete (globalThis as {Prism?: unknown}).Prism;

/** The lines of `code` as tokens, exactly as prism-react-renderer's <Highlight> makes them. */
export function tokenize(code: string, language: string): TokenLine[] {
  const lang = language.toLowerCase();
  const grammar = Prism.languages[lang];
  if (!grammar) return normalizeTokens([code]);
  const env = {code, grammar, language: lang, tokens: [] as ReturnType<typeof Prism.tokenize>};
  Prism.hooks.run('before-tokenize', env);
  env.tokens = Prism.tokenize(code, grammar);
  Prism.hooks.run('after-tokenize', env);
  return normalizeTokens(env.tokens);
}
