// @vitest-environment jsdom
/**
 * The quiz component in jsdom: accessible structure (region, fieldsets, legends, the Check button), grading and
 * feedback, saving and restoring, the set-aside notice, retake mode, and a code challenge graded by its checker.
 * The runner is replaced by a stub: the simulator itself is tested in predict.test.ts and checkers.test.ts.
 */
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import type {ReactNode} from 'react';
import type {RunRequest, RunResult} from '../../src/runner/types';

const ctx = vi.hoisted(() => ({locale: 'ko', runs: [] as RunRequest[], next: null as RunResult | null}));

vi.mock('@docusaurus/useDocusaurusContext', () => ({
  default: () => ({i18n: {currentLocale: ctx.locale}, siteConfig: {}}),
}));
vi.mock('@docusaurus/Link', () => ({
  default: ({to, children}: {to: string; children: ReactNode}) => <a href={to}>{children}</a>,
}));
vi.mock('@theme/CodeBlock', () => ({
  default: ({children}: {children: string}) => <pre data-testid="program">{children}</pre>,
}));
vi.mock('../../src/quiz/runProgram', () => ({
  runQuizProgram: async (req: RunRequest) => {
    ctx.runs.push(req);
    return ctx.next!;
  },
}));

import Quiz from '../../src/components/Quiz';
import {PROGRESS_KEY} from '../../src/quiz/storage';
import {resetStoreForTests} from '../../src/quiz/progressStore';
import {quizFor} from '../../src/quiz/data';

beforeEach(() => {
  localStorage.clear();
  resetStoreForTests();
  ctx.locale = 'ko';
  ctx.runs = [];
});
afterEach(cleanup);

/** Renders a chapter's quiz and waits for its lazily loaded questions. */
async function renderQuiz(chapter: string): Promise<void> {
  render(<Quiz chapter={chapter} />);
  await screen.findByRole('region', {}, {timeout: 5000});
  await act(async () => {}); // let the progress effect run, as it does after hydration
}

function questionNamed(text: RegExp): HTMLElement {
  return screen.getByRole('group', {name: text});
}

describe('structure', () => {
  it('is a region named "퀴즈: …" with one fieldset and legend per question and a Check button each', async () => {
    await renderQuiz('socket');

    const region = screen.getByRole('region', {name: /^퀴즈: /});
    const groups = within(region).getAllByRole('group');
    expect(groups.length).toBe(quizFor('socket')!.questions.length);
    for (const g of groups) expect(g.tagName).toBe('FIELDSET');
    expect(region.querySelectorAll('fieldset > legend').length).toBe(groups.length);
    // every question but the code challenge has its own submit "확인"; the code challenge has a button too
    expect(within(region).getAllByRole('button', {name: '확인'}).length).toBe(groups.length);
  });

  it('shows the chapter title and the questions in English in the English locale', async () => {
    // (the words around them, "Quiz:" and "Check", come from i18n/en/code.json: see e2e/quiz.test.ts)
    ctx.locale = 'en';
    await renderQuiz('connect');

    expect(screen.getByRole('region', {name: /Chapter 3, connecting$/})).toBeTruthy();
    expect(screen.getByRole('group', {name: /Which port does a web server/})).toBeTruthy();
    expect(screen.queryByRole('group', {name: /웹 서버/})).toBeNull();
  });
});

describe('an unknown chapter', () => {
  it('says so on the page instead of rendering nothing', () => {
    render(<Quiz chapter="no-such-chapter" />);
    expect(screen.getByText(/Quiz not found: “no-such-chapter”/)).toBeTruthy();
  });
});

describe('answering', () => {
  it('a right answer says 정답 with the explanation, a link to the section, and is saved', async () => {
    await renderQuiz('connect');
    const q = questionNamed(/웹 서버\(HTTP\)는 보통 몇 번 포트/);

    fireEvent.change(within(q).getByRole('textbox', {name: '답'}), {target: {value: ' 80번 '}});
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));

    expect(q.textContent).toContain('정답');
    expect(q.textContent).not.toContain('오답');
    expect(within(q).getByRole('link').getAttribute('href')).toBe('/docs/connect#well-known-ports');
    const saved = JSON.parse(localStorage.getItem(PROGRESS_KEY)!);
    expect(saved.answers['connect-web-port']).toEqual({answer: ' 80번 ', attempts: 1, correct: true});
  });

  it('a wrong answer says 오답, offers the solution, and a retry clears it for another attempt', async () => {
    await renderQuiz('connect');
    const q = questionNamed(/웹 서버\(HTTP\)는 보통 몇 번 포트/);

    fireEvent.change(within(q).getByRole('textbox', {name: '답'}), {target: {value: '8080'}});
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    expect(q.textContent).toContain('오답');
    expect(within(q).getByText('풀이 보기')).toBeTruthy();

    fireEvent.click(within(q).getByRole('button', {name: '다시 풀기'}));
    expect(q.textContent).not.toContain('오답');
    expect((within(q).getByRole('textbox', {name: '답'}) as HTMLInputElement).value).toBe('');

    fireEvent.change(within(q).getByRole('textbox', {name: '답'}), {target: {value: '80'}});
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    expect(q.textContent).toContain('정답');
    expect(JSON.parse(localStorage.getItem(PROGRESS_KEY)!).answers['connect-web-port'].attempts).toBe(2);
  });

  it('multiple choice needs exactly the right boxes', async () => {
    await renderQuiz('connect');
    const q = questionNamed(/connect\(\)에 넘기는 것을 모두/);

    for (const name of ['내 소켓의 디스크립터', '서버의 IP 주소']) fireEvent.click(within(q).getByRole('checkbox', {name}));
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    expect(q.textContent).toContain('오답');

    fireEvent.click(within(q).getByRole('checkbox', {name: '서버의 포트 번호'}));
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    expect(q.textContent).toContain('정답');
  });

  it('checking with no answer asks for one and records no attempt', async () => {
    await renderQuiz('overview');
    const q = questionNamed(/실제로 네트워크에 내보내는 것은/);

    fireEvent.click(within(q).getByRole('button', {name: '확인'}));

    expect(q.textContent).toContain('답을 고르거나 입력한 뒤');
    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
  });

  it('a predict question with options is graded by the picked outcome', async () => {
    await renderQuiz('connect');
    const q = questionNamed(/81번 포트에서 기다리는 소켓이 없어요/);

    fireEvent.click(within(q).getByRole('radio', {name: /ECONNREFUSED/}));
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));

    expect(q.textContent).toContain('정답');
    // answered: the program is now a runnable block
    expect(within(q).getByText(/^직접 실행해 보기/)).toBeTruthy();
    expect(within(q).getAllByRole('button', {name: '실행'}).length).toBe(1);
  });
});

describe('saved progress', () => {
  it('comes back after a reload: the answer is filled in and its feedback shown', async () => {
    localStorage.setItem(
      PROGRESS_KEY,
      JSON.stringify({version: 1, answers: {'socket-descriptor-tag': {answer: 'port', attempts: 1, correct: false}}}),
    );

    await renderQuiz('socket');
    const q = questionNamed(/디스크립터를 가장 잘 설명한/);

    expect((within(q).getByRole('radio', {name: '포트 번호의 다른 이름'}) as HTMLInputElement).checked).toBe(true);
    expect(q.textContent).toContain('오답');
    expect(screen.getByText(new RegExp(`${quizFor('socket')!.questions.length}문제 중 1문제 풀이, 0문제 정답`))).toBeTruthy();
  });

  it('a corrupted entry is set aside with a visible notice instead of breaking the quiz', async () => {
    localStorage.setItem(PROGRESS_KEY, '{"version":1,"answers":');

    await renderQuiz('socket');

    // the quiz's notice among the page's live regions (a code challenge's editor has one of its own)
    expect(screen.getAllByRole('status').map((e) => e.textContent).join(' ')).toContain('저장된 진행 상황을 읽을 수 없어 따로 보관했습니다');
    expect(localStorage.getItem(`${PROGRESS_KEY}:corrupt-1`)).toBe('{"version":1,"answers":');
    expect(screen.getAllByRole('group').length).toBe(quizFor('socket')!.questions.length);

    fireEvent.click(screen.getByRole('button', {name: '알림 닫기'}));
    expect(screen.queryByText(/따로 보관했습니다/)).toBeNull();
  });
});

describe('code challenge', () => {
  function result(over: Partial<RunResult>): RunResult {
    return {status: 'ok', console: [], truncated: false, trace: [], calls: [], endTime: 0, ...over};
  }
  const socketCall = (callId: number, ret: number) => [
    {kind: 'call' as const, t: 0, host: 'client', callId, req: {call: 'socket' as const}},
    {kind: 'result' as const, t: 0, host: 'client', callId, res: {ret}},
  ];

  it('runs the edited code, grades it with its checker and lists the requirements', async () => {
    await renderQuiz('socket');
    const q = questionNamed(/socket\(\)이 3을 두 번 돌려주도록/);
    const editor = within(q).getByRole('textbox', {name: '코드 편집기'});

    // a run where socket() returned 3 and then 4: the checker must say no
    ctx.next = result({trace: [...socketCall(1, 3), ...socketCall(2, 4)]});
    fireEvent.change(editor, {target: {value: 'socket(); socket();'}});
    await act(async () => {
      fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    });
    expect(ctx.runs.at(-1)!.code).toBe('socket(); socket();');
    expect(q.textContent).toContain('오답');
    expect(q.textContent).toContain('미충족');

    // a run where it returned 3 twice
    ctx.next = result({trace: [...socketCall(1, 3), ...socketCall(3, 3)]});
    await act(async () => {
      fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    });
    expect(q.textContent).toContain('정답');
    const saved = JSON.parse(localStorage.getItem(PROGRESS_KEY)!).answers['socket-three-twice-code'];
    expect(saved).toMatchObject({answer: 'socket(); socket();', correct: true, attempts: 2});
  });

  it('a run that failed says how, once, with its line, in the report under the requirements', async () => {
    await renderQuiz('socket');
    const q = questionNamed(/socket\(\)이 3을 두 번 돌려주도록/);
    ctx.next = result({status: 'error', error: {name: 'SocketError', errno: 'EBADF', message: 'EBADF: Bad file descriptor', line: 2}});
    await act(async () => {
      fireEvent.click(within(q).getByRole('button', {name: '확인'}));
    });
    const text = q.textContent ?? '';
    expect(text).toContain('미충족');
    expect(text.split('EBADF: Bad file descriptor').length - 1).toBe(1);
    expect(text).toContain('2번째 줄');
  });
});
