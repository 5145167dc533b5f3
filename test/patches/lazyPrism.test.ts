/**
 * src/patches/lazyPrism against the installed @docusaurus/theme-classic: the module it swaps out is exactly one file,
 * the theme registers that file as a client module, and that file is still what puts Prism into every page's main
 * bundle (imports prism-react-renderer's Prism and runs the language loader on it). A theme that moves or reshapes
 * it fails here instead of quietly loading Prism at start-up again.
 */
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLIENT_MODULE, PRISM_INCLUDE_LANGUAGES} from '../../src/patches/lazyPrism';
import {stockFile, stockSource} from './stockSource';

const themeLib = stockFile('@docusaurus/theme-classic', 'lib');

describe('lazyPrism patch', () => {
  it('names exactly one installed file, the client module theme-classic registers', () => {
    const matched = readdirSync(themeLib, {recursive: true, encoding: 'utf8'})
      .map((rel) => path.join(themeLib, rel))
      .filter((f) => PRISM_INCLUDE_LANGUAGES.test(f));
    expect(matched).toEqual([path.join(themeLib, 'prism-include-languages.js')]);
    expect(stockSource('@docusaurus/theme-classic', 'lib/index.js')).toMatch(/getClientModules\(\)[\s\S]{0,200}'\.\/prism-include-languages'/);
  });

  it('that module is what builds Prism and its languages on every page load', () => {
    const source = stockSource('@docusaurus/theme-classic', 'lib/prism-include-languages.js');
    expect(source).toMatch(/import \{ ?Prism ?\} from 'prism-react-renderer';/);
    expect(source).toContain('prismIncludeLanguages(Prism);');
  });

  it('the stand-in exists and is a client module too (a default export, as the stock one has none)', async () => {
    expect(existsSync(CLIENT_MODULE)).toBe(true);
    const {default: clientModule} = await import('../../src/patches/lazyPrism/clientModule');
    expect(typeof clientModule.onRouteUpdate).toBe('function');
  });
});
