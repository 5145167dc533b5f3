/**
 * The smart-punctuation pass around a run (./smartPunctuation does the finding): the code goes to the runner with a
 * phone keyboard's curly quotes, dashes and ellipsis put back, the result comes back in the reader's own columns, and
 * a syntax error caused by one that is still there (a curly quote that closes nothing, or code run without the pass)
 * names it in the reader's language: "‘ 는 둥근 따옴표입니다: ' 를 쓰세요".
 * Kept apart from the runner (src/runner) on purpose: the runner runs what it is given.
 */
import {translate} from '@docusaurus/Translate';
import type {RunResult} from '../../runner/types';
import {straighten, straySmartPunctuation, typedColumn, type PunctuationChange, type StraySmart} from './smartPunctuation';

export interface PreparedRun {
  /** what goes to the runner */
  code: string;
  /** what was put back, in the reader's lines and columns (empty: the code as typed) */
  changes: PunctuationChange[];
}

export function prepareRun(typed: string): PreparedRun {
  return straighten(typed);
}

/** Why a smart character cannot stand in code, and what to type instead. */
export function strayText(stray: Pick<StraySmart, 'char' | 'kind'>): string {
  const char = stray.char;
  switch (stray.kind) {
    case 'single-quote':
    case 'double-quote':
      return translate(
        {
          id: 'livecode.punctuation.quote',
          message: "{char} 는 둥근 따옴표입니다: 코드에는 곧은 따옴표 {straight} 를 쓰세요 (휴대폰 키보드가 저절로 바꾸기도 합니다)",
          description: 'Syntax error caused by a curly quote in code; {straight} is the straight quote to type',
        },
        {char, straight: stray.kind === 'single-quote' ? "'" : '"'},
      );
    case 'dash':
      return translate(
        {
          id: 'livecode.punctuation.dash',
          message: '{char} 는 대시 기호입니다: 코드에는 -- 또는 - 를 쓰세요 (휴대폰 키보드가 -- 를 저절로 바꾸기도 합니다)',
          description: 'Syntax error caused by a dash character in code',
        },
        {char},
      );
    case 'ellipsis':
      return translate(
        {
          id: 'livecode.punctuation.ellipsis',
          message: '{char} 는 말줄임표 한 글자입니다: 코드에는 점 세 개 ... 를 쓰세요 (휴대폰 키보드가 저절로 바꾸기도 합니다)',
          description: 'Syntax error caused by the one-character ellipsis in code',
        },
        {char},
      );
  }
}

function before(a: {line: number; column: number}, b: {line: number; column: number}): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

/**
 * The runner's result for the reader: positions moved back to the columns the reader sees, and a syntax error at or
 * after a smart character still standing where code is (none of them is valid there) explained as that character.
 */
export function explainResult(result: RunResult, prepared: PreparedRun): RunResult {
  let error = result.error;
  if (error?.line != null && error.column != null && prepared.changes.length > 0) {
    error = {...error, column: typedColumn(prepared.changes, error.line, error.column)};
  }
  if (result.status === 'syntax-error' && error) {
    const stray = straySmartPunctuation(prepared.code)[0];
    const at = stray ? {line: stray.line, column: typedColumn(prepared.changes, stray.line, stray.column)} : null;
    const elsewhere = error.line != null && at !== null && before({line: error.line, column: error.column ?? 1}, at);
    if (stray && at && !elsewhere) error = {...error, message: strayText(stray), ...at};
  }
  return error === result.error ? result : {...result, error};
}

/** "2:5 ‘ → '" for each change, at most `max` of them, and how many more there were. */
export function changeList(changes: readonly PunctuationChange[], max = 6): {items: string[]; more: number} {
  return {
    items: changes.slice(0, max).map((c) => `${c.line}:${c.column} ${c.from} → ${c.to}`),
    more: Math.max(0, changes.length - max),
  };
}
