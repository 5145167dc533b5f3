/**
 * The highlighter available without waiting: none in the browser (it is a chunk loaded on demand, see ./index.ts).
 * The server build swaps this module for ./now.server.ts (src/plugins/serverHighlight.ts), where it is the real one.
 */
import type {Tokenize} from './tokens';

export const tokenizeNow: Tokenize | null = null;
