/** Saved progress (src/quiz/storage.ts): round trip, and unusable entries set aside instead of crashing. */
import {describe, expect, it} from 'vitest';
import {
  PROGRESS_KEY,
  clearProgress,
  emptyProgress,
  loadProgress,
  saveProgress,
  setAsideRecord,
  withAnswer,
  type KeyValueStorage,
} from '../../src/quiz/storage';

/** An in-memory Web Storage. */
function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & {data: Map<string, string>} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, String(v)),
    removeItem: (k) => void data.delete(k),
  };
}

describe('round trip', () => {
  it('saves answers, attempts and correctness and loads them back', () => {
    const storage = memoryStorage();
    let progress = withAnswer(emptyProgress(), 'connect-well-known-port', '81', false);
    progress = withAnswer(progress, 'connect-well-known-port', '80', true);
    progress = withAnswer(progress, 'overview-phases', ['a', 'c'], true);

    expect(saveProgress(storage, progress)).toBe(true);
    const loaded = loadProgress(storage);

    expect(loaded.setAside).toBeNull();
    expect(loaded.progress.answers['connect-well-known-port']).toEqual({answer: '80', attempts: 2, correct: true});
    expect(loaded.progress.answers['overview-phases']).toEqual({answer: ['a', 'c'], attempts: 1, correct: true});
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!).version).toBe(1);
  });

  it('nothing saved: empty progress and no notice', () => {
    const loaded = loadProgress(memoryStorage());
    expect(loaded).toEqual({progress: emptyProgress(), setAside: null});
  });

  it('no storage at all (server rendering, blocked storage): empty progress, saving reports failure', () => {
    expect(loadProgress(null).progress).toEqual(emptyProgress());
    expect(saveProgress(null, emptyProgress())).toBe(false);
  });

  it('reset forgets the answers but keeps entries set aside earlier', () => {
    const storage = memoryStorage({[`${PROGRESS_KEY}:corrupt-1`]: 'old'});
    saveProgress(storage, withAnswer(emptyProgress(), 'q', 'a', true));

    clearProgress(storage);

    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
    expect(storage.data.get(`${PROGRESS_KEY}:corrupt-1`)).toBe('old');
  });
});

describe('unusable saved entries are set aside', () => {
  const cases: Array<[string, string, string]> = [
    ['corrupted JSON', '{"version":1,"answers":{', 'unreadable'],
    ['a wrong version', JSON.stringify({version: 2, answers: {}}), 'version'],
    ['no version (an older format)', JSON.stringify({answers: {}}), 'version'],
    ['answers that are not an object', JSON.stringify({version: 1, answers: []}), 'shape'],
    ['a bare string', JSON.stringify('hello'), 'shape'],
    ['null', 'null', 'shape'],
  ];

  it.each(cases)('%s: moved to a corrupt-N key, reported, and progress starts empty', (_name, raw, reason) => {
    const storage = memoryStorage({[PROGRESS_KEY]: raw});

    const loaded = loadProgress(storage);

    expect(loaded.progress).toEqual(emptyProgress());
    expect(loaded.setAside).toEqual({reason, keptAs: `${PROGRESS_KEY}:corrupt-1`});
    expect(storage.data.get(`${PROGRESS_KEY}:corrupt-1`)).toBe(raw);
    expect(storage.data.has(PROGRESS_KEY)).toBe(false);
  });

  it('a second bad entry goes to the next free number, never over the first', () => {
    const storage = memoryStorage({[PROGRESS_KEY]: 'second', [`${PROGRESS_KEY}:corrupt-1`]: 'first'});

    const loaded = loadProgress(storage);

    expect(loaded.setAside?.keptAs).toBe(`${PROGRESS_KEY}:corrupt-2`);
    expect(storage.data.get(`${PROGRESS_KEY}:corrupt-1`)).toBe('first');
    expect(storage.data.get(`${PROGRESS_KEY}:corrupt-2`)).toBe('second');
  });

  it('after setting aside, the next load is clean (the notice is shown once)', () => {
    const storage = memoryStorage({[PROGRESS_KEY]: '{oops'});
    loadProgress(storage);
    expect(loadProgress(storage).setAside).toBeNull();
  });

  it('storage that throws on every access never makes loading throw', () => {
    const hostile: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(loadProgress(hostile).progress).toEqual(emptyProgress());
    expect(saveProgress(hostile, emptyProgress())).toBe(false);
    expect(() => clearProgress(hostile)).not.toThrow();
  });

  it('when the copy cannot be written (storage full) the entry is left in place, reported, and not saved over', () => {
    const storage = memoryStorage({[PROGRESS_KEY]: '{oops'});
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };

    const loaded = loadProgress(storage);

    expect(loaded.setAside).toEqual({reason: 'unreadable', keptAs: null});
    expect(loaded.locked).toBe(true);
    expect(storage.data.get(PROGRESS_KEY)).toBe('{oops');
  });
});

describe('bad records are set aside one by one; the good ones stay', () => {
  const good = {answer: 'b', attempts: 1, correct: true};
  const cases: Array<[string, unknown]> = [
    ['an answer that is a number', {answer: 3, attempts: 1, correct: true}],
    ['negative attempts', {answer: 'a', attempts: -1, correct: true}],
    ['no correctness', {answer: 'a', attempts: 1}],
    ['an array with a number', {answer: ['a', 1], attempts: 1, correct: false}],
    ['a string instead of a record', 'oops'],
  ];

  it.each(cases)('%s: moved alone to a corrupt-N key; the other answers load', (_name, bad) => {
    const storage = memoryStorage({[PROGRESS_KEY]: JSON.stringify({version: 1, answers: {keep: good, bad}})});

    const loaded = loadProgress(storage);

    expect(loaded.progress.answers).toEqual({keep: good});
    expect(loaded.setAside).toEqual({reason: 'record', keptAs: `${PROGRESS_KEY}:corrupt-1`, records: 1});
    expect(JSON.parse(storage.data.get(`${PROGRESS_KEY}:corrupt-1`)!)).toEqual({bad});
    // the entry now holds only the good record: the next load is clean
    expect(loadProgress(storage).setAside).toBeNull();
    expect(loadProgress(storage).progress.answers).toEqual({keep: good});
  });

  it('a bad record that cannot be copied stays in the entry, through the next save', () => {
    const bad = {answer: 3};
    const storage = memoryStorage({[PROGRESS_KEY]: JSON.stringify({version: 1, answers: {keep: good, bad}})});
    const setItem = storage.setItem;
    storage.setItem = (k, v) => {
      if (k !== PROGRESS_KEY) throw new Error('QuotaExceededError');
      setItem(k, v);
    };

    const loaded = loadProgress(storage);
    expect(loaded.setAside).toEqual({reason: 'record', keptAs: null, records: 1});
    saveProgress(storage, withAnswer(loaded.progress, 'other', 'x', false));

    const saved = JSON.parse(storage.data.get(PROGRESS_KEY)!).answers;
    expect(saved.bad).toEqual(bad);
    expect(saved.keep).toEqual(good);
    expect(saved.other).toMatchObject({answer: 'x'});
  });

  it('a record that fits its shape but not its question is set aside alone (setAsideRecord)', () => {
    const storage = memoryStorage();
    const progress = withAnswer(withAnswer(emptyProgress(), 'multi', 'a', false), 'single', 'b', true);

    const moved = setAsideRecord(storage, progress, 'multi');

    expect(moved.keptAs).toBe(`${PROGRESS_KEY}:corrupt-1`);
    expect(Object.keys(moved.progress.answers)).toEqual(['single']);
    expect(JSON.parse(storage.data.get(PROGRESS_KEY)!).answers.multi).toBeUndefined();
  });
});
