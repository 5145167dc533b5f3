/**
 * src/patches/ssrTemplate on the installed @docusaurus/core: the template is the stock one with its deferred script
 * tags turned into preloads and one script that starts them after the first paint; a stock template without those
 * lines is refused (building the config then throws).
 */
import {describe, expect, it} from 'vitest';
import {PRELOAD_TAG, START_SCRIPT, STOCK_BODY_END, STOCK_SCRIPT_TAG, patchTemplate, ssrTemplate} from '../../src/patches/ssrTemplate';
import {stockSource} from './stockSource';

const stock = (require('@docusaurus/core/lib/ssg/ssgTemplate.html.js') as {default: string}).default;

describe('ssrTemplate patch', () => {
  it('reads the installed stock template, which starts the app with one deferred script tag per script', () => {
    expect(stockSource('@docusaurus/core', 'lib/ssg/ssgTemplate.html.js')).toContain(STOCK_SCRIPT_TAG);
    expect(stock.split(STOCK_SCRIPT_TAG)).toHaveLength(2);
    expect(stock.split(STOCK_BODY_END)).toHaveLength(2);
  });

  it('changes only how the scripts start: preloaded in the head, started by one script before the body ends', () => {
    expect(ssrTemplate).not.toContain('defer></script>');
    expect(ssrTemplate).toContain('<link rel="preload" as="script" fetchpriority="low" href="<%= it.baseUrl %><%= script %>" />');
    expect(ssrTemplate).toMatch(/<script>\(function \(srcs\)[\s\S]*first-contentful-paint[\s\S]*<\/script>\s*<%~ it.postBodyTags %>/);
    // everything else is the stock text
    expect(ssrTemplate.replace(START_SCRIPT, '').replace(PRELOAD_TAG, STOCK_SCRIPT_TAG)).toBe(stock);
  });

  it('refuses a stock template without the lines it edits, so a changed Docusaurus fails the build', () => {
    expect(() => patchTemplate(stock.replace(' defer>', ' type="module">'))).toThrow(/ssgTemplate/);
    expect(() => patchTemplate(stock.replace(STOCK_BODY_END, ''))).toThrow(/postBodyTags/);
  });
});
