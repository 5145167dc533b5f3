/**
 * The meta string of a fenced code block, as the chapters write it: ```ts run expect=ECONNREFUSED title="…"```.
 * One parser for the CodeBlock swizzle (which blocks become LiveCode) and for the content test (which
 * blocks must run, and how they must end), so the two can never disagree.
 */

export interface RunMeta {
  /** the meta starts with the word `run` */
  run: boolean;
  /** 'ok' | 'blocked' | 'error' | an errno name such as 'ECONNREFUSED'; absent means 'ok' */
  expect?: string;
  title?: string;
}

/** key=value, key="value with spaces", key='value', or a bare word */
const TOKEN = /([A-Za-z_][\w-]*)=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(\S+))|(\S+)/g;

export function parseRunMeta(meta: string | null | undefined): RunMeta {
  const text = (meta ?? '').trim();
  const out: RunMeta = {run: false};
  let first = true;
  for (const m of text.matchAll(TOKEN)) {
    const [, key, dq, sq, bare, word] = m;
    if (first) {
      out.run = word === 'run';
      first = false;
      if (!out.run) return out;
      continue;
    }
    if (key === undefined) continue;
    const value = (dq ?? sq ?? bare ?? '').replace(/\\(.)/g, '$1');
    if (key === 'expect') out.expect = value;
    else if (key === 'title') out.title = value;
  }
  return out;
}

/** How a run must end for a block's `expect`: the status, and the errno when one is named. */
export function expectedOutcome(expect: string | undefined): {status: 'ok' | 'blocked' | 'error'; errno?: string} {
  const e = expect ?? 'ok';
  if (e === 'ok' || e === 'blocked' || e === 'error') return {status: e};
  return {status: 'error', errno: e};
}
