/**
 * The route preload that stands in for Docusaurus's in the browser (src/patches/clientSwaps/preload.ts): the same routes' chunks,
 * asked for one task later, so that nothing of it runs inside the task that called it (main.js's, at start-up).
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';

const loaded: string[] = [];
const loadable = (name: string) => ({preload: () => Promise.resolve(loaded.push(name))});

// a route tree shaped like Docusaurus's: the docs layout, then one route per doc, and the 404 route
vi.mock('@generated/routes', () => ({
  default: [
    {
      path: '/docs',
      component: loadable('docs-layout'),
      routes: [
        {path: '/docs/close', exact: true, component: loadable('close')},
        {path: '/docs/connect', exact: true, component: loadable('connect')},
      ],
    },
    {path: '*', component: loadable('not-found')},
  ],
}));

const {default: preload} = await import('../../src/patches/clientSwaps/preload');

beforeEach(() => {
  vi.useFakeTimers();
  loaded.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('preload', () => {
  test('asks for nothing in the calling task, not even in its microtasks', async () => {
    const done = preload('/docs/close');
    await Promise.resolve();
    await Promise.resolve();
    expect(loaded).toEqual([]);

    await vi.runAllTimersAsync();
    await done;
    expect(loaded).toEqual(['docs-layout', 'close']);
  });

  test('loads every route matched on the way down, as Docusaurus does, and the 404 route for an unknown path', async () => {
    const a = preload('/docs/connect');
    await vi.runAllTimersAsync();
    await a;
    expect(loaded).toEqual(['docs-layout', 'connect']);

    loaded.length = 0;
    const b = preload('/nowhere');
    await vi.runAllTimersAsync();
    await b;
    expect(loaded).toEqual(['not-found']);
  });
});
