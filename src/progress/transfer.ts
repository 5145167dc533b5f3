/**
 * Moving a reader's progress between browsers: every localStorage record of the site (keys starting `socketlab:`)
 * into one versioned JSON file, and such a file merged back. The records this module knows are checked before
 * anything is written — the quiz answers (src/quiz/storage.ts, `socketlab:quiz:v1`) and the edited blocks
 * (src/components/LiveCode/storage.ts, `socketlab:v1:code:<page>:<hash>` → {code}) — and a file with anything wrong
 * in them is refused whole. Records it does not know (another part of the site's, a set-aside copy) travel as they
 * are: their value is an opaque string, copied, never read.
 */
import {emptyProgress, loadProgress, PROGRESS_KEY, type Progress} from '../quiz/storage';

export const FILE_FORMAT = 'socket-lab-progress';
export const FILE_VERSION = 1;
const SITE_PREFIX = 'socketlab:';
const CODE_PREFIX = 'socketlab:v1:code:';

export interface ProgressFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  /** when it was written (ISO 8601), for the reader's eyes only */
  exported: string;
  /** key → the stored string, exactly as localStorage holds it */
  records: Record<string, string>;
}

/** What a storage must offer here (localStorage does; tests pass a Map-backed one). */
export interface EnumerableStorage {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type ImportProblem = 'json' | 'format' | 'version' | 'records' | 'quiz' | 'code';

export interface ImportSummary {
  quizAdded: number;
  quizChanged: number;
  codeAdded: number;
  codeChanged: number;
  otherAdded: number;
  otherChanged: number;
  /** nothing differed: the file held what this browser already had */
  unchanged: boolean;
}

function siteKeys(storage: EnumerableStorage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(SITE_PREFIX)) keys.push(k);
  }
  return keys.sort();
}

export function exportProgress(storage: EnumerableStorage, now: Date): ProgressFile {
  const records: Record<string, string> = {};
  for (const key of siteKeys(storage)) {
    const value = storage.getItem(key);
    if (value !== null) records[key] = value;
  }
  return {format: FILE_FORMAT, version: FILE_VERSION, exported: now.toISOString(), records};
}

/** A quiz record's progress, or null if it is not progress this site wrote. */
function quizOf(raw: string): Progress | null {
  const fake = new Map([[PROGRESS_KEY, raw]]);
  const {progress, setAside} = loadProgress({
    getItem: (k) => fake.get(k) ?? null,
    setItem: (k, v) => void fake.set(k, v),
    removeItem: (k) => void fake.delete(k),
  });
  return setAside ? null : progress;
}

function isCodeRecord(raw: string): boolean {
  try {
    const v = JSON.parse(raw) as unknown;
    return typeof v === 'object' && v !== null && typeof (v as {code?: unknown}).code === 'string';
  } catch {
    return false;
  }
}

/** The file's records if it is a progress file this site can take whole, else why not. */
export function readProgressFile(text: string): {records: Record<string, string>} | {problem: ImportProblem} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {problem: 'json'};
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as {format?: unknown}).format !== FILE_FORMAT) return {problem: 'format'};
  const file = parsed as Partial<ProgressFile>;
  if (file.version !== FILE_VERSION) return {problem: 'version'};
  const records = file.records as unknown;
  if (typeof records !== 'object' || records === null || Array.isArray(records)) return {problem: 'records'};
  for (const [key, value] of Object.entries(records)) {
    if (!key.startsWith(SITE_PREFIX) || typeof value !== 'string') return {problem: 'records'};
    if (key === PROGRESS_KEY && !quizOf(value)) return {problem: 'quiz'};
    if (key.startsWith(CODE_PREFIX) && !isCodeRecord(value)) return {problem: 'code'};
  }
  return {records: records as Record<string, string>};
}

/**
 * Merges a checked file's records into storage: quiz answers question by question (the file's answer wins where both
 * have one), every other record by key (the file's value wins). Returns what changed. Throws only if storage refuses
 * a write (full): the caller says so; records written before that stay (each is whole on its own).
 */
export function mergeProgress(storage: EnumerableStorage, records: Record<string, string>): ImportSummary {
  const s: ImportSummary = {quizAdded: 0, quizChanged: 0, codeAdded: 0, codeChanged: 0, otherAdded: 0, otherChanged: 0, unchanged: true};
  for (const [key, value] of Object.entries(records)) {
    const before = storage.getItem(key);
    if (key === PROGRESS_KEY) {
      const incoming = quizOf(value) ?? emptyProgress();
      const mine = (before !== null && quizOf(before)) || emptyProgress();
      const answers = {...mine.answers};
      for (const [id, rec] of Object.entries(incoming.answers)) {
        if (!(id in answers)) s.quizAdded += 1;
        else if (JSON.stringify(answers[id]) !== JSON.stringify(rec)) s.quizChanged += 1;
        else continue;
        answers[id] = rec;
      }
      storage.setItem(key, JSON.stringify({...mine, answers}));
      continue;
    }
    if (before === value) continue;
    const code = key.startsWith(CODE_PREFIX);
    if (before === null) s[code ? 'codeAdded' : 'otherAdded'] += 1;
    else s[code ? 'codeChanged' : 'otherChanged'] += 1;
    storage.setItem(key, value);
  }
  s.unchanged = s.quizAdded + s.quizChanged + s.codeAdded + s.codeChanged + s.otherAdded + s.otherChanged === 0;
  return s;
}
