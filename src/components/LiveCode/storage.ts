/**
 * The reader's edits, kept per block in localStorage until Reset. A block is known by the page path and
 * a hash of the author's code, so editing the chapter (a new original) starts that block afresh.
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
}

function store(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Some browsers throw on access when storage is disabled.
    return null;
  }
}

/** The saved edit, or null when there is none or it is not something we wrote (corrupted: ignored). */
export function loadEdit(key: string): string | null {
  try {
    const raw = store()?.getItem(key);
    if (raw == null) return null;
    const value = JSON.parse(raw) as Partial<SavedEdit> | null;
    return value && typeof value === 'object' && typeof value.code === 'string' ? value.code : null;
  } catch {
    return null;
  }
}

/** Save an edit; the author's own code is not an edit, so it clears the entry. */
export function saveEdit(key: string, code: string, original: string): void {
  try {
    const s = store();
    if (!s) return;
    if (code === original) s.removeItem(key);
    else s.setItem(key, JSON.stringify({code} satisfies SavedEdit));
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
