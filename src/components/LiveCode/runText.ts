/**
 * How a run ended, in the reader's language. The runner words its errors in English (for logs and tests, and an
 * errno's text is the kernel's own: "ECONNREFUSED: Connection refused"); what the runner itself decided — a call
 * that would wait forever, the cap on socket calls, the 2 s limit, a runner that failed to load or was cancelled — is
 * worded here from the error's fields.
 * Used by runnable blocks (RunStatus) and by the quiz's programs (RunOutput, CodeChallenge).
 */
import {translate} from '@docusaurus/Translate';
import type {RunError, RunResult} from '../../runner/types';

/** Why a blocking call can never return, per call (the simulator knows nothing is pending that could wake it). */
function blockedReason(call: string): string {
  switch (call) {
    case 'read':
      return translate({id: 'livecode.blocked.read', message: '더 도착할 데이터가 없고, 상대도 연결을 닫지 않았습니다'});
    case 'accept':
      return translate({id: 'livecode.blocked.accept', message: '이 소켓으로 연결해 올 클라이언트가 없습니다'});
    case 'connect':
      return translate({id: 'livecode.blocked.connect', message: '상대가 핸드셰이크를 끝내지 않습니다'});
    case 'write':
      return translate({id: 'livecode.blocked.write', message: '송신 버퍼가 가득 찼는데 상대가 읽지 않습니다'});
    default:
      return translate({id: 'livecode.blocked.other', message: '이 호출을 끝낼 수 있는 일이 더는 일어나지 않습니다'});
  }
}

function timeoutText(): string {
  return translate({
    id: 'livecode.status.timeout',
    message: '2초가 지나 멈췄습니다: 프로그램이 끝나지 않았습니다. 끝없는 반복이 있나요?',
  });
}

/** The runner itself failed (RunError.fault); the next Run starts a fresh worker. */
function faultText(e: RunError): string {
  switch (e.fault) {
    case 'load':
      // the runner's chunk or worker failed to load (offline?)
      return translate({
        id: 'livecode.error.worker',
        message: '실행기를 불러오지 못했습니다. 네트워크 연결을 확인하고 다시 실행해 보세요.',
      });
    case 'clone':
    case 'invalid-result':
      return translate({
        id: 'livecode.error.invalidResult',
        message: '실행기 오류: 실행기가 돌려준 결과를 쓸 수 없어 보여 주지 않습니다. 다시 실행해 보세요.',
      });
    case 'simulator':
      return translate({
        id: 'livecode.error.simulator',
        message: '실행기 오류: 시뮬레이터 안에서 문제가 생겼습니다. 다시 실행해 보세요.',
      });
    default:
      return translate({
        id: 'livecode.error.crash',
        message: '실행기 오류: 실행기가 도중에 멈췄습니다. 다시 실행해 보세요.',
      });
  }
}

/** " … (오류 메시지가 길어 뒤의 1,234자를 잘랐습니다)" after an error message the runner cut */
function errorCutText(e: RunError): string {
  if (!e.cut) return '';
  return ` … ${translate(
    {id: 'livecode.error.cut', message: '(오류 메시지가 너무 길어 뒤의 {n}자를 잘랐습니다)'},
    {n: e.cut.toLocaleString('en-US')},
  )}`;
}

/** The error's own words, localized where the runner made the decision: "read(3): 더 도착할 데이터가 없고, …" */
export function errorMessage(e: RunError | undefined): string {
  if (!e) return '';
  if (e.name === 'Timeout') return timeoutText();
  if (e.blocked) return `${e.blocked.call}(${e.blocked.fd ?? ''}): ${blockedReason(e.blocked.call)}`;
  if (e.name === 'RunnerFault') return faultText(e);
  if (e.name === 'NoFreeAddress') {
    return translate({
      id: 'livecode.error.noFreeAddress',
      message: '호스트를 더 만들 수 없습니다: 10.0.0.0/24에 남은 주소가 없습니다.',
    });
  }
  if (e.name === 'ImportNotAllowed') {
    return translate(
      {id: 'livecode.error.import', message: 'Socket Lab 프로그램에서는 {what}을 쓸 수 없습니다. 소켓 함수만 쓰세요.'},
      {what: e.message.startsWith('import.meta') ? 'import.meta' : 'import()'},
    );
  }
  if (e.name === 'ThrownValue') {
    return (
      translate({id: 'livecode.error.thrownValue', message: '프로그램이 오류 객체가 아닌 값을 던졌습니다: {value}'}, {value: e.message}) +
      errorCutText(e)
    );
  }
  if (e.name === 'Cancelled') {
    return translate({id: 'livecode.error.cancelled', message: '실행이 취소되었습니다.'});
  }
  if (e.name === 'TooManyCalls' && e.limit !== undefined) {
    return translate(
      {id: 'livecode.error.tooManyCalls', message: '소켓 호출이 {limit}번에 이르러 멈췄습니다. 끝없는 반복이 있나요?'},
      {limit: e.limit.toLocaleString('en-US')},
    );
  }
  return e.message + errorCutText(e);
}

/** "프로세스 2(server)" / "process 2 (server)": a process the program spawned (RunError.process, RunResult.waiting) */
function processText(p: {pid: number; host: string}): string {
  return translate({id: 'livecode.process', message: '프로세스 {pid}({host})'}, {pid: p.pid, host: p.host});
}

/** After "done": the processes still waiting when the run ended, like a server left in accept(). */
function waitingText(result: RunResult): string {
  const waiting = result.waiting ?? [];
  if (waiting.length === 0) return '';
  const where = waiting
    .slice(0, 3)
    .map((w) =>
      w.line === null
        ? translate({id: 'livecode.waiting.call', message: '{process}: {call}()'}, {process: processText(w), call: w.call})
        : translate(
            {id: 'livecode.waiting.callLine', message: '{process}: {line}번째 줄 {call}()'},
            {process: processText(w), call: w.call, line: w.line},
          ),
    )
    .join(', ');
  const more = waiting.length > 3 ? ` … (+${waiting.length - 3})` : '';
  return ` ${translate(
    {id: 'livecode.status.waiting', message: '기다리던 프로세스는 그 자리에서 멈췄습니다(실제 서버는 멈출 때까지 돕니다): {where}'},
    {where: where + more},
  )}`;
}

/**
 * A syntax error's original text from the parser or the JavaScript engine (RunError.engine, English), labelled as
 * such; the message above it already says it in the reader's language. Null when there is none.
 */
export function engineLabel(e: RunError | undefined): string | null {
  if (!e?.engine) return null;
  return translate({
    id: 'livecode.error.engineLabel',
    message: '자바스크립트 엔진의 원래 메시지',
    description: 'Label before the JavaScript engine/parser error text (English) shown under a syntax error',
  });
}

/** One sentence for how the run ended: ok, the error, a syntax error, a call that would wait forever, or the 2 s stop. */
export function outcomeText(result: RunResult): string {
  const e = result.error;
  switch (result.status) {
    case 'ok':
      return translate({id: 'livecode.status.ok', message: '실행 완료: 오류 없이 끝났습니다.'}) + waitingText(result);
    case 'error':
      if (e?.process) {
        return translate(
          {id: 'livecode.status.processError', message: '오류({process}): {message}'},
          {process: processText(e.process), message: errorMessage(e)},
        );
      }
      return translate({id: 'livecode.status.error', message: '오류: {message}'}, {message: errorMessage(e)});
    case 'syntax-error':
      return translate({id: 'livecode.status.syntax', message: '문법 오류: {message}'}, {message: errorMessage(e)});
    case 'blocked':
      return translate(
        {id: 'livecode.status.blocked', message: '영원히 기다리게 되어 멈췄습니다: {message}'},
        {message: errorMessage(e)},
      );
    case 'timeout':
      return timeoutText();
  }
}

/** "3번째 줄" / "line 3" */
export function lineText(line: number): string {
  return translate({id: 'livecode.status.line', message: '{line}번째 줄'}, {line});
}

/** Under a program's output when the runner kept only its first lines (RunResult.truncated). */
export function truncatedText(): string {
  return translate({id: 'livecode.console.truncated', message: '출력이 너무 길어 뒷부분을 잘랐습니다.'});
}

/** After a console line the runner cut (ConsoleLine.cut): " … (1,234자 생략)" */
export function lineCutText(cut: number): string {
  return ` … ${translate({id: 'livecode.console.lineCut', message: '({n}자 생략)'}, {n: cut.toLocaleString('en-US')})}`;
}

/** When the runner kept only the first events of the trace (RunResult.traceCut); null when nothing was cut. */
export function traceCutText(result: RunResult): string | null {
  if (!result.traceCut) return null;
  return translate(
    {
      id: 'livecode.trace.cut',
      message: '기록이 너무 길어 처음 {kept}개 사건만 남겼습니다({cut}개 생략). 검사 도구와 단계는 그 앞부분만 보여 줍니다.',
    },
    {kept: result.trace.length.toLocaleString('en-US'), cut: result.traceCut.toLocaleString('en-US')},
  );
}
