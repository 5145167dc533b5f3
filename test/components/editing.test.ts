import {describe, expect, test} from 'vitest';
import {applyEdit, indent, lineOf, outdent} from '../../src/components/LiveCode/editing';

describe('Tab and Shift+Tab as text edits', () => {
  test('Tab at a caret inserts two spaces and moves the caret after them', () => {
    const text = 'a\nb';
    const edit = indent(text, 2, 2);
    expect(applyEdit(text, edit)).toBe('a\n  b');
    expect([edit.selStart, edit.selEnd]).toEqual([4, 4]);
  });

  test('Tab over a selection inside one line replaces it with two spaces', () => {
    const edit = indent('abcd', 1, 3);
    expect(applyEdit('abcd', edit)).toBe('a  d');
  });

  test('Tab over several lines indents each of them and keeps them selected', () => {
    const text = 'one\ntwo\nthree';
    // selection from inside "one" to inside "two"
    const edit = indent(text, 1, 5);
    expect(applyEdit(text, edit)).toBe('  one\n  two\nthree');
    expect([edit.selStart, edit.selEnd]).toEqual([3, 9]);
  });

  test('a selection ending at the start of a line does not indent that line', () => {
    const text = 'one\ntwo\n';
    const edit = indent(text, 0, 4);
    expect(applyEdit(text, edit)).toBe('  one\ntwo\n');
  });

  test('Shift+Tab removes up to two leading spaces from each touched line', () => {
    const text = '    a\n b\nc';
    const edit = outdent(text, 0, text.length);
    expect(applyEdit(text, edit)).toBe('  a\nb\nc');
  });

  test('Shift+Tab on a line without indentation changes nothing', () => {
    const edit = outdent('abc', 1, 1);
    expect(applyEdit('abc', edit)).toBe('abc');
    expect(edit.selStart).toBe(1);
  });

  test('lineOf counts lines from 1', () => {
    expect(lineOf('a\nb\nc', 0)).toBe(1);
    expect(lineOf('a\nb\nc', 2)).toBe(2);
    expect(lineOf('a\nb\nc', 5)).toBe(3);
  });
});
