// @vitest-environment jsdom
/**
 * The review page in jsdom: progress per chapter from saved answers, the retake view with only the wrong questions
 * (fresh, with links to their sections), and reset behind a confirmation.
 */
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {act, cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import QuizReview from '../../src/components/QuizReview';
import {PROGRESS_KEY} from '../../src/quiz/storage';
import {resetStoreForTests} from '../../src/quiz/progressStore';
import {quizFor} from '../../src/quiz/data';

const saved = {
  version: 1,
  answers: {
    'connect-web-port': {answer: '8080', attempts: 1, correct: false},
    'connect-parameters': {answer: 'ip-port', attempts: 1, correct: true},
    'close-eaddrinuse-restart': {answer: 'zombie', attempts: 2, correct: false},
  },
};

beforeEach(() => {
  localStorage.clear();
  resetStoreForTests();
  localStorage.setItem(PROGRESS_KEY, JSON.stringify(saved));
});
afterEach(cleanup);

/** Renders the review page and waits for its lazily loaded body. */
async function renderReview(): Promise<void> {
  render(<QuizReview />);
  await screen.findByRole('table', {}, {timeout: 5000});
  await act(async () => {}); // let the progress effect run, as it does after hydration
}

function row(chapterTitle: RegExp): string[] {
  const table = screen.getByRole('table', {name: '장별 진행 상황'});
  const header = within(table).getByRole('rowheader', {name: chapterTitle});
  return Array.from(header.parentElement!.querySelectorAll('td')).map((td) => td.textContent ?? '');
}

describe('progress table', () => {
  it('counts answered, correct and wrong per chapter, out of the chapter’s questions', async () => {
    await renderReview();

    expect(row(/3장 접속/)).toEqual(['2', '1', '1', String(quizFor('connect')!.questions.length)]);
    expect(row(/5장 연결 끊기/)).toEqual(['1', '0', '1', String(quizFor('close')!.questions.length)]);
    expect(row(/1장 송수신 개요/)).toEqual(['0', '0', '0', String(quizFor('overview')!.questions.length)]);
    expect(within(screen.getByRole('rowheader', {name: /3장 접속/})).getByRole('link').getAttribute('href')).toBe(
      '/docs/connect#quiz',
    );
  });
});

describe('retake wrong answers', () => {
  it('shows only the questions last answered wrong, blank, each with a link to its section', async () => {
    await renderReview();

    fireEvent.click(screen.getByRole('button', {name: '틀린 문제 다시 풀기'}));

    const region = screen.getByRole('region', {name: /^퀴즈: /});
    const groups = within(region).getAllByRole('group');
    expect(groups.map((g) => g.querySelector('legend')!.textContent)).toEqual([
      expect.stringContaining('웹 서버(HTTP)'),
      expect.stringContaining('EADDRINUSE'),
    ]);
    const links = within(region).getAllByRole('link').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/docs/connect#well-known-ports', '/docs/close#time-wait']);
    const input = within(groups[0]).getByRole('textbox', {name: '답'}) as HTMLInputElement;
    expect(input.value).toBe('');
    expect(groups[0].textContent).not.toContain('오답');
  });

  it('answering right there updates the progress but keeps the question in view', async () => {
    await renderReview();
    fireEvent.click(screen.getByRole('button', {name: '틀린 문제 다시 풀기'}));
    const q = screen.getAllByRole('group')[0];

    fireEvent.change(within(q).getByRole('textbox', {name: '답'}), {target: {value: '80'}});
    fireEvent.click(within(q).getByRole('button', {name: '확인'}));

    expect(q.textContent).toContain('정답');
    expect(row(/3장 접속/).slice(0, 3)).toEqual(['2', '2', '0']);
    expect(document.querySelectorAll('fieldset').length).toBe(2);
  });
});

describe('reset progress', () => {
  it('asks first; cancel keeps everything, confirm erases and says so', async () => {
    await renderReview();

    fireEvent.click(screen.getByRole('button', {name: '진행 상황 초기화'}));
    fireEvent.click(screen.getByRole('button', {name: '취소'}));
    expect(localStorage.getItem(PROGRESS_KEY)).not.toBeNull();

    fireEvent.click(screen.getByRole('button', {name: '진행 상황 초기화'}));
    fireEvent.click(screen.getByRole('button', {name: '모두 지우기'}));

    expect(localStorage.getItem(PROGRESS_KEY)).toBeNull();
    expect(row(/3장 접속/).slice(0, 3)).toEqual(['0', '0', '0']);
    expect(screen.getByText('진행 상황을 지웠습니다.')).toBeTruthy();
  });
});
