// @vitest-environment node
/**
 * What the playground opens with: a link's program and settings; a broken link's default program with the reason;
 * else the reader's saved program, a corrupt or oversized one set aside (kept, and said so); else the default.
 * And the settings: inputs brought within bounds, the world a run gets (one-way latency = RTT / 2).
 */
import {afterEach, beforeEach, describe, expect, test} from 'vitest';
import {openPlayground, playgroundKey} from '../../src/playground/opening';
import {encodeShareFragment} from '../../src/playground/shareLink';
import {DEFAULT_SETTINGS, settingsFromInputs, settingsFromWorld, worldOptions} from '../../src/playground/settings';
import {DEFAULT_STARTER, starterCode} from '../../src/playground/starters';
import {MAX_EDIT_CHARS} from '../../src/components/LiveCode/storage';

/** localStorage as the browser has it: strings by key */
class MemoryStorage {
  items = new Map<string, string>();
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
}

let storage: MemoryStorage;
beforeEach(() => {
  storage = new MemoryStorage();
  (globalThis as {localStorage?: unknown}).localStorage = storage;
});
afterEach(() => {
  delete (globalThis as {localStorage?: unknown}).localStorage;
});

describe('openPlayground', () => {
  test('a link brings its program and settings, even when a saved program exists (which stays stored)', async () => {
    storage.setItem(playgroundKey('ko'), JSON.stringify({code: 'mine', savedAt: 1}));
    const program = {code: 'console.log(1)', settings: {rttMs: 300, lossPct: 10, seed: 9}};
    const o = await openPlayground('#' + (await encodeShareFragment(program)), 'ko');
    expect(o).toMatchObject({...program, fromLink: true, linkError: null});
    expect(storage.getItem(playgroundKey('ko'))).toContain('mine');
  });

  test('a truncated link opens the default starter of the locale with the reason', async () => {
    const fragment = await encodeShareFragment({code: 'x', settings: DEFAULT_SETTINGS});
    const o = await openPlayground('#' + fragment.slice(0, -4), 'en');
    expect(o).toMatchObject({code: starterCode(DEFAULT_STARTER, 'en'), settings: DEFAULT_SETTINGS, linkError: 'damaged'});
  });

  test('no link: the saved program of that locale, else the default', async () => {
    storage.setItem(playgroundKey('en'), JSON.stringify({code: 'english one', savedAt: 5}));
    expect((await openPlayground('', 'en')).code).toBe('english one');
    expect((await openPlayground('', 'ko')).code).toBe(starterCode(DEFAULT_STARTER, 'ko'));
  });

  test('an unreadable or oversized saved program is set aside under its own key and said so', async () => {
    storage.setItem(playgroundKey('ko'), '{not json');
    const o = await openPlayground('', 'ko');
    expect(o.code).toBe(starterCode(DEFAULT_STARTER, 'ko'));
    expect(o.storageNotice).toEqual({kind: 'set-aside', why: 'unreadable', keptAs: playgroundKey('ko') + ':set-aside'});
    expect(storage.getItem(playgroundKey('ko') + ':set-aside')).toBe('{not json');

    storage.setItem(playgroundKey('en'), JSON.stringify({code: 'x'.repeat(MAX_EDIT_CHARS + 1)}));
    expect((await openPlayground('', 'en')).storageNotice).toMatchObject({kind: 'set-aside', why: 'too-large'});
  });
});

describe('settings', () => {
  test('inputs outside the bounds are brought in; empty or not a number is the default', () => {
    expect(settingsFromInputs('5000', '-3', '1.6')).toEqual({rttMs: 2000, lossPct: 0, seed: 2});
    expect(settingsFromInputs('', 'abc', '')).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromInputs('33', '12.34', '99')).toEqual({rttMs: 33, lossPct: 12.3, seed: 99});
  });

  test('a round trip is two one-way trips; loss is a probability', () => {
    expect(worldOptions({rttMs: 120, lossPct: 25, seed: 7})).toEqual({seed: 7, latencyMs: 60, loss: 0.25});
  });

  test("a block's world as settings (what its Open in playground link carries)", () => {
    expect(settingsFromWorld(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromWorld({latencyMs: 50, loss: 0.05, seed: 3})).toEqual({rttMs: 100, lossPct: 5, seed: 3});
  });
});
