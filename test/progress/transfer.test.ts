/**
 * Progress files (src/progress/transfer.ts): export then import into an empty browser gives back every record;
 * merging reports what changed; a bad file is refused whole and changes nothing; unknown records travel untouched.
 */
import {describe, expect, it} from 'vitest';
import {exportProgress, mergeProgress, readProgressFile, type EnumerableStorage} from '../../src/progress/transfer';

class MapStorage implements EnumerableStorage {
  map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const quiz = (answers: Record<string, unknown>) => JSON.stringify({version: 1, answers});
const rec = (answer: unknown, correct: boolean, attempts = 1) => ({answer, correct, attempts});

function browserWithProgress(): MapStorage {
  const s = new MapStorage();
  s.setItem('socketlab:quiz:v1', quiz({'socket-1': rec('b', true), 'connect-2': rec(['a', 'c'], false, 2)}));
  s.setItem('socketlab:v1:code:/docs/socket:0123abcd', JSON.stringify({code: 'const fd = socket();'}));
  s.setItem('socketlab:something-new', 'opaque ✓ value');
  s.setItem('unrelated-site-key', 'not ours');
  return s;
}

describe('export and import', () => {
  it('an exported file imported into an empty browser restores every record of the site, and only those', () => {
    const from = browserWithProgress();
    const text = JSON.stringify(exportProgress(from, new Date('2026-01-02T03:04:05Z')));
    const to = new MapStorage();
    const read = readProgressFile(text);
    if (!('records' in read)) throw new Error(`refused: ${read.problem}`);
    const summary = mergeProgress(to, read.records);
    expect(summary).toMatchObject({quizAdded: 2, quizChanged: 0, codeAdded: 1, codeChanged: 0, otherAdded: 1, unchanged: false});
    expect(JSON.parse(to.getItem('socketlab:quiz:v1')!)).toEqual(JSON.parse(from.getItem('socketlab:quiz:v1')!));
    expect(to.getItem('socketlab:v1:code:/docs/socket:0123abcd')).toBe(from.getItem('socketlab:v1:code:/docs/socket:0123abcd'));
    expect(to.getItem('socketlab:something-new')).toBe('opaque ✓ value');
    expect(to.getItem('unrelated-site-key')).toBeNull();
  });

  it('merges quiz answers question by question: the file adds and replaces, keeps the rest, and says so', () => {
    const to = new MapStorage();
    to.setItem('socketlab:quiz:v1', quiz({'socket-1': rec('a', false), 'close-3': rec('x', true)}));
    const file = exportProgress(browserWithProgress(), new Date());
    const read = readProgressFile(JSON.stringify(file));
    if (!('records' in read)) throw new Error('refused');
    const summary = mergeProgress(to, read.records);
    expect(summary).toMatchObject({quizAdded: 1, quizChanged: 1});
    const answers = JSON.parse(to.getItem('socketlab:quiz:v1')!).answers;
    expect(Object.keys(answers).sort()).toEqual(['close-3', 'connect-2', 'socket-1']);
    expect(answers['socket-1']).toEqual(rec('b', true));
  });

  it('importing the same file twice changes nothing the second time', () => {
    const to = new MapStorage();
    const read = readProgressFile(JSON.stringify(exportProgress(browserWithProgress(), new Date())));
    if (!('records' in read)) throw new Error('refused');
    mergeProgress(to, read.records);
    expect(mergeProgress(to, read.records).unchanged).toBe(true);
  });
});

describe('a bad file is refused with its reason', () => {
  const good = () => exportProgress(browserWithProgress(), new Date());
  it.each([
    ['not JSON', '{"format": "socket-lab-progress", ', 'json'],
    ['another JSON file', JSON.stringify({name: 'package'}), 'format'],
    ['a future version', JSON.stringify({...good(), version: 2}), 'version'],
    ['records that are not strings', JSON.stringify({...good(), records: {'socketlab:x': 3}}), 'records'],
    ['a key of another site', JSON.stringify({...good(), records: {'other:x': 'y'}}), 'records'],
    ['damaged quiz answers', JSON.stringify({...good(), records: {'socketlab:quiz:v1': '{"version":1,"answers":{"q":{"answer":1}}}'}}), 'quiz'],
    ['an edited block without code', JSON.stringify({...good(), records: {'socketlab:v1:code:/docs/x:1': '{"text":"a"}'}}), 'code'],
  ])('%s', (_name, text, problem) => {
    expect(readProgressFile(text)).toEqual({problem});
  });
});
