/**
 * Saved quiz progress: one versioned localStorage entry. A reader's browser may hold anything under that key
 * (an older version, a hand edit, a half-written value), so loading never trusts it:
 * - an entry that is not valid JSON, has another version, or whose `answers` is not an object is moved aside
 *   whole to `socketlab:quiz:v1:corrupt-<n>`;
 * - inside a good entry, each answer record is checked on its own: a bad one is moved aside alone (its own
 *   corrupt-<n> key, as `{"<question id>": record}`) and the others stay (records are checked against their
 *   question too, when the quiz knows it: progressStore.setAsideMisfits);
 * - when the copy cannot be stored (storage full), the original is left in place: a whole entry is then never
 *   overwritten (`locked`), a record is carried along and written back with the next save.
 * The caller is told, to show a notice. Loading never throws.
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
  /** records that could not be read nor set aside (storage full): written back as they were with every save */
  unread?: Record<string, unknown>;
}

/** the whole entry: not JSON, another version, no answers object; or one or more records ('record') */
export type SetAsideReason = 'unreadable' | 'version' | 'shape' | 'record';

export interface SetAside {
  reason: SetAsideReason;
  /** where the old value was kept (the first key, for records); null when it could not be copied (storage full) */
  keptAs: string | null;
  /** reason 'record': how many records were set aside or left in place */
  records?: number;
}

export interface LoadResult {
  progress: Progress;
  /** set when the saved entry could not be used and was moved aside */
  setAside: SetAside | null;
  /** the unusable entry could not be copied and is left in place: do not save over it */
  locked?: true;
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

/** Why a parsed value is not a usable progress entry (its records are checked one by one), or null when it is. */
function problemWith(parsed: unknown): SetAsideReason | null {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'shape';
  const p = parsed as Record<string, unknown>;
  if (p.version !== PROGRESS_VERSION) return 'version';
  const answers = p.answers;
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) return 'shape';
  return null;
}

/** Copies a raw value to the first free `…:corrupt-<n>` key; returns that key, or null if storage refused. */
export function keepAside(storage: KeyValueStorage, raw: string): string | null {
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
  if (reason === null) return loadRecords(storage, (parsed as {answers: Record<string, unknown>}).answers);

  const keptAs = keepAside(storage, raw);
  // the notice says where it is: moved, or (no room for a copy) still in place and not overwritten
  if (keptAs === null) return {progress: emptyProgress(), setAside: {reason, keptAs}, locked: true};
  try {
    storage.removeItem(PROGRESS_KEY);
  } catch {
    /* the copy exists; the next save overwrites the original */
  }
  return {progress: emptyProgress(), setAside: {reason, keptAs}};
}

/** The good records of an entry; each bad one set aside alone (or carried along when it cannot be copied). */
function loadRecords(storage: KeyValueStorage, saved: Record<string, unknown>): LoadResult {
  const answers: Record<string, AnswerRecord> = {};
  const unread: Record<string, unknown> = {};
  let moved = 0;
  let firstKey: string | null = null;
  for (const [id, record] of Object.entries(saved)) {
    if (isAnswerRecord(record)) {
      answers[id] = record;
      continue;
    }
    const keptAs = keepAside(storage, JSON.stringify({[id]: record}));
    if (keptAs === null) unread[id] = record;
    else moved += 1;
    firstKey ??= keptAs;
  }
  const bad = moved + Object.keys(unread).length;
  const progress: Progress = {version: PROGRESS_VERSION, answers};
  if (Object.keys(unread).length > 0) progress.unread = unread;
  if (bad === 0) return {progress, setAside: null};
  // the moved records leave the entry (so the notice is shown once); the others stay in it
  if (moved > 0) saveProgress(storage, progress);
  return {progress, setAside: {reason: 'record', keptAs: firstKey, records: bad}};
}

/**
 * Sets aside one record that is well formed but does not fit its question (e.g. a string answer for a question with
 * several choices). Returns the progress without it and where it went (null: no room, so it stays in the entry).
 */
export function setAsideRecord(
  storage: KeyValueStorage | null,
  progress: Progress,
  questionId: string,
): {progress: Progress; keptAs: string | null} {
  const record = progress.answers[questionId];
  const answers = {...progress.answers};
  delete answers[questionId];
  const keptAs = storage ? keepAside(storage, JSON.stringify({[questionId]: record})) : null;
  const next: Progress = {version: PROGRESS_VERSION, answers};
  const unread = {...progress.unread};
  if (keptAs === null) unread[questionId] = record;
  if (Object.keys(unread).length > 0) next.unread = unread;
  saveProgress(storage, next);
  return {progress: next, keptAs};
}

/** Writes the progress; false when the browser refused (private mode, quota). */
export function saveProgress(storage: KeyValueStorage | null, progress: Progress): boolean {
  if (!storage) return false;
  try {
    // records that could not be read nor set aside go back as they were
    const answers = progress.unread ? {...progress.unread, ...progress.answers} : progress.answers;
    storage.setItem(PROGRESS_KEY, JSON.stringify({version: progress.version, answers}));
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
  const next: Progress = {
    version: PROGRESS_VERSION,
    answers: {...progress.answers, [questionId]: {answer, correct, attempts: (before?.attempts ?? 0) + 1}},
  };
  if (progress.unread) {
    // a new answer replaces an unreadable record of the same question
    const unread = {...progress.unread};
    delete unread[questionId];
    if (Object.keys(unread).length > 0) next.unread = unread;
  }
  return next;
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
