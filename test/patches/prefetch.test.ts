// @vitest-environment jsdom
/**
 * The route prefetch helper that stands in for Docusaurus's (src/patches/clientSwaps/prefetch.ts): Docusaurus asks for the same
 * layout chunks once per matched route per visible link, and for chunks the page has loaded already; the helper
 * must turn that into one call of the stock helper per chunk the page does not have, in idle time.
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';

const prefetchLinks = () => Array.from(document.head.querySelectorAll('link[rel=prefetch]')).map((l) => l.getAttribute('href'));

/** jsdom has no rel=prefetch; Chromium and Firefox do */
function withLinkPrefetch(): void {
  vi.spyOn(HTMLLinkElement.prototype, 'relList', 'get').mockReturnValue({supports: (t: string) => t === 'prefetch'} as unknown as DOMTokenList);
}

// the stock helper it wraps picks <link rel=prefetch> or a background request once, as it loads (Safari's request
// is the stock helper's own business): load it where links can prefetch
withLinkPrefetch();
const {default: prefetch} = await import('../../src/patches/clientSwaps/prefetch');

beforeEach(() => {
  vi.useFakeTimers();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterEach(() => {
  vi.runAllTimers();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('prefetch', () => {
  test('adds nothing at once: the links come in idle time, one per idle period', () => {
    withLinkPrefetch();
    void prefetch('/assets/js/idle-a.js');
    void prefetch('/assets/js/idle-b.js');
    expect(prefetchLinks()).toEqual([]);

    vi.advanceTimersByTime(50);
    expect(prefetchLinks()).toEqual(['/assets/js/idle-a.js']);
    vi.advanceTimersByTime(50);
    expect(prefetchLinks()).toEqual(['/assets/js/idle-a.js', '/assets/js/idle-b.js']);
  });

  test('a chunk asked for by many links is fetched once, and every caller gets the same promise', () => {
    withLinkPrefetch();
    const first = prefetch('/assets/js/layout.js');
    const again = prefetch('/assets/js/layout.js');
    void prefetch('/assets/js/page.js');
    void prefetch('/assets/js/layout.js');
    vi.runAllTimers();

    expect(again).toBe(first);
    expect(prefetchLinks()).toEqual(['/assets/js/layout.js', '/assets/js/page.js']);
  });

  test('a chunk the page already has (its script, or a preload) is not fetched again, and its promise resolves', async () => {
    withLinkPrefetch();
    document.head.innerHTML =
      '<script src="/assets/js/main.js"></script><link rel="preload" href="/assets/js/runtime.js" as="script">';
    const loaded = [prefetch('/assets/js/main.js'), prefetch('/assets/js/runtime.js')];
    void prefetch('/assets/js/other-route.js');
    vi.runAllTimers();

    await expect(Promise.all(loaded)).resolves.toEqual([undefined, undefined]);
    expect(prefetchLinks()).toEqual(['/assets/js/other-route.js']);
  });

  test('a chunk that already ran (webpack removed its script) is known from resource timing and not fetched again', () => {
    withLinkPrefetch();
    const fetched = new URL('/assets/js/layout-ran.js', document.baseURI).href;
    vi.spyOn(performance, 'getEntriesByName').mockImplementation((name: string) =>
      name === fetched ? ([{name, entryType: 'resource'}] as PerformanceEntryList) : [],
    );
    void prefetch('/assets/js/layout-ran.js');
    void prefetch('/assets/js/not-yet.js');
    vi.runAllTimers();

    expect(prefetchLinks()).toEqual(['/assets/js/not-yet.js']);
  });

  test('resolves when the link loads, and also when it fails (never rejects)', async () => {
    withLinkPrefetch();
    const ok = prefetch('/assets/js/ok.js');
    const missing = prefetch('/assets/js/missing.js');
    vi.runAllTimers();
    const [okLink, missingLink] = Array.from(document.head.querySelectorAll('link[rel=prefetch]'));
    okLink.dispatchEvent(new Event('load'));
    missingLink.dispatchEvent(new Event('error'));

    await expect(Promise.all([ok, missing])).resolves.toEqual([undefined, undefined]);
  });
});
