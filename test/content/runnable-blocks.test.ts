/**
 * Every ```ts run``` block of the chapters (both locales) runs on the real simulator and must end the
 * way its meta says: `expect=ok` (default), `expect=blocked`, `expect=error`, or `expect=ERRNO`.
 * A reader who presses Run must see what the text around the block promises.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {filesBelow} from '../files';
import {expectedOutcome, parseRunMeta} from '../../src/runner/meta';
import {runInProcess} from '../../src/runner/run';
import type {RunResult} from '../../src/runner/types';

const ROOT = path.resolve(__dirname, '../..');
const DOC_DIRS = ['docs', 'i18n/en/docusaurus-plugin-content-docs/current'];

interface RunBlock {
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
function findRunBlocks(text: string, file: string): RunBlock[] {
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
function mdxFiles(dir: string): string[] {
  return filesBelow(path.join(ROOT, dir), /\.mdx$/).map((file) => path.relative(ROOT, file));
}

function describeRun(r: RunResult): string {
  const err = r.error
    ? `${r.error.name}${r.error.errno ? ` ${r.error.errno}` : ''}: ${r.error.message}` +
      (r.error.line ? ` (block line ${r.error.line}${r.error.column ? `:${r.error.column}` : ''})` : '')
    : 'no error';
  const out = r.console.slice(-5).map((l) => `    ${l.level}: ${l.text}`).join('\n');
  return `status ${r.status}, ${err}${out ? `\n  last output:\n${out}` : ''}`;
}

describe('findRunBlocks (the extractor itself)', () => {
  it('finds run blocks with their line and meta, skips other blocks and examples inside longer fences', () => {
    const mdx = [
      '# T', //                                   1
      '```ts run expect=EPIPE title="x y"', //     2
      'write(3, "a");', //                         3
      '```', //                                    4
      '```ts', //                                  5
      'not run', //                                6
      '```', //                                    7
      '````md', //                                 8
      '```ts run', //                              9
      'inside an example', //                     10
      '```', //                                   11
      '````', //                                  12
      '~~~ts run', //                             13
      'socket();', //                             14
      '```', //                                   15 (not a closer for ~~~)
      '~~~', //                                   16
    ].join('\n');
    expect(findRunBlocks(mdx, 'f.mdx')).toEqual([
      {file: 'f.mdx', line: 2, meta: 'run expect=EPIPE title="x y"', code: 'write(3, "a");'},
      {file: 'f.mdx', line: 13, meta: 'run', code: 'socket();\n```'},
    ]);
  });
});

const blocks = DOC_DIRS.flatMap(mdxFiles).flatMap((file) => findRunBlocks(readFileSync(path.join(ROOT, file), 'utf8'), file));

describe('runnable blocks in the chapters end as their meta declares', () => {
  it('there are runnable blocks to check', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  for (const block of blocks) {
    const meta = parseRunMeta(block.meta);
    const want = expectedOutcome(meta.expect);
    const name = `${block.file}:${block.line} ${meta.title ?? ''} (expect ${meta.expect ?? 'ok'})`;
    it(name, () => {
      let result: RunResult;
      try {
        result = runInProcess({code: block.code});
      } catch (e) {
        throw new Error(`${block.file}:${block.line}: the runner threw ${(e as Error)?.stack ?? e}`);
      }
      const where = `${block.file}:${block.line}: expected ${meta.expect ?? 'ok'}, got ${describeRun(result)}`;
      expect(result.status, where).toBe(want.status);
      if (want.errno) expect(result.error?.errno, where).toBe(want.errno);
    });
  }
});
