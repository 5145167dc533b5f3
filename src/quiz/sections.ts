/**
 * Where a question's `section` (`<doc id>#<heading id>`) points: the chapter page URL and a link text made of the
 * chapter number and the heading as the chapter writes it (test/quiz/sections.test.ts keeps the titles in step with
 * the chapter files).
 */
import type {ChapterId, Locale, Localized} from './types';
import {sectionTitles} from './sectionTitles';

/** The numbered chapters (the server side, between 3 and 4, is an interlude below). */
export const chapterNumbers: Partial<Record<ChapterId, number>> = {
  overview: 1,
  socket: 2,
  connect: 3,
  'read-write': 4,
  close: 5,
  http: 6,
};

/** Pages between the numbered chapters: the server side sits between chapters 3 and 4. */
export const interludeLabels: Record<string, Localized> = {
  server: {ko: '3½장', en: 'Chapter 3½'},
};

export function splitSection(section: string): {doc: string; anchor: string} {
  const hash = section.indexOf('#');
  return hash === -1 ? {doc: section, anchor: ''} : {doc: section.slice(0, hash), anchor: section.slice(hash + 1)};
}

/** The site path of the section (Docusaurus's <Link> adds the locale's base URL). */
export function sectionHref(section: string): string {
  const {doc, anchor} = splitSection(section);
  return `/docs/${doc}${anchor ? `#${anchor}` : ''}`;
}

export function chapterLabel(doc: string, locale: Locale): string {
  const interlude = interludeLabels[doc];
  if (interlude) return interlude[locale];
  const n = chapterNumbers[doc as ChapterId];
  if (n === undefined) return doc;
  return locale === 'en' ? `Chapter ${n}` : `${n}장`;
}

/** "3장 · 디스크립터와 포트를 따로 두는 이유" */
export function sectionLabel(section: string, locale: Locale): string {
  const {doc, anchor} = splitSection(section);
  const title = sectionTitles[section]?.[locale] ?? anchor;
  return `${chapterLabel(doc, locale)} · ${title}`;
}
