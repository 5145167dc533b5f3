// @vitest-environment jsdom
/**
 * Issue #23 in jsdom: the editor's keys stand still while an input method composes; a phone keyboard's punctuation
 * is put back before a run and the reader is told, or named in the syntax error; an edited block says so, with when.
 * The runner is replaced (these tests are about the block, not the simulator); Chromium checks the same on the
 * built site (e2e/livecode-phone.test.ts).
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen} from '@testing-library/react';
import type {RunRequest, RunResult} from '../../src/runner/types';
import LiveCode from '../../src/components/LiveCode';
import {loadEdit, storageKey} from '../../src/components/LiveCode/storage';
import {formatEditTime} from '../../src/components/LiveCode/EditedMark';

const runner = vi.hoisted(() => ({next: null as RunResult | null, requests: [] as RunRequest[]}));
vi.mock('../../src/components/LiveCode/runnerFactory', () => ({
  getRunner: async () => ({
    run: async (req: RunRequest) => {
      runner.requests.push(req);
      return runner.next!;
    },
    dispose: () => {},
  }),
}));

const OK: RunResult = {status: 'ok', console: [], truncated: false, trace: [], calls: [], endTime: 0};
const CODE = 'const fd = socket();\nconsole.log(fd);';
const key = () => storageKey(window.location.pathname, CODE);

beforeEach(() => {
  localStorage.clear();
  runner.next = OK;
  runner.requests = [];
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function editor(): Promise<HTMLTextAreaElement> {
  return (await screen.findByRole('textbox', {name: '코드 편집기'}, {timeout: 15_000})) as HTMLTextAreaElement;
}

async function runIt() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', {name: '실행'}));
  });
}

describe('keys during input-method composition', () => {
  test.each([
    ['isComposing set', {isComposing: true}],
    ['keyCode 229', {keyCode: 229}],
    ["key 'Process'", {key: 'Process'}],
  ])('Tab with %s neither indents nor is claimed', async (_name, init) => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    ta.setSelectionRange(0, 0);
    const notPrevented = fireEvent.keyDown(ta, {key: 'Tab', ...init});
    expect(notPrevented).toBe(true);
    expect(ta.value).toBe(CODE);
  });

  test('between compositionstart and compositionend, a Tab that carries no flag is the input method\'s', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    ta.setSelectionRange(0, 0);
    fireEvent.compositionStart(ta, {data: ''});
    expect(fireEvent.keyDown(ta, {key: 'Tab'})).toBe(true);
    expect(fireEvent.keyDown(ta, {key: 'Tab', shiftKey: true})).toBe(true);
    expect(ta.value).toBe(CODE);
    fireEvent.compositionEnd(ta, {data: '안'});
    // after the syllable is done, Tab indents again
    expect(fireEvent.keyDown(ta, {key: 'Tab'})).toBe(false);
    expect(ta.value).toBe('  ' + CODE);
  });

  test('Ctrl+Enter while composing does not run; after compositionend it does', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    fireEvent.compositionStart(ta, {data: ''});
    await act(async () => {
      fireEvent.keyDown(ta, {key: 'Enter', ctrlKey: true, isComposing: true, keyCode: 229});
    });
    expect(runner.requests).toHaveLength(0);
    fireEvent.compositionEnd(ta, {data: '안'});
    await act(async () => {
      fireEvent.keyDown(ta, {key: 'Enter', ctrlKey: true});
    });
    expect(runner.requests).toHaveLength(1);
  });

  test('Esc that cancels a composition does not arm "Esc then Tab leaves"', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    ta.setSelectionRange(0, 0);
    fireEvent.compositionStart(ta, {data: ''});
    fireEvent.keyDown(ta, {key: 'Escape', isComposing: true, keyCode: 229});
    fireEvent.compositionEnd(ta, {data: ''});
    // the next Tab still indents (it would leave the editor had the Esc counted)
    expect(fireEvent.keyDown(ta, {key: 'Tab'})).toBe(false);
  });

  test('a blur without compositionend does not leave the keys switched off', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    fireEvent.compositionStart(ta, {data: ''});
    fireEvent.blur(ta);
    ta.setSelectionRange(0, 0);
    expect(fireEvent.keyDown(ta, {key: 'Tab'})).toBe(false);
  });
});

describe("a phone keyboard's punctuation", () => {
  test('curly quotes in code are put back for the run, the editor keeps what was typed, and the notice says where', async () => {
    const typed = 'console.log(‘hi’, “there”);';
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    fireEvent.change(ta, {target: {value: typed}});
    await runIt();
    expect(runner.requests.map((r) => r.code)).toEqual([`console.log('hi', "there");`]);
    expect(ta.value).toBe(typed);
    const notice = document.querySelector('[data-punctuation-notice]')!.textContent!;
    expect(notice).toContain("1:13 ‘ → '");
    expect(notice).toContain('1:16 ’ → \'');
    expect(notice).toContain('1:19 “ → "');
    expect(notice).toContain('휴대폰 키보드');
  });

  test('typographic quotes inside a string are sent as they are, with no notice', async () => {
    const typed = "console.log('“hi”');";
    render(<LiveCode code={CODE} />);
    fireEvent.change(await editor(), {target: {value: typed}});
    await runIt();
    expect(runner.requests[0].code).toBe(typed);
    expect(document.querySelector('[data-punctuation-notice]')!.textContent).toBe('');
  });

  test('a syntax error at a curly quote left in code names it, at its own line and column', async () => {
    // a lone ‘ closes nothing, so it is not converted; the engine says only "Invalid or unexpected token"
    const typed = 'const fd = socket();\nconsole.log(‘hi);';
    runner.next = {...OK, status: 'syntax-error', error: {name: 'SyntaxError', message: 'Invalid or unexpected token'}};
    const {container} = render(<LiveCode code={CODE} />);
    fireEvent.change(await editor(), {target: {value: typed}});
    await runIt();
    const status = container.querySelector('[data-status]')!.textContent!;
    expect(status).toContain("‘ 는 둥근 따옴표입니다: 코드에는 곧은 따옴표 ' 를 쓰세요");
    expect(status).toContain('(2:13)');
    expect(container.querySelector('[data-line="2"]')!.getAttribute('data-marks')).toContain('error');
  });

  test('a syntax error before the smart character is the runner\'s own, in the reader\'s columns', async () => {
    const typed = 'let i = 0; i—; x = = 1;';
    runner.next = {...OK, status: 'syntax-error', error: {name: 'SyntaxError', message: 'Unexpected token', line: 1, column: 21}};
    const {container} = render(<LiveCode code={CODE} />);
    fireEvent.change(await editor(), {target: {value: typed}});
    await runIt();
    expect(runner.requests[0].code).toBe('let i = 0; i--; x = = 1;');
    const status = container.querySelector('[data-status]')!.textContent!;
    // column 21 of the converted code is the second `=`, at column 20 of what the reader typed
    expect(status).toContain('Unexpected token');
    expect(status).toContain('(1:20)');
  });
});

describe('an edited block says so', () => {
  test('after a reload the saved code comes back under the mark, with the time in the page\'s locale', async () => {
    const savedAt = new Date(2026, 11, 5, 14, 3).getTime();
    localStorage.setItem(key(), JSON.stringify({code: 'connect(3, "x", 81);', savedAt}));
    render(<LiveCode code={CODE} title=":80에 접속" />);
    expect((await editor()).value).toBe('connect(3, "x", 81);');
    const mark = document.querySelector('[data-edited]')!;
    expect(mark.textContent).toBe(`수정됨 · ${formatEditTime(savedAt, 'ko')}`);
    expect(mark.querySelector('time')!.getAttribute('dateTime')).toBe(new Date(savedAt).toISOString());
  });

  test('an edit saved before times were kept still loads, marked without a time', async () => {
    localStorage.setItem(key(), JSON.stringify({code: 'close(3);'}));
    render(<LiveCode code={CODE} />);
    expect((await editor()).value).toBe('close(3);');
    expect(document.querySelector('[data-edited]')!.textContent).toBe('수정됨');
  });

  test('typing marks the block and stores the time; Reset removes the mark and the entry', async () => {
    vi.useFakeTimers({toFake: ['Date']});
    vi.setSystemTime(new Date(2026, 0, 2, 9, 5));
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    expect(document.querySelector('[data-edited]')).toBeNull();
    fireEvent.change(ta, {target: {value: CODE + ' // mine'}});
    expect(loadEdit(key())).toEqual({code: CODE + ' // mine', notice: null, savedAt: new Date(2026, 0, 2, 9, 5).getTime()});
    expect(document.querySelector('[data-edited]')!.textContent).toBe('수정됨 · 1월 2일 09:05');
    fireEvent.click(screen.getByRole('button', {name: '초기화'}));
    expect(document.querySelector('[data-edited]')).toBeNull();
    expect(localStorage.getItem(key())).toBeNull();
  });

  test('typing the author\'s code back is not an edit', async () => {
    localStorage.setItem(key(), JSON.stringify({code: 'close(3);', savedAt: 1}));
    render(<LiveCode code={CODE} />);
    fireEvent.change(await editor(), {target: {value: CODE}});
    expect(document.querySelector('[data-edited]')).toBeNull();
    expect(localStorage.getItem(key())).toBeNull();
  });

  test.each([['"soon"'], ['null'], ['1e999']])('a saved time that is not a number (%s) is dropped, the code kept', async (t) => {
    localStorage.setItem(key(), `{"code": "close(3);", "savedAt": ${t}}`);
    render(<LiveCode code={CODE} />);
    expect((await editor()).value).toBe('close(3);');
    expect(document.querySelector('[data-edited]')!.textContent).toBe('수정됨');
  });
});

describe('formatEditTime', () => {
  const at = new Date(2026, 11, 5, 14, 3).getTime();
  const sameYear = new Date(2026, 11, 31).getTime();
  test('month, day and 24-hour time in each locale', () => {
    expect(formatEditTime(at, 'ko', sameYear)).toBe('12월 5일 14:03');
    expect(formatEditTime(at, 'en', sameYear)).toBe('Dec 5, 14:03');
  });
  test('the year too when the edit is from another year', () => {
    const nextYear = new Date(2027, 0, 1).getTime();
    expect(formatEditTime(at, 'ko', nextYear)).toMatch(/^2026년 12월 5일 14:03$/);
    expect(formatEditTime(at, 'en', nextYear)).toMatch(/^Dec 5, 2026,? 14:03$/);
  });
});
