/**
 * The two locales must stay twins: every Korean doc has an English doc with the same file name, and both carry the
 * same explicit heading ids in the same order. Links and anchors (`./glossary.mdx#descriptor`, `#quiz`) are written
 * once and must work in both languages, so an id that drifts in one locale is a broken link in the other.
 */
import {describe, expect, it} from 'vitest';
import {filesBelow} from '../files';
import {readFileSync} from 'node:fs';
import {join, relative} from 'node:path';

const root = join(__dirname, '..', '..');
const koDir = join(root, 'docs');
const enDir = join(root, 'i18n', 'en', 'docusaurus-plugin-content-docs', 'current');

/** Chapters the sidebar and the architecture promise; they must exist in both locales. */
const requiredDocs = [
  'intro.mdx',
  '01-overview.mdx',
  '02-socket.mdx',
  '03-connect.mdx',
  'server.mdx',
  '04-read-write.mdx',
  '05-close.mdx',
  '06-http.mdx',
  'glossary.mdx',
  'cheatsheet.mdx',
];

interface Heading {
  line: number;
  text: string;
  /** the explicit `{#id}`, or null when the heading has none */
  id: string | null;
}

/** All .md/.mdx files below dir, as paths relative to dir, sorted. */
function docFiles(dir: string): string[] {
  return filesBelow(dir, /\.mdx?$/)
    .map((full) => relative(dir, full))
    .sort();
}

/**
 * Markdown ATX headings of a file, line by line: front matter and fenced code blocks are skipped, because a `#` there
 * is a YAML or shell comment, not a heading.
 */
export function headingsOf(source: string): Heading[] {
  const lines = source.split(/\r?\n/);
  const headings: Heading[] = [];
  let fence: string | null = null;
  let inFrontMatter = lines[0]?.trim() === '---';
  lines.forEach((raw, index) => {
    if (index === 0 && inFrontMatter) return;
    if (inFrontMatter) {
      if (raw.trim() === '---') inFrontMatter = false;
      return;
    }
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(raw);
    if (fenceMatch) {
      const marker = fenceMatch[1];
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && raw.trim() === marker) fence = null;
      return;
    }
    if (fence !== null) return;
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(raw);
    if (!heading) return;
    const idMatch = /\{#([^}\s]+)\}\s*$/.exec(heading[2]);
    headings.push({line: index + 1, text: heading[2], id: idMatch ? idMatch[1] : null});
  });
  return headings;
}

const koFiles = docFiles(koDir);
const enFiles = docFiles(enDir);

describe('headingsOf (the line parser this test relies on)', () => {
  it('finds ids, ignores code fences and front matter, reports headings without ids', () => {
    const source = [
      '---',
      '# not a heading: front matter',
      '---',
      '## 소켓 {#socket}',
      '```bash',
      '# a shell comment',
      '```',
      '### No id here',
    ].join('\n');

    const found = headingsOf(source);

    expect(found.map((h) => h.id)).toEqual(['socket', null]);
    expect(found[1].line).toBe(8);
  });
});

describe('docs exist in both locales', () => {
  it.each(requiredDocs)('%s is written in Korean and English', (file) => {
    expect(koFiles, `docs/${file}`).toContain(file);
    expect(enFiles, `English ${file}`).toContain(file);
  });

  it('every Korean doc has an English twin', () => {
    expect(koFiles.filter((f) => !enFiles.includes(f))).toEqual([]);
  });

  it('every English doc has a Korean original', () => {
    expect(enFiles.filter((f) => !koFiles.includes(f))).toEqual([]);
  });
});

describe.each(koFiles.filter((f) => enFiles.includes(f)))('%s', (file) => {
  const ko = headingsOf(readFileSync(join(koDir, file), 'utf8'));
  const en = headingsOf(readFileSync(join(enDir, file), 'utf8'));

  it('every heading carries an explicit ASCII kebab-case id', () => {
    const missing = [...ko.map((h) => ['ko', h] as const), ...en.map((h) => ['en', h] as const)]
      .filter(([, h]) => h.id === null || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(h.id))
      .map(([locale, h]) => `${locale}:${h.line}: ${h.text}`);
    expect(missing).toEqual([]);
  });

  it('ids are unique within the page', () => {
    for (const headings of [ko, en]) {
      const ids = headings.map((h) => h.id);
      const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(repeated).toEqual([]);
    }
  });

  it('Korean and English have the same heading ids in the same order', () => {
    expect(en.map((h) => h.id)).toEqual(ko.map((h) => h.id));
  });
});
