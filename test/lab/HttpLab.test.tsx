// @vitest-environment jsdom
/**
 * The lab's component with the runner replaced by hand-written results (the real programs against the
 * simulator are tested in programs.test.ts): the accessible names the site promises, and that Run
 * fills the table, the waterfalls and the sentence from the numbers it gets.
 */
import {afterEach, describe, expect, test, vi} from 'vitest';
import {act, cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import {labMetrics} from '../../src/lab/metrics';
import {LAB_MODES, type LabConditions} from '../../src/lab/modes';
import type {ModeResult} from '../../src/components/HttpLab/labRun';
import {http10Fetch} from './fixtures';

vi.mock('@docusaurus/Translate', () => ({
  translate: ({message}: {message: string}) => message,
  default: ({children}: {children: string}) => children,
}));
vi.mock('@docusaurus/useIsBrowser', () => ({default: () => true}));
vi.mock('@docusaurus/theme-common', () => ({
  usePluralForm: () => ({selectMessage: (_n: number, message: string) => message.split('|').pop()}),
}));
vi.mock('../../src/components/HttpLab/ConnectionDiagram', () => ({
  default: (props: {connection: {index: number}}) => <p>diagram of connection {props.connection.index}</p>,
}));

/** n sequential HTTP/1.0 fetches with one-way delay d: (by http10Fetch) each takes 4d to its response. */
function sequentialTrace(n: number, d: number) {
  const segs = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    const f = http10Fetch(50000 + i, t, d);
    segs.push(...f.segments);
    t = f.done;
  }
  return segs;
}

const runLab = vi.fn<(images: number, rtt: number, conditions?: LabConditions) => Promise<ModeResult[]>>();
vi.mock('../../src/components/HttpLab/labRun', () => ({
  runLab: (images: number, rtt: number, conditions?: LabConditions) => runLab(images, rtt, conditions),
}));

/** Every mode gets the given trace, except pipelined, which gets a single fetch (2 round trips). */
function fakeResults(images: number, rtt: number): ModeResult[] {
  return LAB_MODES.map((mode) => ({
    mode,
    status: 'ok',
    metrics: labMetrics(mode === 'http11-pipelined' ? http10Fetch(60000, 0, rtt / 2).segments : sequentialTrace(images + 1, rtt / 2)),
    segments: new Map(),
    lines: new Map(),
  }));
}

afterEach(() => {
  cleanup();
  runLab.mockReset();
});

async function renderLab() {
  const {default: HttpLab} = await import('../../src/components/HttpLab');
  render(<HttpLab />);
  return screen.getByRole('region', {name: 'HTTP 실험실'});
}

describe('HttpLab before a run', () => {
  test('region, inputs, Run button and the results table with its five rows, by their exact names', async () => {
    const lab = await renderLab();
    expect(within(lab).getByRole('spinbutton', {name: '이미지 수'})).toHaveProperty('value', '5');
    expect(within(lab).getByRole('spinbutton', {name: '왕복 시간'})).toHaveProperty('value', '100');
    expect(within(lab).getByRole('spinbutton', {name: '패킷 손실'})).toHaveProperty('value', '0');
    expect(within(lab).getByRole('spinbutton', {name: '서버 처리 시간'})).toHaveProperty('value', '0');
    within(lab).getByRole('button', {name: '실행'});
    const table = within(lab).getByRole('table', {name: '결과'});
    within(table).getByRole('columnheader', {name: '연결'});
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'HTTP/1.0 순차',
      'HTTP/1.0 병렬',
      'HTTP/1.1 지속',
      'HTTP/1.1 연결 6개',
      'HTTP/1.1 파이프라인',
    ]);
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['–', '–', '–', '–', '–']);
  });
});

describe('HttpLab after Run', () => {
  test('the table, the waterfall rows and the sentence come from the results; a new N gives new ones', async () => {
    runLab.mockImplementation(async (images, rtt) => fakeResults(images, rtt));
    const lab = await renderLab();

    // N = 2, RTT = 100: sequential gets 3 fetches of 4d = 200 ms each.
    fireEvent.change(within(lab).getByRole('spinbutton', {name: '이미지 수'}), {target: {value: '2'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(runLab).toHaveBeenCalledWith(2, 100, {lossPct: 0, thinkMs: 0});

    const table = within(lab).getByRole('table', {name: '결과'});
    const sequential = within(table).getByRole('rowheader', {name: 'HTTP/1.0 순차'}).closest('tr')!;
    // 3 connections, 3 handshakes, 3 × 8 segments, 3 × 2 round trips, 3 × 200 ms
    expect(within(sequential).getAllByRole('cell').map((c) => c.textContent)).toEqual(['3', '3', '24', '6', '600 ms']);

    const waterfall = await within(lab).findByRole('list', {name: 'HTTP/1.0 순차의 워터폴: 연결마다 한 줄'});
    expect(within(waterfall).getAllByRole('listitem')).toHaveLength(3);

    // pipelined here: one fetch, 200 ms; sequential 600 ms → 3.0 times faster
    expect(lab.querySelector('[data-explanation]')!.textContent).toBe(
      'HTTP/1.1 파이프라인 방식이 HTTP/1.0 순차 방식보다 3.0배 빨랐습니다(200 ms 대 600 ms). ' +
        'HTTP/1.1 파이프라인 방식은 연결 1개, 핸드셰이크 1번, 왕복 2번이면 충분했지만 ' +
        'HTTP/1.0 순차 방식은 연결 3개, 핸드셰이크 3번, 왕복 6번이 필요했습니다.',
    );
    // the live region announces the end and the sentence (the sentence only to screen readers: it is shown below)
    expect(within(lab).getByRole('status').textContent).toContain('실행을 마쳤습니다.');
    expect(within(lab).getByRole('status').textContent).toContain('3.0배 빨랐습니다');

    // N = 4: five fetches
    fireEvent.change(within(lab).getByRole('spinbutton', {name: '이미지 수'}), {target: {value: '4'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(within(sequential).getAllByRole('cell')[0].textContent).toBe('5');
    expect(within(waterfall).getAllByRole('listitem')).toHaveLength(5);
  });

  test('out-of-range inputs do not run: the form’s own validation (min/max) stops the submit', async () => {
    runLab.mockImplementation(async (images, rtt) => fakeResults(images, rtt));
    const lab = await renderLab();
    const imagesInput = within(lab).getByRole('spinbutton', {name: '이미지 수'}) as HTMLInputElement;
    fireEvent.change(imagesInput, {target: {value: '21'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(imagesInput.validity.rangeOverflow).toBe(true);
    expect(runLab).not.toHaveBeenCalled();

    fireEvent.change(imagesInput, {target: {value: '20'}});
    fireEvent.change(within(lab).getByRole('spinbutton', {name: '왕복 시간'}), {target: {value: '9'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(runLab).not.toHaveBeenCalled();

    fireEvent.change(within(lab).getByRole('spinbutton', {name: '왕복 시간'}), {target: {value: '500'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(runLab).toHaveBeenCalledWith(20, 500, {lossPct: 0, thinkMs: 0});
  });

  test('packet loss and server think time go to the run; out of range they stop it, like the other inputs', async () => {
    runLab.mockImplementation(async (images, rtt) => fakeResults(images, rtt));
    const lab = await renderLab();
    const lossInput = within(lab).getByRole('spinbutton', {name: '패킷 손실'}) as HTMLInputElement;
    const thinkInput = within(lab).getByRole('spinbutton', {name: '서버 처리 시간'}) as HTMLInputElement;
    fireEvent.change(lossInput, {target: {value: '31'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(lossInput.validity.rangeOverflow).toBe(true);
    fireEvent.change(lossInput, {target: {value: '10'}});
    fireEvent.change(thinkInput, {target: {value: '-1'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(thinkInput.validity.rangeUnderflow).toBe(true);
    expect(runLab).not.toHaveBeenCalled();
    fireEvent.change(thinkInput, {target: {value: '250'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(runLab).toHaveBeenCalledWith(5, 100, {lossPct: 10, thinkMs: 250});
    // every mode has its row, the browsers' way included
    const table = within(lab).getByRole('table', {name: '결과'});
    expect(within(table).getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'HTTP/1.0 순차',
      'HTTP/1.0 병렬',
      'HTTP/1.1 지속',
      'HTTP/1.1 연결 6개',
      'HTTP/1.1 파이프라인',
    ]);
  });

  test('a connection label opens its sequence diagram', async () => {
    runLab.mockImplementation(async (images, rtt) => fakeResults(images, rtt));
    const lab = await renderLab();
    fireEvent.change(within(lab).getByRole('spinbutton', {name: '이미지 수'}), {target: {value: '1'}});
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    const waterfall = await within(lab).findByRole('list', {name: 'HTTP/1.0 순차의 워터폴: 연결마다 한 줄'});
    const second = within(waterfall).getByRole('button', {name: '연결 2의 시퀀스 다이어그램'});
    expect(second.getAttribute('aria-expanded')).toBe('false');
    await act(async () => fireEvent.click(second));
    expect(second.getAttribute('aria-expanded')).toBe('true');
    await within(lab).findByText('diagram of connection 2');
  });

  test('a failing run is announced', async () => {
    runLab.mockRejectedValue(new Error('worker failed'));
    const lab = await renderLab();
    await act(async () => fireEvent.click(within(lab).getByRole('button', {name: '실행'})));
    expect(within(lab).getByRole('status').textContent).toBe('실행하지 못했습니다: worker failed');
  });
});
