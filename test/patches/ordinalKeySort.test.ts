/**
 * src/patches/ordinalKeySort/loader.cjs on the installed @docusaurus/theme-common: the one key sort that made a page
 * load build ICU's collator becomes ordinal, and a source without that line is refused (the build then fails).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import {describe, expect, it} from 'vitest';
import {REACT_UTILS} from '../../src/patches/ordinalKeySort';

const require = createRequire(import.meta.url);
const {rewrite} = require('../../src/patches/ordinalKeySort/loader.cjs') as {rewrite: (source: string) => string | null};
// the package's exports map hides lib/utils: go from its entry (lib/index.js)
const file = path.join(path.dirname(require.resolve('@docusaurus/theme-common')), 'utils', 'reactUtils.js');
const stock = readFileSync(file, 'utf8');

/** The body of useShallowMemoObject in a module's source. */
const shallowMemo = (source: string) => /export function useShallowMemoObject\(obj\) \{[\s\S]*?\n\}/.exec(source)?.[0] ?? '';

describe('ordinalKeySort', () => {
  it('matches the installed reactUtils.js, and that file is where the theme calls localeCompare', () => {
    expect(REACT_UTILS.test(file)).toBe(true);
    expect(shallowMemo(stock)).toContain('localeCompare');
  });

  it('sorts the keys by code unit instead, and changes nothing else', () => {
    const out = rewrite(stock);
    expect(out).not.toBeNull();
    expect(shallowMemo(out!)).not.toContain('localeCompare');
    expect(shallowMemo(out!)).toContain('deps.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));');
    expect(out!.replace(shallowMemo(out!), '')).toBe(stock.replace(shallowMemo(stock), ''));
  });

  it('refuses a source without the stock line, so a changed Docusaurus fails the build instead of passing silently', () => {
    expect(rewrite(stock.replace('localeCompare', 'compare'))).toBeNull();
    expect(rewrite('')).toBeNull();
  });

  it('the ordinal comparison orders keys as a fixed total order (all useMemo needs)', () => {
    const keys = ['title', 'className', 'Z', 'a', 'children', 'b'];
    // the comparator exactly as the rewritten module has it
    const body = /deps\.sort\(\(a, b\) => (.*)\);/.exec(shallowMemo(rewrite(stock)!))![1];
    const compare = new Function('a', 'b', `return ${body};`) as (a: [string], b: [string]) => number;
    const sorted = (list: string[]) => list.map((k) => [k] as [string]).sort(compare).map(([k]) => k);
    expect(sorted(keys)).toEqual([...keys].sort());
    expect(sorted([...keys].reverse())).toEqual(sorted(keys));
  });
});
