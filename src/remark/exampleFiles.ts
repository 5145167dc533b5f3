/**
 * Remark plugin: a code block whose meta says `file=examples/…` shows that file of the project, so the program a
 * chapter prints and the program CI compiles and runs against the kernel (test/examples) are the same bytes and
 * cannot drift. The block itself must be empty.
 *
 * The files carry their comments in both languages, one comment line per language, marked after the comment sign:
 *   # ko: 소켓 만들기            // ko: 소켓 만들기
 *   # en: create a socket        // en: create a socket
 * A page keeps the lines of its own locale (English pages are the ones under i18n/en/) without the marker, and
 * drops the others. A line that ends in a comment may carry both: `usleep(1); // ko: 잠깐 / en: a moment`.
 *
 * The build reads the file when it compiles the chapter: after editing an example, `npx docusaurus clear` makes a
 * local build see it (webpack's cache does not know the chapter depends on it).
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Code, Parent, Root} from 'mdast';
import {SITE_ROOT} from './mermaidBlocks';

export type ExampleLocale = 'ko' | 'en';

const FILE_META = /(?:^|\s)file=(\S+)/;
/** a whole-line comment marked with a language: indentation, the comment sign, the language, the text */
const MARKED_LINE = /^(\s*)(#|\/\/) (ko|en): (.*)$/;
/** a trailing comment with both languages: code, sign, the Korean, the English */
const TRAILING_PAIR = /^(.*?\S)(\s+)(#|\/\/) ko: (.*?) \/ en: (.*)$/;

/** The file's text for one locale: marked comment lines of the other language dropped, markers removed. */
export function localizeComments(source: string, locale: ExampleLocale): string {
  const out: string[] = [];
  for (const line of source.split('\n')) {
    const marked = MARKED_LINE.exec(line);
    if (marked) {
      const [, indent, sign, lang, text] = marked;
      if (lang === locale) out.push(`${indent}${sign} ${text}`);
      continue;
    }
    const pair = TRAILING_PAIR.exec(line);
    if (pair) {
      const [, code, space, sign, ko, en] = pair;
      out.push(`${code}${space}${sign} ${locale === 'ko' ? ko : en}`);
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}

/** English for the files of the English locale, Korean (the default locale) for everything else. */
export function localeOfPage(filePath: string | undefined): ExampleLocale {
  const p = (filePath ?? '').split(path.sep).join('/');
  return /(^|\/)i18n\/en\//.test(p) ? 'en' : 'ko';
}

function walk(node: Root | Parent, visit: (code: Code) => void): void {
  for (const child of node.children) {
    if (child.type === 'code') visit(child);
    else if ('children' in child) walk(child as Parent, visit);
  }
}

export interface ExampleFilesOptions {
  /** the folder `file=` paths are relative to (default: the site's root) */
  root?: string;
}

export default function exampleFiles(options: ExampleFilesOptions = {}) {
  const root = options.root ?? SITE_ROOT;
  return (tree: Root, file: {path?: string}): void => {
    const locale = localeOfPage(file.path);
    walk(tree, (code) => {
      const m = FILE_META.exec(code.meta ?? '');
      if (!m) return;
      const where = `${file.path ?? 'a page'}: the block showing ${m[1]}`;
      if (code.value.trim() !== '') throw new Error(`${where} must be empty: its text comes from the file`);
      const full = path.resolve(root, m[1]);
      if (!full.startsWith(path.resolve(root, 'examples') + path.sep) || !existsSync(full)) {
        throw new Error(`${where}: no such file under examples/`);
      }
      code.value = localizeComments(readFileSync(full, 'utf8'), locale).replace(/\n+$/, '');
      code.meta = (code.meta ?? '').replace(FILE_META, '').trim() || null;
    });
  };
}
