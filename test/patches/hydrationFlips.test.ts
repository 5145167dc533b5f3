/**
 * src/patches/hydrationFlips against the installed Docusaurus: each pattern names exactly one installed module, each
 * has the lines the loader edits exactly once, the edits make the post-hydration setState a transition and change
 * nothing else, and a source without those lines is refused (the build then fails).
 */
import {readdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {FLIPPED} from '../../src/patches/hydrationFlips';
import {stockFile} from './stockSource';

const require = createRequire(import.meta.url);
const {EDITS, rewrite} = require('../../src/patches/hydrationFlips/loader.cjs') as {
  EDITS: Record<string, [string, string][]>;
  rewrite: (source: string, edits: [string, string][]) => string | null;
};

/** every .js file of the installed packages the patch reaches into */
const installed = ['core', 'theme-common'].flatMap((pkg) => {
  const lib = stockFile(`@docusaurus/${pkg}`, 'lib');
  return readdirSync(lib, {recursive: true, encoding: 'utf8'}).filter((f) => f.endsWith('.js')).map((f) => path.join(lib, f));
});

describe('hydrationFlips patch', () => {
  it.each(Object.keys(EDITS))('%s: its pattern names exactly that installed file', (rel) => {
    const file = stockFile('@docusaurus/' + rel.split('/')[0], rel.split('/').slice(1).join('/'));
    const matched = installed.filter((f) => FLIPPED.some((p) => p.test(f)) && f.endsWith(rel.split('/').slice(1).join('/')));
    expect(matched).toEqual([file]);
  });

  it.each(Object.entries(EDITS))('%s: the setState after hydration becomes a transition, nothing else changes', (rel, edits) => {
    const stock = readFileSync(stockFile('@docusaurus/' + rel.split('/')[0], rel.split('/').slice(1).join('/')), 'utf8');
    // the stock module sets state in an effect of its first render, and does not already use a transition
    expect(stock).toMatch(/useEffect\(\(\) => \{/);
    expect(stock).not.toContain('startTransition');
    const out = rewrite(stock, edits);
    expect(out).not.toBeNull();
    expect(out!.match(/startTransition/g)).toHaveLength(2); // imported once, called once
    let back = out!;
    for (const [was, by] of edits) back = back.replace(by, was);
    expect(back).toBe(stock);
  });

  it('both files, and only they, go through the loader', () => {
    const matched = installed.filter((f) => FLIPPED.some((p) => p.test(f)));
    expect(matched.map((f) => f.split(`${path.sep}@docusaurus${path.sep}`)[1].split(path.sep).join('/')).sort()).toEqual(Object.keys(EDITS).sort());
  });

  it('refuses a source without the edited lines, so a changed Docusaurus fails the build', () => {
    const [rel, edits] = Object.entries(EDITS)[0];
    const stock = readFileSync(stockFile('@docusaurus/' + rel.split('/')[0], rel.split('/').slice(1).join('/')), 'utf8');
    expect(rewrite(stock.replace(edits[1][0], ''), edits)).toBeNull();
    expect(rewrite('', edits)).toBeNull();
  });
});
