/**
 * src/patches/compileHints against the installed @docusaurus/core: the chunks it marks are found by name, `main`
 * (webpack's default entry name, Docusaurus's entry being a single path) and `runtime~main` (from
 * `runtimeChunk: true`). If Docusaurus names its entry or runtime otherwise, the hint would go nowhere, silently.
 * (e2e/perf.test.ts checks the built main.js carries it.)
 */
import {describe, expect, it} from 'vitest';
import {EAGER_CHUNKS} from '../../src/patches/compileHints';
import {stockSource} from './stockSource';

describe('compileHints patch', () => {
  it('Docusaurus still builds one unnamed entry with its runtime split off, so the chunks are main and runtime~main', () => {
    const client = stockSource('@docusaurus/core', 'lib/webpack/client.js');
    expect(client).toMatch(/entry: path_1\.default\.resolve\(__dirname, '\.\.\/client\/clientEntry\.js'\),/);
    expect(client).toContain('runtimeChunk: true,');
    expect(EAGER_CHUNKS).toEqual(['main', 'runtime~main']);
  });
});
