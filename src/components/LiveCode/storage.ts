/**
 * The reader's edits, kept per block in localStorage until Reset. A block is known by the page path and
 * a hash of the author's code, so editing the chapter (a new original) starts that block afresh.
 *
 * Nothing is lost silently: a save the browser refuses (storage full, private mode) is reported so the block
 * can say so (the edit stays in the editor); an edit too large to edit comfortably is neither saved nor loaded
 * (a 2 MB edit froze every visit); a record that is not one we wrote is set aside under its own key, and left
 * where it is when even that copy cannot be stored. An entry is `{code, savedAt}`; edits saved before the time
 * was kept are `{code}` and still load (no time).
 */

const PREFIX = 'socketlab:v1:code:';
/** where an unusable record is moved: its own key plus this suffix */
const ASIDE_SUFFIX = ':set-aside';
/** longest edit kept (characters): the chapter programs are a few hundred */
export const MAX_EDIT_CHARS = 100_000;

/** FNV-1a, 32 bit, as 8 hex digits: short and stable, not a security hash. */
export function hashCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function storageKey(pagePath: string, original: string): string {
  return `${PREFIX}${pagePath}:${hashCode(original)}`;
}

interface SavedEdit {
  code: string;
  /** when the reader last changed the code, ms since 1970 (shown as "수정됨 · 12월 5일 14:03") */
  savedAt?: number;
}

/** What the block tells the reader about its saved edit. */
export type EditNotice =
  /** the browser refused the save: the edit is only in the editor */
  | {kind: 'save-failed'}
  /** the edit is longer than MAX_EDIT_CHARS: it is not saved */
  | {kind: 'too-large-to-save'}
  /** the saved edit was longer than MAX_EDIT_CHARS or unreadable: moved to `keptAs` (null: left in place) */
  | {kind: 'set-aside'; why: 'too-large' | 'unreadable'; keptAs: string | null};

export interface LoadedEdit {
  code: string | null;
  notice: EditNotice | null;
  /** when the edit was made; null for none, or for an edit saved before times were kept (it still loads) */
  savedAt: number | null;
}

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return null;
  }
}

/** Copy `raw` to the record's set-aside key and remove the original; when the copy fails, leave it in place. */
function setAside(s: Storage, key: string, raw: string): string | null {
  const aside = key + ASIDE_SUFFIX;
  try {
    s.setItem(aside, raw);
  } catch {
    return null;
  }
  try {
    s.removeItem(key);
  } catch {
    /* the copy exists; the original stays too */
  }
  return aside;
}

/** The block's saved edit, checked: a string `code` no longer than MAX_EDIT_CHARS. */
export function loadEdit(key: string): LoadedEdit {
  const s = store();
  let raw: string | null = null;
  try {
    raw = s?.getItem(key) ?? null;
  } catch {
    return {code: null, notice: null, savedAt: null};
  }
  if (raw === null || !s) return {code: null, notice: null, savedAt: null};
  // measured before parsing: a huge record is not parsed at all
  if (raw.length > MAX_EDIT_CHARS * 2 + 1000) {
    return {code: null, notice: {kind: 'set-aside', why: 'too-large', keptAs: setAside(s, key, raw)}, savedAt: null};
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = null;
  }
  const code = value && typeof value === 'object' ? (value as Partial<SavedEdit>).code : undefined;
  if (typeof code !== 'string') {
    return {code: null, notice: {kind: 'set-aside', why: 'unreadable', keptAs: setAside(s, key, raw)}, savedAt: null};
  }
  if (code.length > MAX_EDIT_CHARS) {
    return {code: null, notice: {kind: 'set-aside', why: 'too-large', keptAs: setAside(s, key, raw)}, savedAt: null};
  }
  // a time that is not a finite number is dropped; the code still loads
  const at = (value as Partial<SavedEdit>).savedAt;
  return {code, notice: null, savedAt: typeof at === 'number' && Number.isFinite(at) ? at : null};
}

/**
 * Save an edit; the author's own code is not an edit, so it clears the entry. Returns what the reader must be
 * told (null: saved or cleared, nothing to say).
 */
export function saveEdit(key: string, code: string, original: string, savedAt: number = Date.now()): EditNotice | null {
  const s = store();
  if (!s) return {kind: 'save-failed'};
  if (code.length > MAX_EDIT_CHARS) return {kind: 'too-large-to-save'};
  try {
    if (code === original) s.removeItem(key);
    else s.setItem(key, JSON.stringify({code, savedAt} satisfies SavedEdit));
    return null;
  } catch {
    // Quota or privacy mode: the edit stays in the editor, and the block says it was not kept.
    return {kind: 'save-failed'};
  }
}

export function clearEdit(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}
