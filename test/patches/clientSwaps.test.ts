/**
 * src/patches/clientSwaps against the installed Docusaurus: each pattern names exactly one real module, each
 * stand-in exists and exports the same names as the module it replaces, and only the browser build swaps. A
 * Docusaurus upgrade that moves or reshapes one of these modules fails here instead of quietly unswapping it.
 */
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import clientSwaps, {SWAPS} from '../../src/patches/clientSwaps';

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
});
