/**
 * The reader's edits, kept per block in localStorage until Reset. A block is known by the page path and
 * a hash of the author's code, so editing the chapter (a new original) starts that block afresh.
 * An entry is `{code, savedAt}`; edits saved before the time was kept are `{code}` and still load (no time).
 */

const PREFIX = 'socketlab:v1:code:';

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

/** A saved edit as loaded: `savedAt` is null for an entry written without a time. */
export interface LoadedEdit {
  code: string;
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

/**
 * The saved edit and when it was made, or null when there is none or it is not something we wrote (corrupted:
 * ignored). A time that is not a finite number is dropped, the code still loads.
 */
export function loadSavedEdit(key: string): LoadedEdit | null {
  try {
    const raw = store()?.getItem(key);
    if (raw == null) return null;
    const value = JSON.parse(raw) as Partial<SavedEdit> | null;
    if (!value || typeof value !== 'object' || typeof value.code !== 'string') return null;
    const savedAt = typeof value.savedAt === 'number' && Number.isFinite(value.savedAt) ? value.savedAt : null;
    return {code: value.code, savedAt};
  } catch {
    return null;
  }
}

/** The saved code alone, or null. */
export function loadEdit(key: string): string | null {
  return loadSavedEdit(key)?.code ?? null;
}

/** Save an edit made at `savedAt` (now by default); the author's own code is not an edit, so it clears the entry. */
export function saveEdit(key: string, code: string, original: string, savedAt: number = Date.now()): void {
  try {
    const s = store();
    if (!s) return;
    if (code === original) s.removeItem(key);
    else s.setItem(key, JSON.stringify({code, savedAt} satisfies SavedEdit));
  } catch {
    // Quota or privacy mode: the edit simply is not kept.
  }
}

export function clearEdit(key: string): void {
  try {
    store()?.removeItem(key);
  } catch {
    /* nothing to clear */
  }
}
