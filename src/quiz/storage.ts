/**
 * Saved quiz progress: one versioned localStorage entry. A reader's browser may hold anything under that key
 * (an older version, a hand edit, a half-written value), so loading never trusts it: an entry that is not valid
 * JSON, has another version, or has the wrong shape is moved aside to `socketlab:quiz:v1:corrupt-<n>` (so nothing is
 * silently lost) and the caller is told, to show a notice. Loading never throws.
 */
import type {Answer} from './types';

export const PROGRESS_KEY = 'socketlab:quiz:v1';
export const PROGRESS_VERSION = 1;

/** The last answer to one question and how it went. */
export interface AnswerRecord {
  answer: Answer;
  /** how many times the reader pressed Check with an answer */
  attempts: number;
  /** whether the last checked answer was right */
  correct: boolean;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** by question id */
  answers: Record<string, AnswerRecord>;
}

export type SetAsideReason = 'unreadable' | 'version' | 'shape';

export interface SetAside {
  reason: SetAsideReason;
  /** where the old value was kept; null when it could not be copied (storage full) */
  keptAs: string | null;
}

export interface LoadResult {
  progress: Progress;
  /** set when the saved entry could not be used and was moved aside */
  setAside: SetAside | null;
}

/** The subset of the Web Storage API used here (so tests can pass a Map-backed fake). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function emptyProgress(): Progress {
  return {version: PROGRESS_VERSION, answers: {}};
}

function isAnswer(value: unknown): value is Answer {
  return typeof value === 'string' || (Array.isArray(value) && value.every((v) => typeof v === 'string'));
}

function isAnswerRecord(value: unknown): value is AnswerRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const r = value as Record<string, unknown>;
  return (
    isAnswer(r.answer) &&
    typeof r.attempts === 'number' &&
    Number.isInteger(r.attempts) &&
    r.attempts >= 0 &&
    typeof r.correct === 'boolean'
  );
}

/** Why a parsed value is not usable progress, or null when it is. */
function problemWith(parsed: unknown): SetAsideReason | null {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'shape';
  const p = parsed as Record<string, unknown>;
  if (p.version !== PROGRESS_VERSION) return 'version';
  const answers = p.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return 'shape';
  return Object.values(answers).every(isAnswerRecord) ? null : 'shape';
}

/** Copies a raw value to the first free `…:corrupt-<n>` key; returns that key, or null if storage refused. */
function keepAside(storage: KeyValueStorage, raw: string): string | null {
  try {
    let n = 1;
    while (storage.getItem(`${PROGRESS_KEY}:corrupt-${n}`) !== null) n += 1;
    const key = `${PROGRESS_KEY}:corrupt-${n}`;
    storage.setItem(key, raw);
    return key;
  } catch {
    return null;
  }
}

/** Reads the saved progress. An unusable entry is moved aside and reported; storage errors give empty progress. */
export function loadProgress(storage: KeyValueStorage | null): LoadResult {
  if (!storage) return {progress: emptyProgress(), setAside: null};
  let raw: string | null;
  try {
    raw = storage.getItem(PROGRESS_KEY);
  } catch {
    return {progress: emptyProgress(), setAside: null};
  }
  if (raw === null) return {progress: emptyProgress(), setAside: null};

  let parsed: unknown;
  let reason: SetAsideReason | null;
  try {
    parsed = JSON.parse(raw);
    reason = problemWith(parsed);
  } catch {
    reason = 'unreadable';
  }
  if (reason === null) {
    const p = parsed as Progress;
    return {progress: {version: PROGRESS_VERSION, answers: {...p.answers}}, setAside: null};
  }

  const keptAs = keepAside(storage, raw);
  try {
    storage.removeItem(PROGRESS_KEY);
  } catch {
    /* nothing more can be done; the next save overwrites it */
  }
  return {progress: emptyProgress(), setAside: {reason, keptAs}};
}

/** Writes the progress; false when the browser refused (private mode, quota). */
export function saveProgress(storage: KeyValueStorage | null, progress: Progress): boolean {
  if (!storage) return false;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/** Forgets every answer (the review page's "reset progress"). Entries set aside earlier are kept. */
export function clearProgress(storage: KeyValueStorage | null): void {
  try {
    storage?.removeItem(PROGRESS_KEY);
  } catch {
    /* storage unavailable: nothing was saved either */
  }
}

/** Progress with one more checked answer. */
export function withAnswer(progress: Progress, questionId: string, answer: Answer, correct: boolean): Progress {
  const before = progress.answers[questionId];
  return {
    version: PROGRESS_VERSION,
    answers: {...progress.answers, [questionId]: {answer, correct, attempts: (before?.attempts ?? 0) + 1}},
  };
}

/** The browser's localStorage, or null where it is missing or forbidden (server rendering, blocked cookies). */
export function browserStorage(): KeyValueStorage | null {
  try {
    if (typeof window === 'undefined') return null;
    return window.localStorage ?? null;
  } catch {
    return null;
  }
}
