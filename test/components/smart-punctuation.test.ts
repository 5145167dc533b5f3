/**
 * Issue #23: a phone keyboard's smart punctuation in code is put back to what the reader meant, and nothing the reader
 * meant as text (strings, template text, regular expressions, comments) is touched. Each case is a program as a phone
 * would deliver it next to the program the reader meant to type; the meant program is also run, to show it is valid.
 */
import {describe, expect, it} from 'vitest';
import {straighten, straySmartPunctuation, typedColumn} from '../../src/components/LiveCode/smartPunctuation';

/** Runs a program with `log` collecting its arguments: the oracle for "the program does what the reader meant". */
function output(code: string): unknown[] {
  const lines: unknown[] = [];
  new Function('log', code)((...a: unknown[]) => lines.push(a.length === 1 ? a[0] : a));
  return lines;
}

function expectParses(code: string) {
  expect(() => new Function('log', code)).not.toThrow();
}

describe('straighten: curly quotes used as string delimiters', () => {
  const cases: Array<[string, string]> = [
    ['log(‘hi’);', "log('hi');"],
    ['log(“hi”);', 'log("hi");'],
    // iOS after a letter or bracket can give ’ as the opener
    ['log(’hi’);', "log('hi');"],
    ['const s = „low“;', 'const s = "low";'],
    // an apostrophe between letters stays inside the string
    ['log(‘it’s’);', "log('it’s');"],
    ['log(‘’);', "log('');"],
    // a straight quote closed by a curly one (only the closer was changed)
    ["log('hi’);", "log('hi');"],
    ['log("hi”);', 'log("hi");'],
    ['log(“hi");', 'log("hi");'],
    // the reader's typing meets the author's straight quotes: the first quote of the kind closes
    ["log(‘a' + 'b’);", "log('a' + 'b');"],
    ["log(“it's”);", 'log("it\'s");'],
    // several on a line and across lines; the reader's escapes are kept
    ['const a = ‘x’, b = “y\\”z”;\nlog(a + b);', 'const a = \'x\', b = "y\\”z";\nlog(a + b);'],
    // inside ${…} of a template literal is code again
    ['log(`n=${[‘a’, “b”].join(‘,’)}`);', 'log(`n=${[\'a\', "b"].join(\',\')}`);'],
    ['log(`${`${‘deep’}`}`);', "log(`${`${'deep'}`}`);"],
    // a string literal type in TypeScript position is still a string
    ["let m: ‘a’ | ‘b’ = 'a';", "let m: 'a' | 'b' = 'a';"],
  ];
  it.each(cases)('%s → %s', (phone, meant) => {
    const result = straighten(phone);
    expect(result.code).toBe(meant);
    expect(result.changes.length).toBeGreaterThan(0);
  });

  it('the straightened program prints what the straight one prints', () => {
    const phone = "log(‘a’, “b”, ‘it’s’, “it's”, '“c”');";
    expect(output(straighten(phone).code)).toEqual([['a', 'b', 'it’s', "it's", '“c”']]);
  });
});

describe('straighten: typographic characters the reader meant are kept', () => {
  const kept = [
    "log('“hi”');",
    'log("‘hi’ — fine…");',
    'log(`“template” ‘text’ — …`);',
    '// it’s a comment with “quotes” — and dashes…\nlog(1);',
    '/* “block” ‘comment’ – … */ log(2);',
    'const re = /[“”‘’—…]/g;\nlog(re.test("“"));',
    'const x = 4 / 2; const y = /’/.source;\nlog(x, y);',
    "log('a\\'’b');",
  ];
  it.each(kept)('%s', (code) => {
    expect(straighten(code)).toEqual({code, changes: []});
    expectParses(code);
  });

  it('console.log with typographic quotes inside a straight string prints them', () => {
    const code = "log('“hi”');";
    expect(output(straighten(code).code)).toEqual(['“hi”']);
  });

  it('a / after an operand is division, so what follows is code again', () => {
    expect(straighten('const half = 10 / 2; log(‘h’ + half);').code).toBe("const half = 10 / 2; log('h' + half);");
  });

  it('a / after return starts a regular expression whose quotes are kept', () => {
    const code = 'function f() { return /“/.test(‘“’); }\nlog(f());';
    expect(straighten(code).code).toBe("function f() { return /“/.test('“'); }\nlog(f());");
  });
});

describe('straighten: dashes and the ellipsis', () => {
  const cases: Array<[string, string]> = [
    ['let i = 3; i—;', 'let i = 3; i--;'],
    ['let i = 3; —i;', 'let i = 3; --i;'],
    ['let i = 3; while (i—) log(i);', 'let i = 3; while (i--) log(i);'],
    ['const d = 5 – 2;', 'const d = 5 - 2;'],
    ['const d = 5 — 2;', 'const d = 5 - 2;'],
    ['const n = −1;', 'const n = -1;'],
    ['const a = [1, 2]; const b = (a.length)–1;', 'const a = [1, 2]; const b = (a.length)-1;'],
    ['function f(…args) { return args.length; }\nlog(f(…[1, 2]));', 'function f(...args) { return args.length; }\nlog(f(...[1, 2]));'],
    ['for (let i = 2; i > 0; i—) log(i);', 'for (let i = 2; i > 0; i--) log(i);'],
  ];
  it.each(cases)('%s → %s', (phone, meant) => {
    expect(straighten(phone).code).toBe(meant);
    expectParses(meant);
  });

  it('the counting loop runs as meant', () => {
    expect(output(straighten('for (let i = 3; i > 0; i—) log(i – 1);').code)).toEqual([2, 1, 0]);
  });
});

describe('straighten: what it reports', () => {
  it('names each smart character with its line and column, and what it became', () => {
    const {changes} = straighten('const fd = socket();\nlog(‘fd’, fd);\ni—;');
    expect(changes.map(({line, column, from, to, kind}) => ({line, column, from, to, kind}))).toEqual([
      {line: 2, column: 5, from: '‘', to: "'", kind: 'single-quote'},
      {line: 2, column: 8, from: '’', to: "'", kind: 'single-quote'},
      {line: 3, column: 2, from: '—', to: '--', kind: 'dash'},
    ]);
  });

  it('keeps every line where it was', () => {
    const phone = 'log(“a”);\n// “c”\nlet i = 0; i—;\nlog(`${…[‘x’]}`);\n';
    expect(straighten(phone).code.split('\n').length).toBe(phone.split('\n').length);
  });

  it('a lone curly quote that closes nothing is left, for the syntax error to name', () => {
    const phone = 'log(‘hi);';
    expect(straighten(phone)).toEqual({code: phone, changes: []});
    expect(straySmartPunctuation(phone)).toMatchObject([{line: 1, column: 5, char: '‘', kind: 'single-quote'}]);
  });
});

describe('straySmartPunctuation', () => {
  it('finds every smart character in code position, in order, and none inside strings or comments', () => {
    const code = "log('“kept”'); // “kept”\nlog(“x”);\ni—;";
    expect(straySmartPunctuation(code).map((s) => [s.line, s.column, s.char])).toEqual([
      [2, 5, '“'],
      [2, 7, '”'],
      [3, 2, '—'],
    ]);
  });

  it('finds nothing in code typed with straight punctuation', () => {
    expect(straySmartPunctuation("const s = 'a' + \"b\";\nlet i = 1; i--;\nlog(...[s]);")).toEqual([]);
  });
});

describe('typedColumn', () => {
  it('maps a column of the converted code back to the column the reader sees', () => {
    const phone = 'i—; j—; oops(';
    const {code, changes} = straighten(phone);
    expect(code).toBe('i--; j--; oops(');
    const converted = code.indexOf('oops') + 1;
    expect(typedColumn(changes, 1, converted)).toBe(phone.indexOf('oops') + 1);
    // inside a replacement: the smart character itself
    expect(typedColumn(changes, 1, code.indexOf('--') + 2)).toBe(phone.indexOf('—') + 1);
    // before any change, and on other lines, nothing moves
    expect(typedColumn(changes, 1, 1)).toBe(1);
    expect(typedColumn(changes, 2, 7)).toBe(7);
  });
});
