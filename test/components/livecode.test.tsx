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

describe('time travel: Step/Back one moment, the slider, call by call', () => {
  const fdRow = (n: number) => {
    const table = screen.getByRole('table', {name: /client의 디스크립터 표/});
    return within(table)
      .queryAllByRole('row')
      .find((r) => r.querySelector('th')?.textContent === String(n));
  };
  const caption = (container: HTMLElement) => container.querySelector('[data-moment]')?.textContent ?? '';
  const slider = () => screen.getByRole('slider', {name: '타임라인'}) as HTMLInputElement;
  const step = () => fireEvent.click(screen.getByRole('button', {name: '한 단계'}));

  async function stepFromScratch() {
    const view = render(<LiveCode code={HTTP_PROGRAM} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '한 단계'}));
    });
    return view;
  }

  test('Step runs, then stands at socket() entering; the next Step shows its descriptor; Back undoes it', async () => {
    const {container} = await stepFromScratch();
    expect(caption(container)).toBe('t=0 ms · client에서 socket(AF_INET, SOCK_STREAM, 0) 호출을 시작했어요');
    expect(fdRow(3)).toBeUndefined();
    expect(gutterLine(container, 1).getAttribute('data-marks') ?? '').toContain('current');

    step();
    expect(caption(container)).toBe('t=0 ms · client의 socket(AF_INET, SOCK_STREAM, 0) 호출이 돌아왔어요: 3');
    expect(fdRow(3)?.textContent).toContain('CLOSED');

    fireEvent.click(screen.getByRole('button', {name: '이전'}));
    expect(fdRow(3)).toBeUndefined();
    expect(runner.requests).toHaveLength(1); // moving in time never re-runs
  });

  test('each event of connect() is a moment: SYN-SENT, the SYN leaving, the SYN+ACK arriving, ESTABLISHED', async () => {
    const {container} = await stepFromScratch();
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) {
      step();
      seen.push(caption(container));
    }
    const order = [
      'client 쪽 소켓이 connect(3, 93.184.216.34, 80) 호출로 SYN-SENT 상태가 됐어요',
      'client에서 www.example.com 쪽으로 SYN 세그먼트를 보냈어요',
      'www.example.com에서 보낸 SYN+ACK 세그먼트가 client에 도착했어요',
      'client 쪽 소켓이 SYN+ACK 세그먼트를 받아 ESTABLISHED 상태가 됐어요',
    ].map((words) => seen.findIndex((c) => c.endsWith(words)));
    expect(order.every((k) => k >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // the state shown follows: SYN-SENT at its moment
    expect(seen[order[0]]).toMatch(/^t=0 ms/);
    expect(seen[order[3]]).toMatch(/^t=10 ms/);
  });

  test('the slider scrubs the whole run; its value text and the caption say the moment', async () => {
    const {container} = await stepFromScratch();
    const s = slider();
    expect(s.min).toBe('0');
    const end = Number(s.max);
    fireEvent.change(s, {target: {value: '0'}});
    expect(caption(container)).toContain('시작');
    expect(s.getAttribute('aria-valuetext')).toContain(`0 / ${end}`);
    fireEvent.change(s, {target: {value: String(end)}});
    expect(s.getAttribute('aria-valuetext')).toContain(`${end} / ${end}`);
    expect(s.getAttribute('aria-valuetext')).toContain(caption(container));
    // the last moment: the ACK of the server's FIN arrives (t=235), client in TIME-WAIT
    expect(caption(container)).toMatch(/^t=235 ms/);
  });

  test('다음 호출 / 이전 호출 jump from one call\'s return to the next', async () => {
    const {container} = await stepFromScratch();
    const next = () => fireEvent.click(screen.getByRole('button', {name: '다음 호출'}));
    next(); // socket() returned
    expect(fdRow(3)?.textContent).toContain('CLOSED');
    next(); // connect() returned
    expect(caption(container)).toContain('connect(3, 93.184.216.34, 80) 호출이 돌아왔어요: 0');
    expect(fdRow(3)?.textContent).toContain('ESTABLISHED');
    fireEvent.click(screen.getByRole('button', {name: '이전 호출'}));
    expect(caption(container)).toContain('socket(AF_INET, SOCK_STREAM, 0) 호출이 돌아왔어요: 3');
  });

  test('a console line shows from the moment it was printed', async () => {
    const {container} = await stepFromScratch();
    const output = () => screen.getByRole('region', {name: '출력'}).textContent ?? '';
    // read() returns the reply: not printed yet
    while (!caption(container).includes('read(3, 4096) 호출이 돌아왔어요')) step();
    expect(output()).not.toContain('HTTP/1.0 200 OK');
    step();
    expect(caption(container)).toContain('프로그램이 출력했어요: HTTP/1.0 200 OK');
    expect(output()).toContain('HTTP/1.0 200 OK');
  });

  test('Back from the run\'s end goes one moment back', async () => {
    const {container} = render(<LiveCode code={HTTP_PROGRAM} />);
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '실행'}));
    });
    const end = Number(slider().max);
    expect(slider().value).toBe(String(end));
    fireEvent.click(screen.getByRole('button', {name: '이전'}));
    expect(slider().value).toBe(String(end - 1));
    expect(caption(container)).not.toBe('');
  });

  test('at the last moment Step is disabled and the focus moves to Back', async () => {
    await stepFromScratch();
    const stepButton = screen.getByRole('button', {name: '한 단계'}) as HTMLButtonElement;
    fireEvent.change(slider(), {target: {value: String(Number(slider().max) - 1)}});
    stepButton.focus();
    step();
    expect(stepButton.disabled).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('button', {name: '이전'}));
  });

  test('when 다음 호출 runs out, the focus moves to 이전 호출', async () => {
    await stepFromScratch();
    const next = screen.getByRole('button', {name: '다음 호출'}) as HTMLButtonElement;
    next.focus();
    while (!next.disabled) fireEvent.click(next);
    expect(document.activeElement).toBe(screen.getByRole('button', {name: '이전 호출'}));
  });
});

describe('an ending the example was written for (expect=)', () => {
  const refused: RunResult = {
    ...ended('error', {name: 'SocketError', errno: 'ECONNREFUSED', message: 'ECONNREFUSED: Connection refused', line: 2, column: 1}),
  };
  async function runMeta(meta: string, result: RunResult) {
    runner.next = result;
    const view = render(
      <CodeBlock className="language-ts" metastring={meta}>
        {CODE}
      </CodeBlock>,
    );
    await editor();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '실행'}));
    });
    return view.container.querySelector('[data-status]')!;
  }

  test('the errno it names reads as the point of the example, not as a failure', async () => {
    const status = await runMeta('run expect=ECONNREFUSED', refused);
    expect(status.textContent).toContain('이 예제는 ECONNREFUSED 오류로 끝나도록 만들었어요');
    expect(status.textContent).toContain('ECONNREFUSED: Connection refused (2번째 줄)');
    expect(status.textContent).not.toContain('오류: ');
    expect(status.querySelector('[data-expected="true"]')).not.toBeNull();
  });

  test('edited to end without error, it says the example meant ECONNREFUSED but this run did not', async () => {
    const status = await runMeta('run expect=ECONNREFUSED', {...HTTP_RESULT});
    expect(status.textContent).toContain('실행 완료');
    expect(status.textContent).toContain('이 예제는 ECONNREFUSED 오류로 끝나도록 만들었어요. 하지만 이번 실행은 오류 없이 끝났어요.');
  });

  test('ending with another errno says which', async () => {
    const status = await runMeta(
      'run expect=ECONNREFUSED',
      ended('error', {name: 'SocketError', errno: 'ECONNRESET', message: 'ECONNRESET: Connection reset by peer'}),
    );
    expect(status.textContent).toContain('오류: ECONNRESET');
    expect(status.textContent).toContain('하지만 이번 실행은 ECONNRESET 오류로 끝났어요.');
  });

  test('expect=blocked: the call that waits forever is the lesson', async () => {
    const status = await runMeta(
      'run expect=blocked',
      ended('blocked', {name: 'WouldBlockForever', message: 'x', blocked: {call: 'read', fd: 3}, line: 4, column: 1}),
    );
    expect(status.textContent).toContain('이 예제는 영원히 기다리게 되는 호출에서 멈추도록 만들었어요');
    expect(status.textContent).toContain('read(3)');
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
