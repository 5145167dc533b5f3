/**
 * Programs that do not parse are explained in the reader's language at the reader's line and column (issue 16):
 * whoever found the error (sucrase while stripping types, or the engine compiling the result), the message names the
 * kind of mistake for a learner, and the parser's or engine's own English text stays beside it in `engine`.
 * Positions are where the mistake is in each program below (the offending text is named, and located in the code).
 */
import {describe, expect, it} from 'vitest';
import {runProgram} from '../../src/runner/program';
import {World} from '../../src/sim';

function run(code: string, locale: 'ko' | 'en') {
  return runProgram({code, locale}, (o) => new World(o));
}

/** 1-based line and column of the `nth` (0-based) occurrence of `text` in `code`. */
function at(code: string, text: string, nth = 0): {line: number; column: number} {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = code.indexOf(text, i + 1);
  if (i < 0) throw new Error(`${text} not in the program`);
  const before = code.slice(0, i);
  return {line: before.split('\n').length, column: i - before.lastIndexOf('\n')};
}

interface Case {
  what: string;
  code: string;
  /** where the mistake is: this text's first character (and which occurrence) */
  where?: [string, number?];
  en: RegExp;
  ko: RegExp;
}

const cases: Case[] = [
  {
    what: 'a missing closing brace',
    code: "if (true) {\n  console.log('x');\n",
    en: /'\{' opened on line 1 is never closed/,
    ko: /1번째 줄에서 연 '\{'가 닫히지 않았습니다/,
  },
  {
    what: 'a closing brace too many',
    code: 'socket();\n}\n',
    where: ['}'],
    en: /'\}' closes nothing/,
    ko: /'\}'가 닫을 괄호가 없습니다/,
  },
  {
    what: 'an unterminated string',
    code: "const fd = socket();\nconsole.log('done);\n",
    where: ["'done"],
    en: /string is never closed: end it with '/,
    ko: /문자열이 닫히지 않았습니다: 같은 줄에서 '/,
  },
  {
    what: 'a string broken over two lines (found by the engine, which does not say where)',
    code: "const a = 1;\nconst s = 'GET /\nHTTP/1.0';\n",
    where: ["'GET"],
    en: /string is never closed/,
    ko: /문자열이 닫히지 않았습니다/,
  },
  {
    what: 'a stray token between two values',
    code: 'const port = 80 81;\n',
    where: ['81'],
    en: /';' was expected here, before '81'/,
    ko: /'81' 앞에 ';'가 있어야 합니다/,
  },
  {
    what: 'a reserved word as a name',
    code: 'const fd = socket();\nconst class = 1;\n',
    where: ['class'],
    en: /'class' is a reserved word/,
    ko: /'class'는 자바스크립트의 예약어/,
  },
  {
    what: 'a strict-mode reserved word as a name (found by the engine)',
    code: 'let x = 1;\nlet package = 2;\n',
    where: ['package'],
    en: /'package' is a reserved word/,
    ko: /'package'는 자바스크립트의 예약어/,
  },
  {
    what: 'a bad regular expression (found by the engine)',
    code: "const ok = /a+/;\nconst bad = /(GET|POST/;\n",
    where: ['/(GET'],
    en: /regular expression \/\(GET\|POST\/ is not valid/,
    ko: /정규 표현식 \/\(GET\|POST\/ 가 올바르지 않습니다/,
  },
  {
    what: 'regular expression flags given twice',
    code: 'const r = /a/gig;\n',
    where: ['/a/'],
    en: /flags 'gig' are not valid/,
    ko: /플래그 'gig'가 올바르지 않습니다/,
  },
  {
    what: 'a curly quote a phone keyboard typed (the same words as the page’s punctuation notice)',
    code: 'const fd = socket();\nconsole.log(‘fd’);\n',
    where: ['‘'],
    en: /‘ is a curly quote: use a straight quote ' in code/,
    ko: /‘ 는 둥근 따옴표입니다: 코드에는 곧은 따옴표 ' 를 쓰세요/,
  },
  {
    what: 'a full-width parenthesis from a Korean input method',
    code: 'const fd = socket（）;\n',
    where: ['（'],
    en: /（ is a full-width character: type \( in code/,
    ko: /（ 는 전각 문자입니다: 코드에는 반각 \( 를 쓰세요/,
  },
  {
    what: 'a name declared twice',
    code: 'let fd = socket();\nlet fd = socket();\n',
    where: ['fd', 1],
    en: /'fd' is declared twice/,
    ko: /'fd'가 같은 블록에서 두 번 선언되었습니다/,
  },
  {
    what: 'a const without a value',
    code: 'const fd;\nfd = socket();\n',
    where: ['fd'],
    en: /const needs its value/,
    ko: /const는 선언하는 자리에서 값을 주어야 합니다/,
  },
  {
    what: 'await outside an async function',
    code: 'const fd = socket();\nawait connect(fd, "93.184.216.34", 80);\n',
    where: ['await'],
    en: /await works only inside an async function/,
    ko: /await는 async 함수 안에서만/,
  },
  {
    what: 'break outside a loop',
    code: 'const fd = socket();\nif (fd > 2) break;\n',
    where: ['break'],
    en: /'break' can only be used inside a loop or a switch/,
    ko: /'break'는 반복문이나 switch 안에서만/,
  },
  {
    what: 'the end of the program in the middle of a statement',
    code: 'const fd = socket();\nconst port =\n',
    en: /ends in the middle of a statement/,
    ko: /문장이 끝나지 않은 채 프로그램이 끝났습니다/,
  },
];

describe('a program that does not parse is explained in the reader\'s language', () => {
  it.each(cases)('$what', ({code, where, en, ko}) => {
    const inEnglish = run(code, 'en');
    const inKorean = run(code, 'ko');

    for (const [result, words] of [
      [inEnglish, en],
      [inKorean, ko],
    ] as const) {
      expect(result.status).toBe('syntax-error');
      expect(result.error?.name).toBe('SyntaxError');
      expect(result.error?.message).toMatch(words);
      // the parser's or engine's own text is kept, apart from the message
      expect(result.error?.engine).toBeTruthy();
      expect(result.error?.message).not.toBe(result.error?.engine);
      if (where) expect(result.error).toMatchObject(at(code, where[0], where[1] ?? 0));
    }
    expect(inKorean.error?.message).toMatch(/[가-힣]/);
    expect(inEnglish.error?.message).not.toMatch(/[가-힣]/);
    // the same place in both languages
    expect([inKorean.error?.line, inKorean.error?.column]).toEqual([inEnglish.error?.line, inEnglish.error?.column]);
  });

  it('an error of a kind not recognised still comes in the reader\'s language, with the engine\'s text beside it', () => {
    const code = 'class A {\n  constructor() {}\n  constructor() {}\n}\n';
    const ko = run(code, 'ko');
    expect(ko.status).toBe('syntax-error');
    expect(ko.error?.message).toMatch(/[가-힣]/);
    expect(ko.error?.engine).toMatch(/constructor/);
  });

  it('a syntax error in the program never reaches the simulator', () => {
    const r = run("const fd = socket();\nconsole.log('x);\n", 'ko');
    expect(r.calls).toEqual([]);
  });
});
