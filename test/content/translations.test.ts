/**
 * English is a full locale: every string our components pass through Docusaurus's translate() / <Translate> has an
 * English entry in i18n/en/code.json. A missing entry would show the Korean default on an English page, silently.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {filesBelow} from '../files';

/** ids given literally to translate({id: '…'}) and <Translate id="…"> */
function translationIds(): Map<string, string> {
  const ids = new Map<string, string>();
  for (const file of filesBelow('src', /\.tsx?$/)) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/translate\(\s*\{\s*id:\s*'([^']+)'/g)) ids.set(m[1], file);
    for (const m of text.matchAll(/<Translate\b[^>]*?\bid="([^"]+)"/g)) ids.set(m[1], file);
  }
  return ids;
}

describe('i18n/en/code.json', () => {
  const english = JSON.parse(readFileSync('i18n/en/code.json', 'utf8')) as Record<string, {message: string}>;
  const ids = translationIds();

  it('finds the strings (the scan itself works)', () => {
    expect(ids.size).toBeGreaterThan(100);
    expect(ids.has('livecode.status.blocked')).toBe(true);
  });

  it('has an English message for every id the components use', () => {
    const missing = [...ids].filter(([id]) => !english[id]?.message).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
  });
});
