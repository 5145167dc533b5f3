/**
 * How the search index and the search box cut text into terms (the same function on both sides, or a query could
 * never match). Korean glues particles to words (디스크립터를, 디스크립터는), so a word of Hangul becomes its
 * overlapping two-syllable pieces: 디스크립터를 → 디스 스크 크립 립터 터를. A query then matches the stem in every
 * inflected form and inside longer words (스크립터), and the page with most of the pieces ranks first.
 * Other words are kept whole, lower-cased, hyphens included (TIME-WAIT, 3-way); the last word of a query is also
 * matched as a prefix in the box (src/theme/SearchBar), so "connec" finds connect().
 * Figures behind this choice: ARCHITECTURE.md, "Search".
 */

const HANGUL = /[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]/;
/** letters, digits, _ and - make words; everything else separates them */
const SEPARATORS = /[^\p{L}\p{N}_-]+/u;

export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const raw of text.toLowerCase().split(SEPARATORS)) {
    const word = raw.replace(/^-+|-+$/g, '');
    if (!word) continue;
    if (!HANGUL.test(word)) {
      terms.push(word);
      continue;
    }
    if (word.length === 1) terms.push(word);
    for (let i = 0; i + 1 < word.length; i++) terms.push(word.slice(i, i + 2));
  }
  return terms;
}

/** The words of a query as a reader typed them (for highlighting: the text's own words, not the pieces). */
export function queryWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(SEPARATORS)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter(Boolean);
}

/** One searchable page. */
export interface SearchDoc {
  /** the page's address as the site links it (/docs/socket, /en/docs/socket) */
  id: string;
  title: string;
  text: string;
}

/** What the build writes next to each locale's pages (search-index.json) and the box loads on first use. */
export interface SearchIndexFile {
  version: 1;
  /** MiniSearch's own JSON of the index (terms → documents) */
  index: unknown;
  /** the pages' text, for the excerpts under each result */
  docs: SearchDoc[];
}

export const SEARCH_INDEX_FILE = 'search-index.json';

/** MiniSearch options, identical where the index is written and where it is read back. */
export const SEARCH_OPTIONS = {
  fields: ['title', 'text'],
  storeFields: [] as string[],
  tokenize,
  // tokenize() already lower-cases; MiniSearch's default processTerm would cut nothing more
  processTerm: (term: string) => term,
};
