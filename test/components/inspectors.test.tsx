// @vitest-environment jsdom
/**
 * The inspectors render the rows a hand-written trace implies (fixtures/httpTrace.ts); every expected
 * value below is read off that trace, not produced by running anything.
 */
import {afterEach, describe, expect, test} from 'vitest';
import {cleanup, fireEvent, render, screen, within} from '@testing-library/react';
import {inspectAt, steps} from '../../src/runner/inspect';
import DescriptorTable from '../../src/components/DescriptorTable';
import SocketTable from '../../src/components/SocketTable';
import BufferView from '../../src/components/BufferView';
import CallLog from '../../src/components/CallLog';
import SequenceDiagram from '../../src/components/SequenceDiagram';
import {hostsToShow} from '../../src/components/LiveCode/Inspectors';
import {HTTP_CALLS, HTTP_RESULT, HTTP_TRACE} from './fixtures/httpTrace';

afterEach(cleanup);

const stepList = steps(HTTP_RESULT);
/** state after the k-th program call (1-based), as Step shows it */
const afterCall = (k: number) => inspectAt(HTTP_TRACE, stepList[k - 1].traceEnd, HTTP_CALLS);
const finalState = () => inspectAt(HTTP_TRACE, HTTP_TRACE.length, HTTP_CALLS);
const host = (state: ReturnType<typeof finalState>, name: string) => state.hosts.find((h) => h.name === name)!;

/** the text of each cell of each body row */
function bodyRows(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((tr) => Array.from(tr.querySelectorAll('th,td')).map((c) => c.textContent ?? ''));
}

describe('DescriptorTable', () => {
  const STANDARD = ['0–2', '표준 입력·출력·오류 (stdin, stdout, stderr)'];

  test('after connect(): descriptor 3 is the connected socket, after the standard streams folded into one row', () => {
    render(<DescriptorTable host={host(afterCall(2), 'client')} />);
    const table = screen.getByRole('table', {name: /client의 디스크립터 표/});
    expect(bodyRows(table)).toEqual([
      STANDARD,
      ['3', 'ESTABLISHED', '10.0.0.2:40000', '93.184.216.34:80 (www.example.com)'],
    ]);
  });

  test('after socket(): descriptor 3 exists but is neither bound nor connected', () => {
    render(<DescriptorTable host={host(afterCall(1), 'client')} />);
    const rows = bodyRows(screen.getByRole('table'));
    expect(rows[1]).toEqual(['3', 'CLOSED', '0.0.0.0:0', '—']);
  });

  test('after close(): only the standard streams are left', () => {
    render(<DescriptorTable host={host(finalState(), 'client')} />);
    expect(bodyRows(screen.getByRole('table'))).toEqual([STANDARD]);
  });

  test('the columns a reader needs first: descriptor, state, local, remote; headers have scope', () => {
    render(<DescriptorTable host={host(afterCall(2), 'client')} />);
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '디스크립터',
      'TCP 상태',
      '로컬 주소',
      '원격 주소',
    ]);
    expect(within(table).getAllByRole('rowheader').map((th) => th.getAttribute('scope'))).toEqual(['row', 'row']);
  });

  test('each value cell names its column, for the card layout of a narrow screen', () => {
    render(<DescriptorTable host={host(afterCall(2), 'client')} />);
    const cells = screen.getAllByRole('row')[2].querySelectorAll('td');
    expect(Array.from(cells).map((c) => c.getAttribute('data-label'))).toEqual(['TCP 상태', '로컬 주소', '원격 주소']);
  });
});

describe('SocketTable', () => {
  test('the closed client socket stays listed in TIME-WAIT and is marked as closed by the program', () => {
    render(<SocketTable host={host(finalState(), 'client')} />);
    const table = screen.getByRole('table', {name: /client의 소켓/});
    expect(bodyRows(table)).toEqual([
      ['TIME-WAIT', '0', '0', '10.0.0.2:40000', '93.184.216.34:80 (www.example.com)', '프로그램은 닫았고 커널에 남아 있음'],
    ]);
  });

  test('while reading, Recv-Q would show unread bytes; the listener shows a wildcard peer', () => {
    render(<SocketTable host={host(afterCall(4), 'www.example.com')} />);
    const rows = bodyRows(screen.getByRole('table'));
    // sorted by local address: 0.0.0.0:80 (listener, fd 3) before 93.184.216.34:80 (accepted, fd 4)
    expect(rows).toEqual([
      ['LISTEN', '0', '0', '0.0.0.0:80', '0.0.0.0:*', 'fd 3'],
      ['ESTABLISHED', '0', '0', '93.184.216.34:80', '10.0.0.2:40000 (client)', 'fd 4'],
    ]);
  });

  test('a host with no socket in the tables says so', () => {
    render(<SocketTable host={host(afterCall(1), 'client')} />);
    expect(bodyRows(screen.getByRole('table'))).toEqual([['커널의 표에 소켓이 없습니다.']]);
  });
});

describe('BufferView', () => {
  test('after write(): 18 unacknowledged bytes in the 16384-byte send buffer, as a named meter', () => {
    const state = afterCall(3);
    render(<BufferView buffers={host(state, 'client').buffers} />);
    const send = screen.getByRole('meter', {name: /client 10\.0\.0\.2:40000 → 93\.184\.216\.34:80.*송신 버퍼/});
    expect(send.getAttribute('aria-valuenow')).toBe('18');
    expect(send.getAttribute('aria-valuemax')).toBe('16384');
    expect(send.getAttribute('aria-valuetext')).toBe('18 / 16384 바이트');
    const recv = screen.getByRole('meter', {name: /수신 버퍼/});
    expect(recv.getAttribute('aria-valuenow')).toBe('0');
  });

  test('no connection yet: one row saying so', () => {
    render(<BufferView buffers={host(afterCall(1), 'client').buffers} />);
    expect(bodyRows(screen.getByRole('table'))).toEqual([['아직 연결이 없습니다.']]);
  });
});

describe('CallLog', () => {
  test('lists the program calls with host, time, line and the server accept()', () => {
    const state = finalState();
    render(<CallLog calls={state.calls} currentCallId={2} />);
    const rows = bodyRows(screen.getByRole('table', {name: '호출 기록'}));
    expect(rows).toHaveLength(6); // accept on www.example.com + five program calls
    const connect = rows.find((r) => r[0].startsWith('connect('))!;
    expect(connect[0]).toBe('connect(3, 93.184.216.34, 80)');
    expect(connect.slice(2)).toEqual(['client', '0', '2']);
    const accept = rows.find((r) => r[0].startsWith('accept('))!;
    expect(accept.slice(2)).toEqual(['www.example.com', '0', '—']);
    const current = screen.getAllByRole('row').find((r) => r.getAttribute('aria-current') === 'step');
    expect(current?.textContent).toContain('connect(');
  });

  test('a call still waiting within the prefix shows as pending', () => {
    // state in the middle of read(): its call event is in, its result is not
    const readStart = stepList[3].traceStart;
    const state = inspectAt(HTTP_TRACE, readStart + 1, HTTP_CALLS);
    render(<CallLog calls={state.calls} />);
    const read = bodyRows(screen.getByRole('table')).find((r) => r[0].startsWith('read('))!;
    expect(read[1]).toBe('대기 중…');
  });
});

describe('which hosts get tables', () => {
  test('the program host and contacted servers, not a built-in server nobody talked to', () => {
    expect(hostsToShow(finalState()).map((h) => h.name)).toEqual(['client', 'www.example.com']);
  });

  test('before any segment, only the program host', () => {
    expect(hostsToShow(afterCall(1)).map((h) => h.name)).toEqual(['client']);
  });
});

describe('SequenceDiagram', () => {
  const renderDiagram = (selectedLine: number | null = null, selectedSegment: number | null = null) => {
    const state = finalState();
    const lines = new Map(HTTP_CALLS.map((c) => [c.callId, c.line]));
    return render(
      <SequenceDiagram
        segments={state.segments}
        stateChanges={state.stateChanges}
        calls={state.calls}
        hostOrder={state.hosts.map((h) => h.name)}
        lineOfCall={(id) => (id === null ? null : (lines.get(id) ?? null))}
        selectedLine={selectedLine}
        selectedSegment={selectedSegment}
        onSelect={() => {}}
      />,
    );
  };
  const arrows = () => screen.getAllByRole('button').filter((b) => b.hasAttribute('data-segment'));

  test('one focusable arrow per segment, named with both ends\' ports and the label the chapters use', () => {
    renderDiagram();
    expect(arrows().map((a) => a.getAttribute('aria-label'))).toEqual([
      'client:40000 → www.example.com:80, SYN seq=0',
      'www.example.com:80 → client:40000, SYN+ACK seq=0 ack=1',
      'client:40000 → www.example.com:80, ACK seq=1 ack=1',
      'client:40000 → www.example.com:80, 데이터 18바이트 seq=1 ack=1, 유실됨',
      'client:40000 → www.example.com:80, 데이터 18바이트 seq=1 ack=1',
      'www.example.com:80 → client:40000, 데이터 17바이트 seq=1 ack=19',
      'client:40000 → www.example.com:80, FIN+ACK seq=19 ack=18',
      'www.example.com:80 → client:40000, FIN+ACK seq=18 ack=20',
      'client:40000 → www.example.com:80, ACK seq=20 ack=19',
    ]);
    expect(arrows().every((a) => a.getAttribute('tabindex') === '0')).toBe(true);
  });

  test('says that an arrow can be selected, and offers tcpdump notation', () => {
    renderDiagram();
    expect(screen.getByText(/화살표를 누르면/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', {name: 'tcpdump 표기'}));
    expect(arrows()[1].getAttribute('aria-label')).toBe('www.example.com:80 → client:40000, [S.] seq 0 ack 1');
  });

  test('the lost segment ends in a cross and has no arrowhead', () => {
    renderDiagram();
    const lost = screen.getByRole('button', {name: /유실됨/});
    expect(lost.textContent).toContain('✕');
    expect(lost.querySelector('polygon')).toBeNull();
    expect(arrows()[0].querySelector('polygon')).not.toBeNull();
  });

  test('a selected line highlights exactly the segments sent while its call ran', () => {
    renderDiagram(2);
    const related = arrows()
      .filter((a) => (a.getAttribute('class') ?? '').includes('related'))
      .map((a) => a.getAttribute('aria-label'));
    // connect() on line 2 sent the SYN and the final ACK of the handshake; the SYN-ACK is the server's
    expect(related).toEqual(['client:40000 → www.example.com:80, SYN seq=0', 'client:40000 → www.example.com:80, ACK seq=1 ack=1']);
  });

  test('the selected segment\'s details name the call and the line that sent it, and its numbers', () => {
    renderDiagram(null, 7);
    const detail = screen.getByRole('region', {name: '세그먼트 자세히'});
    expect(detail.textContent).toContain('6번 줄의 close(3) 호출이 보냈어요.');
    expect(detail.textContent).toContain('19 (절대값 1019)');
    expect(detail.textContent).toContain('10.0.0.2:40000');
  });
});
