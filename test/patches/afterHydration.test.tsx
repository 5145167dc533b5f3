// @vitest-environment jsdom
/**
 * The two stand-ins that make the renders right after hydration yield (src/patches/clientSwaps/browserContext.tsx,
 * src/patches/clientSwaps/useWindowSize.ts, swapped in by src/patches/clientSwaps). Each keeps the stock contract — the server's
 * value in the first render (so hydration matches), the browser's after mount, resizes followed — and sends its
 * first update through React's startTransition (spied on here), so that render is cut into slices.
 */
import {act, cleanup, render} from '@testing-library/react';
import {useContext} from 'react';
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';

const transitions = vi.hoisted(() => ({count: 0}));
vi.mock('react', async (importOriginal) => {
  const react = await importOriginal<typeof import('react')>();
  return {
    ...react,
    startTransition: (scope: () => void) => {
      transitions.count++;
      react.startTransition(scope);
    },
  };
});

const {BrowserContextProvider, Context} = await import('../../src/patches/clientSwaps/browserContext');
const {useWindowSize} = await import('../../src/patches/clientSwaps/useWindowSize');

/** Renders a probe and returns every value it rendered with, in order. */
function probe<T>(useValue: () => T, wrap?: (node: React.ReactNode) => React.ReactNode) {
  const seen: T[] = [];
  function Probe() {
    seen.push(useValue());
    return null;
  }
  const ui = wrap ? wrap(<Probe />) : <Probe />;
  return {seen, ...render(<>{ui}</>)};
}

const setWidth = (px: number) => Object.defineProperty(window, 'innerWidth', {configurable: true, value: px});

beforeEach(() => {
  transitions.count = 0;
});
afterEach(cleanup);

describe('BrowserContextProvider (core browserContext.js stand-in)', () => {
  test('says "not in the browser" in the first render, as the server did, then "in the browser", by a transition', async () => {
    let result!: ReturnType<typeof probe<boolean>>;
    await act(async () => {
      result = probe(() => useContext(Context), (node) => <BrowserContextProvider>{node}</BrowserContextProvider>);
    });
    expect(result.seen[0]).toBe(false);
    expect(result.seen.at(-1)).toBe(true);
    expect(transitions.count).toBe(1);
  });
});

describe('useWindowSize (theme-common stand-in)', () => {
  test('renders "ssr" first, then the size class of the window, read in a transition', async () => {
    setWidth(412);
    let result!: ReturnType<typeof probe<string>>;
    await act(async () => {
      result = probe(() => useWindowSize());
    });
    expect(result.seen[0]).toBe('ssr');
    expect(result.seen.at(-1)).toBe('mobile');
    expect(transitions.count).toBe(1);
  });

  test('follows resizes across the breakpoint (996 px, as Infima), urgently, and stops listening when unmounted', async () => {
    setWidth(1280);
    let result!: ReturnType<typeof probe<string>>;
    await act(async () => {
      result = probe(() => useWindowSize());
    });
    expect(result.seen.at(-1)).toBe('desktop');

    setWidth(996);
    await act(async () => {
      window.dispatchEvent(new Event('resize'));
    });
    expect(result.seen.at(-1)).toBe('mobile');
    expect(transitions.count).toBe(1); // only the first reading was a transition

    const renders = result.seen.length;
    result.unmount();
    setWidth(1280);
    window.dispatchEvent(new Event('resize'));
    expect(result.seen.length).toBe(renders);
  });

  test('takes another breakpoint when asked', async () => {
    setWidth(800);
    let result!: ReturnType<typeof probe<string>>;
    await act(async () => {
      result = probe(() => useWindowSize({desktopBreakpoint: 700}));
    });
    expect(result.seen.at(-1)).toBe('desktop');
  });
});
