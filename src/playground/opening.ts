/**
 * What the playground opens with, decided once when it loads (pure apart from the storage and codec it is given):
 * the program in the link's fragment when there is one; a broken link's default program with the reason; else the
 * reader's last program (saved per locale with the runnable blocks' storage helpers, src/components/LiveCode/storage.ts:
 * a corrupt or oversized record is set aside under its own key and said so, nothing deleted); else the default starter.
 */
import {loadEdit, type EditNotice} from '../components/LiveCode/storage';
import {decodeShareFragment, type LinkError} from './shareLink';
import {DEFAULT_SETTINGS, type WorldSettings} from './settings';
import {DEFAULT_STARTER, starterCode} from './starters';

export type Locale = 'ko' | 'en';

/** where the playground keeps the reader's last program (one per language: the starters' comments differ) */
export function playgroundKey(locale: Locale): string {
  return `socketlab:v1:playground:${locale}`;
}

export interface Opening {
  code: string;
  settings: WorldSettings;
  /** the program came from a share link (it is not saved over the reader's own until they edit it) */
  fromLink: boolean;
  /** the link could not be opened, and why */
  linkError: LinkError | null;
  /** what happened to the saved program, when the reader must hear it */
  storageNotice: EditNotice | null;
}

export async function openPlayground(hash: string, locale: Locale): Promise<Opening> {
  const fallback = starterCode(DEFAULT_STARTER, locale);
  const fragment = hash.replace(/^#/, '');
  if (fragment !== '') {
    const decoded = await decodeShareFragment(fragment);
    if (decoded.ok) {
      return {...decoded.program, fromLink: true, linkError: null, storageNotice: null};
    }
    return {code: fallback, settings: DEFAULT_SETTINGS, fromLink: false, linkError: decoded.error, storageNotice: null};
  }
  const saved = loadEdit(playgroundKey(locale));
  return {
    code: saved.code ?? fallback,
    settings: DEFAULT_SETTINGS,
    fromLink: false,
    linkError: null,
    storageNotice: saved.notice,
  };
}
