/**
 * The page's one copy of the saved progress, shared by every quiz on the page and the review page, and kept in
 * step with other tabs (the `storage` event). It loads lazily on the first `ensureLoaded()` — called from an effect,
 * so the server-rendered HTML and the first client render are the same (no progress) and hydration never mismatches.
 */
import type {Answer, Question} from './types';
import {recordFits} from './recordFits';
import {
  PROGRESS_KEY,
  browserStorage,
  clearProgress,
  emptyProgress,
  loadProgress,
  saveProgress,
  setAsideRecord,
  withAnswer,
  type Progress,
  type SetAside,
} from './storage';

export interface ProgressSnapshot {
  /** false until loaded in the browser */
  loaded: boolean;
  progress: Progress;
  /** the saved entry that could not be read on this page load, if any (shown as a notice) */
  setAside: SetAside | null;
  /** the last save failed (storage full or forbidden): answers work but are not kept */
  saveFailed: boolean;
  /** an unreadable entry could not be set aside and stays in place: answers are not saved over it */
  locked?: boolean;
}

type Listener = (snapshot: ProgressSnapshot) => void;

const initial: ProgressSnapshot = {loaded: false, progress: emptyProgress(), setAside: null, saveFailed: false};
let snapshot: ProgressSnapshot = initial;
const listeners = new Set<Listener>();
let watchingOtherTabs = false;

function publish(next: ProgressSnapshot): void {
  snapshot = next;
  for (const l of listeners) l(snapshot);
}

export function getSnapshot(): ProgressSnapshot {
  return snapshot;
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Loads the saved progress once per page (browser only). */
export function ensureLoaded(): void {
  if (snapshot.loaded || typeof window === 'undefined') return;
  const {progress, setAside, locked} = loadProgress(browserStorage());
  publish({loaded: true, progress, setAside, saveFailed: false, locked: locked === true});
  if (!watchingOtherTabs) {
    watchingOtherTabs = true;
    window.addEventListener('storage', (e) => {
      if (e.key !== PROGRESS_KEY && e.key !== null) return;
      const reloaded = loadProgress(browserStorage());
      publish({...snapshot, progress: reloaded.progress, setAside: reloaded.setAside ?? snapshot.setAside});
    });
  }
}

/** Records one checked answer and saves it. */
export function recordAnswer(questionId: string, answer: Answer, correct: boolean): void {
  ensureLoaded();
  const progress = withAnswer(snapshot.progress, questionId, answer, correct);
  const saved = !snapshot.locked && saveProgress(browserStorage(), progress);
  publish({...snapshot, progress, saveFailed: !saved});
}

/** Sets aside the saved records that do not fit their question (called by a quiz once its questions are known). */
export function setAsideMisfits(questions: readonly Question[]): void {
  if (!snapshot.loaded || snapshot.locked) return;
  let progress = snapshot.progress;
  let count = 0;
  let firstKey: string | null = null;
  for (const q of questions) {
    const record = progress.answers[q.id];
    if (!record || recordFits(q, record)) continue;
    const moved = setAsideRecord(browserStorage(), progress, q.id);
    progress = moved.progress;
    count += 1;
    firstKey ??= moved.keptAs;
  }
  if (count === 0) return;
  const records = count + (snapshot.setAside?.reason === 'record' ? (snapshot.setAside.records ?? 0) : 0);
  publish({...snapshot, progress, setAside: {reason: 'record', keptAs: snapshot.setAside?.keptAs ?? firstKey, records}});
}

/** Forgets every answer (after the reader confirmed). */
export function resetProgress(): void {
  clearProgress(browserStorage());
  publish({...snapshot, loaded: true, progress: emptyProgress(), saveFailed: false, locked: false});
}

/** Reads the saved progress again (after progress was imported from a file: src/progress). */
export function reloadProgress(): void {
  if (typeof window === 'undefined') return;
  const {progress, setAside} = loadProgress(browserStorage());
  publish({...snapshot, loaded: true, progress, setAside: setAside ?? snapshot.setAside});
}

/** Hides the set-aside notice once the reader dismissed it. */
export function dismissNotice(): void {
  publish({...snapshot, setAside: null});
}

/** For tests: back to the state of a fresh page. */
export function resetStoreForTests(): void {
  snapshot = initial;
}
