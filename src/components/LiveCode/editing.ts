/**
 * Editor keystrokes as pure text edits, so they can be tested without a browser: Tab indents,
 * Shift+Tab outdents, both by two spaces.
 */

export const INDENT = '  ';

/** Replace text[from, to) by `insert`, then select [selStart, selEnd). */
export interface TextEdit {
  from: number;
  to: number;
  insert: string;
  selStart: number;
  selEnd: number;
}

export function applyEdit(text: string, e: TextEdit): string {
  return text.slice(0, e.from) + e.insert + text.slice(e.to);
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

/** The range of whole lines the selection touches (a selection ending at a line's start leaves that line out). */
function touchedLines(text: string, start: number, end: number): {from: number; to: number} {
  const from = lineStart(text, start);
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const nl = text.indexOf('\n', last);
  return {from, to: nl === -1 ? text.length : nl};
}

/** Tab: two spaces at the caret (replacing a selection within one line), or indent every selected line. */
export function indent(text: string, start: number, end: number): TextEdit {
  const multiLine = text.slice(start, end).includes('\n');
  if (!multiLine) {
    return {from: start, to: end, insert: INDENT, selStart: start + INDENT.length, selEnd: start + INDENT.length};
  }
  const {from, to} = touchedLines(text, start, end);
  const lines = text.slice(from, to).split('\n');
  const insert = lines.map((l) => INDENT + l).join('\n');
  return {from, to, insert, selStart: start + INDENT.length, selEnd: end + INDENT.length * lines.length};
}

/** Shift+Tab: remove up to two leading spaces from every line the selection touches. */
export function outdent(text: string, start: number, end: number): TextEdit {
  const {from, to} = touchedLines(text, start, end);
  const lines = text.slice(from, to).split('\n');
  const removed: number[] = lines.map((l) => (l.startsWith(INDENT) ? 2 : l.startsWith(" ") ? 1 : 0));
  const insert = lines.map((l, i) => l.slice(removed[i])).join('\n');
  // The caret moves left by what its own line lost, but never before that line's start.
  const firstLost = removed[0];
  const selStart = Math.max(from, start - firstLost);
  const totalLost = removed.reduce((a, b) => a + b, 0);
  const selEnd = Math.max(selStart, end - totalLost);
  return {from, to, insert, selStart, selEnd};
}

/** 1-based line of a character offset. */
export function lineOf(text: string, pos: number): number {
  let n = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
