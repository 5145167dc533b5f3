// @vitest-environment jsdom
/**
 * loadOnce, which the quiz, the review page, runnable blocks and the highlighter load their chunks with: one load per page, a failed load is tried
 * again, and once loaded React.lazy gets the component at once (no Suspense fallback), which is what lets the live quiz
 * replace the server's HTML in one render.
 */
import {lazy, Suspense} from 'react';
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup, render, screen} from '@testing-library/react';
import {loadOnce} from '../../src/lib/loadOnce';

afterEach(cleanup);

describe('loadOnce', () => {
  test('starts the load once however often it is asked', async () => {
    let starts = 0;
    const loader = loadOnce(async () => {
      starts++;
      return 'module';
    });

    const [a, b] = await Promise.all([loader.load(), loader.load()]);
    await loader.load();
    expect([a, b, starts]).toEqual(['module', 'module', 1]);
  });

  test('its value is at hand synchronously once loaded, and not before', async () => {
    const loader = loadOnce(async () => 'module');
    expect(loader.current()).toBeNull();
    await loader.load();
    expect(loader.current()).toBe('module');
  });

  test('a value already at hand is used without loading', async () => {
    let starts = 0;
    const loader = loadOnce(async () => {
      starts++;
      return 'loaded';
    }, 'at hand');
    expect(loader.current()).toBe('at hand');
    await expect(loader.load()).resolves.toBe('at hand');
    expect(starts).toBe(0);
  });

  test('a failed load is started again next time', async () => {
    let starts = 0;
    const loader = loadOnce(async () => {
      starts++;
      if (starts === 1) throw new Error('offline');
      return 'module';
    });

    await expect(loader.load()).rejects.toThrow('offline');
    await expect(loader.load()).resolves.toBe('module');
    expect(starts).toBe(2);
  });

  test('once loaded, a lazy component renders at once, without its Suspense fallback', async () => {
    const loader = loadOnce(async () => () => <p>the quiz</p>);
    await loader.load();
    const Lazy = lazy(loader.lazy);

    render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy />
      </Suspense>,
    );
    expect(screen.getByText('the quiz')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  test('not loaded yet: the lazy component suspends, then renders', async () => {
    const loader = loadOnce(async () => () => <p>the quiz</p>);
    const Lazy = lazy(loader.lazy);

    render(
      <Suspense fallback={<p>loading</p>}>
        <Lazy />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeTruthy();
    expect(await screen.findByText('the quiz')).toBeTruthy();
  });
});
