// @vitest-environment jsdom
/**
 * The runnable block in jsdom: the swizzle, the editor keys, Reset and saved edits, and the wiring of
 * a run's result (hand-written, see fixtures/httpTrace.ts) to status, marks, Step/Back and the diagram.
 * The runner is replaced: these tests are about the UI, not the simulator.
 */
import {afterEach, beforeEach, describe, expect, test, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import type {RunError, RunRequest, RunResult} from '../../src/runner/types';
import CodeBlock from '../../src/theme/CodeBlock';
import LiveCode from '../../src/components/LiveCode';
import {storageKey} from '../../src/components/LiveCode/storage';
import {HTTP_PROGRAM, HTTP_RESULT} from './fixtures/httpTrace';

const runner = vi.hoisted(() => ({
  next: null as RunResult | null,
  requests: [] as RunRequest[],
}));
vi.mock('../../src/components/LiveCode/runnerFactory', () => ({
  getRunner: async () => ({
    run: async (req: RunRequest) => {
      runner.requests.push(req);
      return runner.next!;
    },
    dispose: () => {},
  }),
}));

beforeEach(() => {
  localStorage.clear();
  runner.next = HTTP_RESULT;
  runner.requests = [];
});
afterEach(cleanup);

const CODE = 'const fd = socket();\nconsole.log(fd);\n';

/** A run that ended with `error` before printing or sending anything. */
function ended(status: RunResult['status'], error: RunError): RunResult {
  return {status, error, console: [], truncated: false, trace: [], calls: [], endTime: 0};
}
const ORIGINAL = CODE.replace(/\n$/, '');

async function editor(): Promise<HTMLTextAreaElement> {
  // the first lazy import is transformed on demand: give it time
  return (await screen.findByRole('textbox', {name: '코드 편집기'}, {timeout: 15_000})) as HTMLTextAreaElement;
}

function gutterLine(container: HTMLElement, n: number): Element {
  return container.querySelector(`[data-line="${n}"]`)!;
}

describe('the CodeBlock swizzle', () => {
  test('a block whose meta starts with run becomes a runnable block', async () => {
    render(
      <CodeBlock className="language-ts" metastring='run title="첫 소켓"'>
        {CODE}
      </CodeBlock>,
    );
    expect(screen.getByRole('button', {name: '실행'})).toBeTruthy();
    expect(screen.getByText('첫 소켓')).toBeTruthy();
    expect(screen.queryByTestId('original-codeblock')).toBeNull();
    expect((await editor()).value).toBe(ORIGINAL);
  });

  test.each([undefined, 'title="run"', 'runner', 'showLineNumbers run'])(
    'meta %s stays an ordinary block, passed through unchanged',
    (meta) => {
      render(
        <CodeBlock className="language-ts" metastring={meta}>
          {CODE}
        </CodeBlock>,
      );
      const original = screen.getByTestId('original-codeblock');
      expect(original.textContent).toBe(CODE);
      expect(original.getAttribute('data-meta')).toBe(meta ?? '');
      expect(screen.queryByRole('button', {name: '실행'})).toBeNull();
    },
  );
});

describe('editor keys', () => {
  test('Tab inserts two spaces at the caret and is not passed on', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    ta.setSelectionRange(0, 0);
    const notPrevented = fireEvent.keyDown(ta, {key: 'Tab'});
    expect(notPrevented).toBe(false);
    expect(ta.value).toBe(`  ${ORIGINAL}`);
    expect(ta.selectionStart).toBe(2);
  });

  test('Tab over two lines indents both; Shift+Tab takes it back', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    ta.setSelectionRange(0, ORIGINAL.length);
    fireEvent.keyDown(ta, {key: 'Tab'});
    expect(ta.value).toBe('  const fd = socket();\n  console.log(fd);');
    ta.setSelectionRange(0, ta.value.length);
    fireEvent.keyDown(ta, {key: 'Tab', shiftKey: true});
    expect(ta.value).toBe(ORIGINAL);
  });

  test('after Esc, Tab is left to the browser (focus moves on) and the code is unchanged', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    ta.setSelectionRange(0, 0);
    fireEvent.keyDown(ta, {key: 'Escape'});
    const notPrevented = fireEvent.keyDown(ta, {key: 'Tab'});
    expect(notPrevented).toBe(true);
    expect(ta.value).toBe(ORIGINAL);
    // only the next Tab: the one after is captured again
    expect(fireEvent.keyDown(ta, {key: 'Tab'})).toBe(false);
  });

  test('Ctrl+Enter runs the code in the editor', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    await act(async () => {
      fireEvent.keyDown(ta, {key: 'Enter', ctrlKey: true});
    });
    expect(runner.requests.map((r) => r.code)).toEqual([ORIGINAL]);
  });
});

describe('saved edits and Reset', () => {
  const key = () => storageKey(window.location.pathname, ORIGINAL);

  test('an edit is saved under the page and block key and comes back on the next visit', async () => {
    const first = render(<LiveCode code={CODE} />);
    fireEvent.change(await editor(), {target: {value: 'const fd = socket(); // mine'}});
    expect(JSON.parse(localStorage.getItem(key())!)).toMatchObject({code: 'const fd = socket(); // mine'});
    expect(key()).toMatch(/^socketlab:v1:code:\/:[0-9a-f]{8}$/);
    first.unmount();
    render(<LiveCode code={CODE} />);
    expect((await editor()).value).toBe('const fd = socket(); // mine');
  });

  test('Reset restores the author code and forgets the saved edit', async () => {
    render(<LiveCode code={CODE} />);
    const ta = await editor();
    fireEvent.change(ta, {target: {value: 'while (true) {}'}});
    expect(localStorage.getItem(key())).not.toBeNull();
    fireEvent.click(screen.getByRole('button', {name: '초기화'}));
    expect(ta.value).toBe(ORIGINAL);
    expect(localStorage.getItem(key())).toBeNull();
  });

  test.each(['{not json', '{"code": 5}', 'null', '"just a string"'])(
    'a corrupted entry (%s) is ignored: the author code is shown',
    async (raw) => {
      localStorage.setItem(key(), raw);
      render(<LiveCode code={CODE} />);
      expect((await editor()).value).toBe(ORIGINAL);
    },
  );

  test('another block on the same page keeps its own edit', async () => {
    localStorage.setItem(key(), JSON.stringify({code: 'edited first block'}));
    render(<LiveCode code={'close(3);\n'} />);
    expect((await editor()).value).toBe('close(3);');
  });
});

describe('running, status and marks', () => {
  async function runBlock(code = HTTP_PROGRAM) {
    const view = render(<LiveCode code={code} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '실행'}));
    });
    return view;
  }

  test('a run shows the output, the status in a polite live region and the descriptor tables', async () => {
    const {container} = await runBlock();
    expect(screen.getByRole('region', {name: '출력'}).textContent).toContain('HTTP/1.0 200 OK');
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain('실행 완료');
    expect(screen.getByRole('table', {name: /client의 디스크립터 표/})).toBeTruthy();
  });

  test('an errno ends the run: the message, its line, and that line marked in the editor', async () => {
    runner.next = {
      ...HTTP_RESULT,
      status: 'error',
      error: {name: 'SocketError', errno: 'ECONNREFUSED', message: 'ECONNREFUSED: Connection refused', line: 2, column: 1},
    };
    const {container} = await runBlock();
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toContain('ECONNREFUSED: Connection refused');
    expect(live.textContent).toContain('2번째 줄');
    expect(gutterLine(container, 2).getAttribute('data-marks') ?? '').toContain('error');
    expect(gutterLine(container, 1).getAttribute('data-marks') ?? '').not.toContain('error');
    const ta = await editor();
    expect(ta.getAttribute('aria-invalid')).toBe('true');
  });

  test('a syntax error shows line:column and marks the line', async () => {
    runner.next = ended('syntax-error', {name: 'SyntaxError', message: 'Unexpected token', line: 3, column: 5});
    const {container} = await runBlock();
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toContain('(3:5)');
    expect(gutterLine(container, 3).getAttribute('data-marks') ?? '').toContain('error');
  });

  test('a timeout says the program was stopped after 2 s', async () => {
    runner.next = ended('timeout', {name: 'Timeout', message: 'stopped after 2 s'});
    const {container} = await runBlock();
    expect(container.querySelector('[aria-live="polite"]')!.textContent).toContain('2초가 지나 멈췄습니다');
  });

  test('a call that would wait forever is explained in the page\'s language, with the call and its line', async () => {
    // the runner's English message; the page words the reason from `blocked`
    runner.next = ended('blocked', {
      name: 'WouldBlockForever',
      message: 'read(3) would block forever: no data will ever arrive',
      blocked: {call: 'read', fd: 3},
      line: 4,
      column: 1,
    });
    const {container} = await runBlock();
    const text = container.querySelector('[aria-live="polite"]')!.textContent ?? '';
    expect(text).toContain('read(3)');
    expect(text).toContain('4번째 줄');
    expect(text).not.toMatch(/would block|no data/);
  });

  test('a runner that failed to load is explained in the page\'s language, not in the runner\'s English', async () => {
    runner.next = ended('error', {name: 'RunnerFault', fault: 'load', message: 'the runner failed: worker error'});
    const {container} = await runBlock();
    const text = container.querySelector('[aria-live="polite"]')!.textContent ?? '';
    expect(text).toContain('실행기를 불러오지 못했습니다');
    expect(text).not.toMatch(/runner failed|worker error/);
  });

  test('a result the runner could not deliver is a runner fault in the page\'s language, not a network problem', async () => {
    runner.next = ended('error', {name: 'RunnerFault', fault: 'clone', message: 'DataCloneError: could not be cloned'});
    const {container} = await runBlock();
    const text = container.querySelector('[aria-live="polite"]')!.textContent ?? '';
    expect(text).toContain('실행기 오류');
    expect(text).not.toMatch(/네트워크|DataCloneError/);
  });

  test('cut output is marked: the line, the output and the trace, in the page\'s language', async () => {
    runner.next = {...HTTP_RESULT, console: [{level: 'log', text: 'xxxx', cut: 123456}], truncated: true, traceCut: 5};
    await runBlock();
    const output = screen.getByRole('region', {name: '출력'});
    expect(output.textContent).toContain('123,456자 생략');
    expect(output.textContent).toContain('출력이 너무 길어');
    expect(output.textContent).toContain('5개 생략');
  });

  test('the output cap is noted once, in the page\'s language', async () => {
    runner.next = {...HTTP_RESULT, console: [{level: 'log', text: 'a'}], truncated: true};
    await runBlock();
    const output = screen.getByRole('region', {name: '출력'});
    expect(output.textContent).toContain('a');
    expect(output.textContent).toContain('출력이 너무 길어');
  });

  test('editing after a run clears the error mark (it points at code that is gone)', async () => {
    runner.next = {...HTTP_RESULT, status: 'error', error: {name: 'SocketError', message: 'x', line: 2}};
    const {container} = await runBlock();
    fireEvent.change(await editor(), {target: {value: HTTP_PROGRAM + '\n'}});
    expect(gutterLine(container, 2).getAttribute('data-marks') ?? '').not.toContain('error');
  });
});

describe('Step and Back replay the trace call by call', () => {
  const fdRow = (n: number) => {
    const table = screen.getByRole('table', {name: /client의 디스크립터 표/});
    return within(table)
      .queryAllByRole('row')
      .find((r) => r.querySelector('th')?.textContent === String(n));
  };

  test('Step runs and stops after the first call; Step, Back move one call; the line is marked', async () => {
    const {container} = render(<LiveCode code={HTTP_PROGRAM} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '한 단계'}));
    });
    // after socket(): fd 3 exists, not connected
    expect(container.textContent).toContain('단계 1 / 5');
    expect(fdRow(3)?.textContent).toContain('CLOSED');
    expect(gutterLine(container, 1).getAttribute('data-marks') ?? '').toContain('current');

    fireEvent.click(screen.getByRole('button', {name: '한 단계'}));
    expect(container.textContent).toContain('단계 2 / 5');
    expect(fdRow(3)?.textContent).toContain('ESTABLISHED');
    expect(gutterLine(container, 2).getAttribute('data-marks') ?? '').toContain('current');

    fireEvent.click(screen.getByRole('button', {name: '이전'}));
    expect(container.textContent).toContain('단계 1 / 5');
    expect(fdRow(3)?.textContent).toContain('CLOSED');
    expect(runner.requests).toHaveLength(1); // stepping never re-runs
  });

  test('Back from the final state goes to the call before the last', async () => {
    const {container} = render(<LiveCode code={HTTP_PROGRAM} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '실행'}));
    });
    expect(fdRow(3)).toBeUndefined(); // closed at the end
    fireEvent.click(screen.getByRole('button', {name: '이전'}));
    expect(container.textContent).toContain('단계 4 / 5');
    expect(fdRow(3)?.textContent).toContain('ESTABLISHED');
  });

  test('Step is disabled on the last call', async () => {
    render(<LiveCode code={HTTP_PROGRAM} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '한 단계'}));
    });
    for (let i = 0; i < 4; i++) fireEvent.click(screen.getByRole('button', {name: '한 단계'}));
    expect((screen.getByRole('button', {name: '한 단계'}) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('sequence diagram and source lines', () => {
  async function runAndOpenDiagram() {
    const view = render(<LiveCode code={HTTP_PROGRAM} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '실행'}));
    });
    fireEvent.click(screen.getByRole('tab', {name: '시퀀스 다이어그램'}));
    return view;
  }

  test('selecting an arrow highlights the line of the call that sent it', async () => {
    const {container} = await runAndOpenDiagram();
    // the retransmitted request was sent while write() on line 3 was the last call
    const arrow = screen.getByRole('button', {name: 'client:40000 → www.example.com:80, 데이터 18바이트 seq=1 ack=1'});
    fireEvent.click(arrow);
    expect(arrow.getAttribute('aria-pressed')).toBe('true');
    expect(gutterLine(container, 3).getAttribute('data-marks') ?? '').toContain('selected');
    expect(gutterLine(container, 2).getAttribute('data-marks') ?? '').not.toContain('selected');
  });

  test('the keyboard selects an arrow too (Enter)', async () => {
    const {container} = await runAndOpenDiagram();
    const fin = screen.getByRole('button', {name: 'client:40000 → www.example.com:80, FIN+ACK seq=19 ack=18'});
    fireEvent.keyDown(fin, {key: 'Enter'});
    expect(gutterLine(container, 6).getAttribute('data-marks') ?? '').toContain('selected');
  });

  test('clicking a line number highlights that line’s segments', async () => {
    const {container} = await runAndOpenDiagram();
    fireEvent.click(gutterLine(container, 2));
    const related = screen
      .getAllByRole('button')
      .filter((b) => (b.getAttribute('class') ?? '').includes('related'))
      .map((b) => b.getAttribute('aria-label'));
    expect(related).toEqual(['client:40000 → www.example.com:80, SYN seq=0', 'client:40000 → www.example.com:80, ACK seq=1 ack=1']);
  });

  test('placing the caret on a line highlights its segments', async () => {
    await runAndOpenDiagram();
    const ta = await editor();
    // the caret at the start of line 6: close(fd)
    ta.setSelectionRange(HTTP_PROGRAM.lastIndexOf('close'), HTTP_PROGRAM.lastIndexOf('close'));
    fireEvent.select(ta);
    const related = screen
      .getAllByRole('button')
      .filter((b) => (b.getAttribute('class') ?? '').includes('related'))
      .map((b) => b.getAttribute('aria-label'));
    expect(related).toEqual(['client:40000 → www.example.com:80, FIN+ACK seq=19 ack=18', 'client:40000 → www.example.com:80, ACK seq=20 ack=19']);
  });
});
