// @vitest-environment jsdom
/**
 * The lab's "show code" block runs what the lab runs: the mode's program in the lab's world, so the same
 * round-trip time the reader chose (the runner is replaced; the request it gets is the subject).
 */
import {afterEach, describe, expect, test, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen} from '@testing-library/react';
import type {RunRequest, RunResult} from '../../src/runner/types';
import CodePanel from '../../src/components/HttpLab/CodePanel';
import {labRequest} from '../../src/lab/request';

const requests = vi.hoisted(() => [] as RunRequest[]);
vi.mock('../../src/components/LiveCode/runnerFactory', () => ({
  getRunner: async () => ({
    run: async (req: RunRequest): Promise<RunResult> => {
      requests.push(req);
      return {status: 'ok', console: [], truncated: false, trace: [], calls: [], endTime: 0};
    },
    dispose: () => {},
  }),
}));
afterEach(cleanup);

describe('the lab\'s program as a runnable block', () => {
  test('runs in the lab\'s world, with the round-trip time, loss and think time of the lab\'s run, and says so', async () => {
    render(<CodePanel mode="http11-persistent" images={3} rttMs={240} conditions={{lossPct: 7, thinkMs: 150}} />);
    expect(screen.getByText(/240밀리초, 패킷 손실 7%, 서버 처리 시간 150밀리초/)).toBeTruthy();
    await screen.findByRole('textbox', {name: '코드 편집기'}, {timeout: 15_000});
    await act(async () => {
      fireEvent.click(screen.getByRole('button', {name: '실행'}));
    });
    await vi.waitFor(() => expect(requests).toHaveLength(1), {timeout: 10_000}); // a wait, not a speed check
    const lab = labRequest('http11-persistent', 3, 240, {lossPct: 7, thinkMs: 150});
    expect(lab.world).toMatchObject({loss: 0.07, webThinkMs: 150});
    // a runnable block drops the code's trailing newline, as it does for every block
    expect(requests[0]).toEqual({...lab, code: lab.code.replace(/\n$/, '')});
  });
});
