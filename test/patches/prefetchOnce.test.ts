/**
 * src/patches/prefetchOnce against the installed @docusaurus/core, and its wrapper's behaviour:
 * - the pattern names exactly one installed module, core's client prefetch helper, and that helper still adds one
 *   `<link rel=prefetch>` per call, called once per chunk of every matched route (the duplication this removes);
 * - the wrapper exports what the stock module exports, imports the stock module under a request the swap does not
 *   match, and the swap is for the browser build only;
 * - each chunk URL reaches the stock helper at most once, and a chunk the page has never does.
 * @vitest-environment jsdom
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it, vi} from 'vitest';
import prefetchOncePlugin, {PREFETCH_JS, WRAPPER} from '../../src/patches/prefetchOnce';
import {prefetchOnce} from '../../src/patches/prefetchOnce/prefetch';
import {stockFile, stockSource} from './stockSource';

const clientLib = stockFile('@docusaurus/core', 'lib/client');

describe('prefetchOnce patch', () => {
  it('names exactly one installed module: core\'s client prefetch helper', () => {
    const matched = readdirSync(clientLib, {recursive: true, encoding: 'utf8'})
      .map((rel) => path.join(clientLib, rel))
      .filter((f) => PREFETCH_JS.test(f));
    expect(matched).toEqual([path.join(clientLib, 'prefetch.js')]);
  });

  it('the stock helper adds a <link rel=prefetch> per call, and core calls it once per chunk of every matched route', () => {
    const helper = stockSource('@docusaurus/core', 'lib/client/prefetch.js');
    expect(helper).toMatch(/export default function prefetch\(url\)/);
    expect(helper).toContain("link.setAttribute('rel', 'prefetch');");
    const client = stockSource('@docusaurus/core', 'lib/client/docusaurus.js');
    expect(client).toContain("import prefetchHelper from './prefetch';");
    expect(client).toMatch(/matches\.flatMap\(\(match\) => getChunkNamesToLoad\(match\.route\.path\)\)/);
    expect(client).toMatch(/chunkNamesNeeded\.map\(\(chunkName\) => \{[\s\S]*?return prefetchHelper\(chunkAsset\);/);
  });

  it('the wrapper exports a default function as the stock module does, and imports the stock one unswapped', () => {
    const wrapper = readFileSync(WRAPPER, 'utf8');
    expect(wrapper).toMatch(/^export default prefetch;$/m);
    const stockRequest = /import stockPrefetch from '([^']+)';/.exec(wrapper)![1];
    expect(stockRequest).toBe('@docusaurus/core/lib/client/prefetch.js?stock');
    expect(PREFETCH_JS.test(path.join(clientLib, 'prefetch.js?stock'))).toBe(false);
  });

  it('swaps in the browser build only', () => {
    class FakeReplacement {
      constructor(
        readonly pattern: RegExp,
        readonly file: string,
      ) {}
    }
    const plugin = prefetchOncePlugin({} as never);
    const bundler = {currentBundler: {instance: {NormalModuleReplacementPlugin: FakeReplacement}}} as never;
    expect(plugin.configureWebpack!({} as never, true, bundler, {} as never)).toEqual({});
    const client = plugin.configureWebpack!({} as never, false, bundler, {} as never) as unknown as {plugins: FakeReplacement[]};
    expect(client.plugins).toEqual([new FakeReplacement(PREFETCH_JS, WRAPPER)]);
  });

  it('asks the stock helper once per chunk, however many routes name it', async () => {
    const stock = vi.fn((_url: string) => Promise.resolve());
    const prefetch = prefetchOnce(stock, document, {getEntriesByName: () => []});
    // the docs layout chunks come with every docs route a link points to
    for (const route of [['/assets/js/layout.js', '/assets/js/a.js'], ['/assets/js/layout.js', '/assets/js/b.js'], ['/assets/js/layout.js']]) {
      await Promise.all(route.map((url) => prefetch(url)));
    }
    expect(stock.mock.calls.map(([url]) => url)).toEqual(['/assets/js/layout.js', '/assets/js/a.js', '/assets/js/b.js']);
  });

  it('never asks for a chunk the page has: loaded before, or a script or preload of the page', async () => {
    const base = new URL('/assets/js/', document.baseURI).href;
    const script = document.createElement('script');
    script.src = base + 'running.js';
    const preload = document.createElement('link');
    preload.rel = 'preload';
    preload.href = base + 'preloaded.js';
    document.head.append(script, preload);
    const stock = vi.fn((_url: string) => Promise.resolve());
    const loaded = new Set([base + 'loaded.js']);
    const prefetch = prefetchOnce(stock, document, {getEntriesByName: (name: string) => (loaded.has(name) ? [{} as PerformanceEntry] : [])});
    await Promise.all(['running.js', 'preloaded.js', 'loaded.js', 'other.js'].map((f) => prefetch('/assets/js/' + f)));
    expect(stock.mock.calls.map(([url]) => url)).toEqual(['/assets/js/other.js']);
    script.remove();
    preload.remove();
  });
});
