/**
 * Every ```ts run``` block of the chapters (both locales) runs on the real simulator and must end the
 * way its meta says: `expect=ok` (default), `expect=blocked`, `expect=error`, or `expect=ERRNO`.
 * A reader who presses Run must see what the text around the block promises.
 */
import {describe, expect, it} from 'vitest';
import {chapterRunBlocks, findRunBlocks} from './runBlocks';
import {expectedOutcome, parseRunMeta} from '../../src/runner/meta';
import {runInProcess} from '../../src/runner/run';
import type {RunResult} from '../../src/runner/types';

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

const blocks = chapterRunBlocks();

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
