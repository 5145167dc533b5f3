/**
 * The ```ts run``` blocks of the chapters (both locales), for tests that run every one of them
 * (runnable-blocks.test.ts, and the exports: test/export).
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {filesBelow} from '../files';
import {parseRunMeta} from '../../src/runner/meta';

const ROOT = path.resolve(__dirname, '../..');
export const DOC_DIRS = ['docs', 'i18n/en/docusaurus-plugin-content-docs/current'];

export interface RunBlock {
  file: string;
  /** 1-based line of the opening fence */
  line: number;
  meta: string;
  code: string;
}

/**
 * Fenced blocks whose meta starts with `run`. Fences follow CommonMark: ``` or ~~~ (3 or more), closed by
 * the same character at least as long; a block inside a longer fence (an authoring example) is text.
 */
export function findRunBlocks(text: string, file: string): RunBlock[] {
  const out: RunBlock[] = [];
  const lines = text.split(/\r?\n/);
  let open: {fence: string; line: number; meta: string; body: string[]} | null = null;
  lines.forEach((lineText, i) => {
    if (open) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lineText);
      if (close && close[1][0] === open.fence[0] && close[1].length >= open.fence.length) {
        const info = open.meta;
        if (parseRunMeta(info).run) out.push({file, line: open.line, meta: info, code: open.body.join('\n')});
        open = null;
      } else {
        open.body.push(lineText);
      }
      return;
    }
    const start = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/.exec(lineText);
    if (start) open = {fence: start[1], line: i + 1, meta: start[3].trim(), body: []};
  });
  return out;
}

/** The .mdx files below `dir` (relative to the repository), as paths relative to it. */
export function mdxFiles(dir: string): string[] {
  return filesBelow(path.join(ROOT, dir), /\.mdx$/).map((file) => path.relative(ROOT, file));
}

/** Every run block of both locales' chapters. */
export function chapterRunBlocks(): RunBlock[] {
  return DOC_DIRS.flatMap(mdxFiles).flatMap((file) => findRunBlocks(readFileSync(path.join(ROOT, file), 'utf8'), file));
}
