/**
 * src/patches/clientSwaps against the installed Docusaurus: each pattern names exactly one real module, each
 * stand-in exists and exports the same names as the module it replaces, and only the browser build swaps. A
 * Docusaurus upgrade that moves or reshapes one of these modules fails here instead of quietly unswapping it.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import clientSwaps, {SWAPS} from '../../src/patches/clientSwaps';
import {sha256, stockSource} from './stockSource';

const ROOT = path.resolve(__dirname, '../..');

/** Every .js file below the installed packages these swaps reach into. */
function installedFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name.endsWith('.js')) files.push(p);
    }
  };
  for (const pkg of ['core', 'theme-common']) walk(path.join(ROOT, 'node_modules', '@docusaurus', pkg, 'lib'));
  return files;
}

/** The names an ES module exports (`default` for its default export), read from its source. */
function exportNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/^export\s+(default\b|(?:async\s+)?function\s+(\w+)|const\s+(\w+))/gm)) {
    names.add(m[1] === 'default' || m[1].startsWith('default') ? 'default' : (m[2] ?? m[3]));
  }
  return [...names].sort();
}

const files = installedFiles();

describe('clientSwaps', () => {
  it.each(SWAPS.map(([pattern, file]) => [path.basename(file), pattern, file] as const))(
    '%s replaces exactly one installed module and exports what it exported',
    (_name, pattern, standIn) => {
      const matched = files.filter((f) => pattern.test(f));
      expect(matched).toHaveLength(1);
      expect(existsSync(standIn)).toBe(true);
      const stock = exportNames(readFileSync(matched[0], 'utf8'));
      expect(stock.length).toBeGreaterThan(0);
      expect(exportNames(readFileSync(standIn, 'utf8'))).toEqual(stock);
    },
  );

  it('swaps in the browser build only', () => {
    class FakeReplacement {
      constructor(
        readonly pattern: RegExp,
        readonly file: string,
      ) {}
    }
    const plugin = clientSwaps({} as never);
    const bundler = {currentBundler: {instance: {NormalModuleReplacementPlugin: FakeReplacement}}} as never;
    expect(plugin.configureWebpack!({} as never, true, bundler, {} as never)).toEqual({});
    const client = plugin.configureWebpack!({} as never, false, bundler, {} as never) as unknown as {plugins: FakeReplacement[]};
    expect(client.plugins.map((p) => [p.pattern, p.file])).toEqual(SWAPS);
  });

  it('the wrappers\' own import of the stock helper is not swapped (or a wrapper would call itself)', () => {
    for (const [pattern] of SWAPS) {
      expect(pattern.test('/site/node_modules/@docusaurus/core/lib/client/prefetch.js?stock')).toBe(false);
      expect(pattern.test('@docusaurus/core/lib/client/preload.js?stock')).toBe(false);
    }
  });

  it.each(['prefetch.ts', 'preload.ts'])('%s wraps the stock helper: imports it by the path the swap lets through', (name) => {
    const standIn = SWAPS.find(([, file]) => path.basename(file) === name)![1];
    const imported = /from '(@docusaurus\/core\/lib\/client\/[a-z]+\.js)\?stock'/.exec(readFileSync(standIn, 'utf8'))?.[1];
    expect(imported).toBe(`@docusaurus/core/lib/client/${name.replace('.ts', '.js')}`);
    expect(files.filter((f) => SWAPS.some(([pattern]) => pattern.test(f)) && f.endsWith(imported!.slice('@docusaurus/core'.length)))).toHaveLength(1);
  });

  // browserContext.tsx and useWindowSize.ts are the stock modules rewritten (one startTransition each): pinned to the
  // stock source they were written from, so an upgrade that changes either fails here before the copy drifts
  it.each([
    ['@docusaurus/core', 'lib/client/browserContext.js', 'f0765ea0de6c682044acc2d1f6f7d474e9ac389591a8e97f877e437c09225b4c'],
    ['@docusaurus/theme-common', 'lib/hooks/useWindowSize.js', 'a32a46c867130090a4d785590da6f9cc69789eb67a94a5386fc6416857b91872'],
  ])('%s %s is the source its stand-in was written from (3.10.2)', (pkg, rel, hash) => {
    expect(sha256(stockSource(pkg, rel))).toBe(hash);
  });
});
