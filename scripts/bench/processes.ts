/**
 * Bench 5 (issue 18): the process scheduler and the generator rewrite (src/runner/transform.ts).
 * - a classic accept loop serving 100 clients, each a spawned process: run time;
 * - what the rewrite costs on the chapters' runnable blocks: sucrase alone (the compile before processes) against
 *   sucrase + acorn + the rewrite, interleaved in one run, medians of the total over every block.
 */
import {readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {transform} from 'sucrase';
import {runInProcess} from '../../src/runner/run';
import {toGenerators} from '../../src/runner/transform';

export const ACCEPT_LOOP_100 = `
function server(port: number) {
  const l = socket();
  bind(l, '0.0.0.0', port);
  listen(l, 128);
  while (true) {
    const c = accept(l);
    const got = read(c);
    write(c, got.toUpperCase());
    close(c);
  }
}
function client(n: number) {
  const fd = socket();
  connect(fd, resolve('server'), 7);
  write(fd, 'hello ' + n);
  read(fd);
  close(fd);
}
spawn('server', server, 7);
for (let n = 0; n < 100; n++) spawn('c' + n, client, n);
`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function acceptLoop100(rounds = 5): {ms: number; calls: number; status: string} {
  const times: number[] = [];
  let calls = 0;
  let status = '';
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const r = runInProcess({code: ACCEPT_LOOP_100});
    times.push(performance.now() - t0);
    calls = r.calls.length;
    status = r.status;
  }
  return {ms: median(times), calls, status};
}

function chapterBlocks(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.mdx?$/.test(name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/^```ts run[^\n]*\n([\s\S]*?)^```\s*$/gm)) out.push(m[1]);
      }
    }
  };
  for (const d of ['docs', 'i18n/en/docusaurus-plugin-content-docs/current']) walk(path.join(root, d));
  return out;
}

/** ms to compile every chapter block: before (sucrase + Function) and now (sucrase + rewrite + Function). */
export function rewriteCost(root: string, rounds = 15): {blocks: number; beforeMs: number; afterMs: number} {
  const blocks = chapterBlocks(root);
  const strip = (code: string) => transform(code, {transforms: ['typescript'], disableESTransforms: true}).code;
  const before: number[] = [];
  const after: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const variant of i % 2 ? ['after', 'before'] : ['before', 'after']) {
      const t0 = performance.now();
      for (const b of blocks) {
        const js = strip(b);
        const body = variant === 'after' ? (toGenerators(js) as {code: string}).code : js;
        new Function(`return function* () {"use strict";\n${body}\n}`);
      }
      (variant === 'after' ? after : before).push(performance.now() - t0);
    }
  }
  return {blocks: blocks.length, beforeMs: median(before), afterMs: median(after)};
}
