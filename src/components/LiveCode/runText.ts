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

/** The error's own words, localized where the runner made the decision: "read(3): 더 도착할 데이터가 없고, …" */
export function errorMessage(e: RunError | undefined): string {
  if (!e) return '';
  if (e.name === 'Timeout') return timeoutText();
  if (e.blocked) return `${e.blocked.call}(${e.blocked.fd ?? ''}): ${blockedReason(e.blocked.call)}`;
  if (e.name === 'WorkerError') {
    // the runner's chunk or worker failed to load (offline?) or crashed; the next Run starts a fresh one
    return translate({
      id: 'livecode.error.worker',
      message: '실행기를 불러오지 못했습니다. 네트워크 연결을 확인하고 다시 실행해 보세요.',
    });
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
  return e.message;
}

/** One sentence for how the run ended: ok, the error, a syntax error, a call that would wait forever, or the 2 s stop. */
export function outcomeText(result: RunResult): string {
  const e = result.error;
  switch (result.status) {
    case 'ok':
      return translate({id: 'livecode.status.ok', message: '실행 완료: 오류 없이 끝났습니다.'});
    case 'error':
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
