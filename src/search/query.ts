/**
 * Searching the loaded index (browser): which pages match, in what order, and the excerpt under each with the
 * reader's words marked. Pure apart from the fetch in loadSearch.
 */
import MiniSearch from 'minisearch';
import {queryWords, SEARCH_OPTIONS, tokenize, type SearchDoc, type SearchIndexFile} from './tokenize';

export interface LoadedSearch {
  index: MiniSearch<SearchDoc>;
  docs: Map<string, SearchDoc>;
}

export interface Hit {
  id: string;
  title: string;
  excerpt: {text: string; marked: boolean}[];
}

const HANGUL = /[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]/;
const MAX_HITS = 8;

/** the index as the build wrote it; a wrong version or shape is an error (the box offers a retry) */
export function readIndex(file: SearchIndexFile): LoadedSearch {
  if (file?.version !== 1 || !Array.isArray(file.docs)) throw new Error('search index: unknown format');
  return {
    index: MiniSearch.loadJS(file.index as never, SEARCH_OPTIONS),
    docs: new Map(file.docs.map((d) => [d.id, d])),
  };
}

const loading = new Map<string, Promise<LoadedSearch>>();
export function loadSearch(url: string): Promise<LoadedSearch> {
  let p = loading.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.json() as Promise<SearchIndexFile>;
      })
      .then(readIndex);
    p.catch(() => loading.delete(url));
    loading.set(url, p);
  }
  return p;
}

/**
 * The pages matching a query, best first. A Korean word counts as its two-syllable pieces (src/search/tokenize.ts);
 * a page must hold at least half of the query's pieces, so one common piece (터를) does not pull in every page.
 * The last non-Korean word also matches as a prefix (the reader may still be typing it).
 */
export function search(s: LoadedSearch, query: string): Hit[] {
  const terms = [...new Set(tokenize(query))];
  if (terms.length === 0) return [];
  const last = terms[terms.length - 1];
  const found = s.index.search(query, {
    boost: {title: 2},
    prefix: (term) => term === last && !HANGUL.test(term) && term.length > 1,
    combineWith: 'OR',
  });
  const hits: Hit[] = [];
  for (const r of found) {
    if (r.queryTerms.length * 2 < terms.length) continue;
    const doc = s.docs.get(String(r.id));
    if (!doc) continue;
    hits.push({id: doc.id, title: doc.title, excerpt: excerpt(doc.text, query)});
    if (hits.length === MAX_HITS) break;
  }
  return hits;
}

/**
 * What to mark for each query word in a text: the word itself, or for a Korean word the longest part of it the text
 * holds (디스크립터를 marks 디스크립터 in 디스크립터는). Lower-case forms.
 */
export function markTerms(text: string, query: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  for (const word of queryWords(query)) {
    if (!HANGUL.test(word)) {
      if (lower.includes(word)) out.push(word);
      continue;
    }
    search: for (let len = word.length; len >= 2; len--) {
      for (let start = 0; start + len <= word.length; start++) {
        const part = word.slice(start, start + len);
        if (lower.includes(part)) {
          out.push(part);
          break search;
        }
      }
    }
  }
  return out.sort((a, b) => b.length - a.length);
}

/** About 160 characters of the text around the first marked word, split into marked and plain parts. */
export function excerpt(text: string, query: string, width = 160): Hit['excerpt'] {
  const marks = markTerms(text, query);
  const lower = text.toLowerCase();
  const firsts = marks.map((m) => lower.indexOf(m)).filter((i) => i >= 0);
  const at = firsts.length ? Math.min(...firsts) : 0;
  const from = Math.max(0, at - Math.floor(width / 3));
  const to = Math.min(text.length, from + width);
  const slice = text.slice(from, to);
  const parts: Hit['excerpt'] = [];
  const sliceLower = slice.toLowerCase();
  let i = 0;
  let plainStart = 0;
  while (i < slice.length) {
    const m = marks.find((t) => sliceLower.startsWith(t, i));
    if (!m) {
      i += 1;
      continue;
    }
    if (i > plainStart) parts.push({text: slice.slice(plainStart, i), marked: false});
    parts.push({text: slice.slice(i, i + m.length), marked: true});
    i += m.length;
    plainStart = i;
  }
  if (plainStart < slice.length) parts.push({text: slice.slice(plainStart), marked: false});
  if (from > 0) parts.unshift({text: '…', marked: false});
  if (to < text.length) parts.push({text: '…', marked: false});
  return parts;
}
