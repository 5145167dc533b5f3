/**
 * Questions ↔ chapter sections. Every `## … {#id}` section of a chapter is asked about by at least one question
 * (the quiz section itself and chapter 6's `lab` excepted; a question on a `###` subsection counts for its `##`),
 * and every question points to a heading that exists, in both locales. The section titles used as link text match
 * the headings as the chapters write them.
 */
import {describe, expect, it} from 'vitest';
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {quizzes} from '../../src/quiz/data';
import {sectionTitles} from '../../src/quiz/sectionTitles';
import {sectionLabel, splitSection} from '../../src/quiz/sections';

const root = join(__dirname, '..', '..');
const files: Record<string, string> = {
  overview: '01-overview.mdx',
  socket: '02-socket.mdx',
  connect: '03-connect.mdx',
  server: 'server.mdx',
  'read-write': '04-read-write.mdx',
  close: '05-close.mdx',
  http: '06-http.mdx',
};
/** Pages without a quiz of their own whose headings quiz links may still name (the server side, between 3 and 4). */
const otherPages: Record<string, string> = {};
const dirs = {ko: join(root, 'docs'), en: join(root, 'i18n', 'en', 'docusaurus-plugin-content-docs', 'current')};
const EXCEPTED = new Set(['quiz', 'http#lab']);

interface Heading {
  level: number;
  id: string;
  text: string;
  /** the id of the `##` section it belongs to (itself for a `##`) */
  section: string;
}

/** `##`/`###` headings with explicit ids, skipping front matter and fenced code. */
function headingsOf(source: string): Heading[] {
  const out: Heading[] = [];
  let fence: string | null = null;
  let section = '';
  const lines = source.split(/\r?\n/);
  let inFrontMatter = lines[0]?.trim() === '---';
  lines.forEach((line, i) => {
    if (inFrontMatter) {
      if (i > 0 && line.trim() === '---') inFrontMatter = false;
      return;
    }
    const f = /^\s*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1];
      else if (line.trim().startsWith(fence) && line.trim().replace(new RegExp(`^\\${fence[0]}+`), '') === '') fence = null;
      return;
    }
    if (fence !== null) return;
    const h = /^\s{0,3}(#{2,3})\s+(.*?)\s*\{#([^}\s]+)\}\s*$/.exec(line);
    if (!h) return;
    const level = h[1].length;
    if (level === 2) section = h[3];
    out.push({level, id: h[3], text: h[2], section: level === 2 ? h[3] : section});
  });
  return out;
}

function chapterHeadings(locale: 'ko' | 'en', doc: string): Heading[] {
  const path = join(dirs[locale], files[doc] ?? otherPages[doc]);
  return existsSync(path) ? headingsOf(readFileSync(path, 'utf8')) : [];
}

describe('the heading parser', () => {
  it('finds ## and ### ids with their section, ignoring code fences and front matter', () => {
    const source = ['---', 'title: x', '---', '## A {#a}', '```md', '## not {#no}', '```', '### B {#b}', '## C {#c}'].join('\n');
    expect(headingsOf(source)).toEqual([
      {level: 2, id: 'a', text: 'A', section: 'a'},
      {level: 3, id: 'b', text: 'B', section: 'a'},
      {level: 2, id: 'c', text: 'C', section: 'c'},
    ]);
  });
});

describe.each(Object.keys(files))('chapter %s', (doc) => {
  const quiz = quizzes.find((q) => q.chapter === doc);
  const ko = chapterHeadings('ko', doc);
  const en = chapterHeadings('en', doc);

  it('exists in both locales and has a quiz', () => {
    expect(ko.length, `docs/${files[doc]}`).toBeGreaterThan(0);
    expect(en.length, `English ${files[doc]}`).toBeGreaterThan(0);
    expect(quiz).toBeDefined();
  });

  it('every ## section has at least one question', () => {
    const byId = new Map(ko.map((h) => [h.id, h]));
    const asked = new Set(
      quiz!.questions.map((q) => splitSection(q.section)).filter((s) => s.doc === doc).map((s) => byId.get(s.anchor)?.section),
    );
    const unasked = ko
      .filter((h) => h.level === 2 && !EXCEPTED.has(h.id) && !EXCEPTED.has(`${doc}#${h.id}`))
      .filter((h) => !asked.has(h.id))
      .map((h) => `${doc}#${h.id} (${h.text})`);
    expect(unasked).toEqual([]);
  });

  it('every question points to a heading of this chapter that exists in both locales', () => {
    const missing = quiz!.questions
      .filter((q) => {
        const {doc: d, anchor} = splitSection(q.section);
        return d !== doc || !ko.some((h) => h.id === anchor) || !en.some((h) => h.id === anchor);
      })
      .map((q) => `${q.id} → ${q.section}`);
    expect(missing).toEqual([]);
  });

  it('the link texts match the headings in both locales', () => {
    const wrong: string[] = [];
    for (const q of quiz!.questions) {
      const title = sectionTitles[q.section];
      const {anchor} = splitSection(q.section);
      const koText = ko.find((h) => h.id === anchor)?.text;
      const enText = en.find((h) => h.id === anchor)?.text;
      if (title?.ko !== koText) wrong.push(`${q.section} ko: ${title?.ko} ≠ ${koText}`);
      if (title?.en !== enText) wrong.push(`${q.section} en: ${title?.en} ≠ ${enText}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('the section titles table', () => {
  it('names only headings that exist, with their text in both locales (every page, a quiz or not)', () => {
    const wrong: string[] = [];
    for (const [section, title] of Object.entries(sectionTitles)) {
      const {doc, anchor} = splitSection(section);
      if (!files[doc] && !otherPages[doc]) {
        wrong.push(`${section}: no such page`);
        continue;
      }
      const ko = chapterHeadings('ko', doc).find((h) => h.id === anchor)?.text;
      const en = chapterHeadings('en', doc).find((h) => h.id === anchor)?.text;
      if (title.ko !== ko) wrong.push(`${section} ko: ${title.ko} ≠ ${ko}`);
      if (title.en !== en) wrong.push(`${section} en: ${title.en} ≠ ${en}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('link text of a section on the server-side page', () => {
  it('names the page by its place between chapters 3 and 4', () => {
    expect(sectionLabel('server#bind', 'ko')).toBe('3½장 · bind(): 포트에 자리 잡기');
    expect(sectionLabel('server#four-tuple', 'en')).toBe('Chapter 3½ · The four values that tell connections apart');
  });
});
