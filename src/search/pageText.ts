/**
 * A built page's searchable text: its <article> (the chapter itself; the navbar, sidebar and footer name every
 * chapter on every page and would match everywhere), without what a reader cannot search for (buttons, drawings,
 * scripts), tags stripped and entities decoded. Node only (the build), string work on Docusaurus's own output.
 */
import type {SearchDoc} from './tokenize';

const ENTITIES: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' '};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** elements that end a run of text (between them and the next text, a space) */
const BLOCK = /<\/?(p|div|li|ul|ol|h[1-6]|br|tr|td|th|table|pre|section|header|footer|figure|figcaption|blockquote|dd|dt|dl|summary|details|caption)\b[^>]*>/gi;

/** Tags out (inline ones glue: <code>socket()</code>은 stays one word), block ends as spaces, whitespace folded. */
function plain(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|svg|button|template)\b[\s\S]*?<\/\1>/gi, ' ')
      .replace(BLOCK, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/\u200b/g, ''),
  )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The page's searchable document, or null for a page with no <article> (the landing pages, 404). */
export function pageDoc(html: string, id: string): SearchDoc | null {
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/i.exec(html)?.[1];
  if (article === undefined) return null;
  const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(article)?.[1];
  const title = h1 ? plain(h1) : (/<title>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? id);
  return {id, title: plain(title), text: plain(article)};
}
