/**
 * src/patches/codeBlockLines against the installed @docusaurus/theme-classic:
 * - the remount it removes is exactly one line of CodeBlock/index.js, and a source without it is refused (the build
 *   then fails);
 * - `@theme/CodeBlock/Content`, the request it swaps, is asked for by CodeBlock/Layout only;
 * - Content.tsx was written from the stock Content/index.js of theme-classic 3.10.2: its hash is pinned, so any change
 *   to the stock component fails here, and someone compares the two before the copy drifts.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CONTENT_REQUEST, STOCK_CODE_BLOCK} from '../../src/patches/codeBlockLines';
import {sha256, stockFile, stockSource} from './stockSource';

const require = createRequire(import.meta.url);
const {rewrite} = require('../../src/patches/codeBlockLines/loader.cjs') as {rewrite: (source: string) => string | null};
const codeBlockFile = stockFile('@docusaurus/theme-classic', 'lib/theme/CodeBlock/index.js');
const stock = readFileSync(codeBlockFile, 'utf8');

describe('codeBlockLines patch', () => {
  it('its loader matches the installed CodeBlock/index.js and drops the remount key, nothing else', () => {
    expect(STOCK_CODE_BLOCK.test(codeBlockFile)).toBe(true);
    const out = rewrite(stock);
    expect(out).not.toBeNull();
    expect(out).not.toContain('key={String(isBrowser)}');
    expect(out!.replace('<CodeBlockComp {...props}>', '<CodeBlockComp key={String(isBrowser)} {...props}>')).toBe(stock);
  });

  it('refuses a CodeBlock without that line, so a changed Docusaurus fails the build', () => {
    expect(rewrite(stock.replace('key={String(isBrowser)}', 'key={String(isBrowser && colorMode)}'))).toBeNull();
    expect(rewrite('')).toBeNull();
  });

  it('swaps the one request by which the theme reaches the stock Content', () => {
    const lib = stockFile('@docusaurus/theme-classic', 'lib/theme');
    const askers = readdirSync(lib, {recursive: true, encoding: 'utf8'})
      .filter((rel) => rel.endsWith('.js'))
      .filter((rel) => /from '@theme\/CodeBlock\/Content'/.test(readFileSync(path.join(lib, rel), 'utf8')));
    expect(askers).toEqual([path.join('CodeBlock', 'Layout', 'index.js')]);
    expect(CONTENT_REQUEST.test('@theme/CodeBlock/Content')).toBe(true);
    expect(CONTENT_REQUEST.test('@theme/CodeBlock/Content/String')).toBe(false);
  });

  it('the stock Content is the one Content.tsx was written from (theme-classic 3.10.2)', () => {
    expect(sha256(stockSource('@docusaurus/theme-classic', 'lib/theme/CodeBlock/Content/index.js'))).toBe(
      '0d361f5894590ea483a8cd846925bf41d85301eed29e0cfb4dc515128ab35556',
    );
  });
});
