/**
 * Checkers of the code challenges: pure functions of a RunResult (the simulator's final state and trace). Each one
 * lists every requirement with whether it was met, so the feedback can tell the reader what is still missing.
 */
import type {RunResult} from '../runner/types';
import type {Localized} from './types';
import {bytesSent, callsOf, finalSockets, readText, segmentsOf} from './traceFacts';

export interface Requirement {
  text: Localized;
  met: boolean;
}

export interface CheckResult {
  pass: boolean;
  requirements: Requirement[];
}

export type Checker = (result: RunResult) => CheckResult;

const WEB_HOST = 'www.example.com';
const ECHO_HOST = 'echo.example.com';
const READER = 'client';

function check(requirements: Requirement[]): CheckResult {
  return {pass: requirements.every((r) => r.met), requirements};
}

function endedOk(result: RunResult): Requirement {
  return {
    met: result.status === 'ok',
    text: {
      ko: '프로그램이 오류 없이 끝까지 실행된다',
      en: 'the program runs to its end without an error',
    },
  };
}

/** Overview: the four phases in order: socket, connect, write, read, close, all on the reader's computer. */
function fourPhases(result: RunResult): CheckResult {
  const names = callsOf(result.trace)
    .filter((c) => c.host === READER && c.res !== null && !('err' in c.res) && !('blocked' in c.res))
    .map((c) => c.req.call);
  const order = ['socket', 'connect', 'write', 'read', 'close'];
  let next = 0;
  for (const name of names) if (name === order[next]) next += 1;
  const closedAfterRead = next === order.length;
  // HTTP/1.0 ends the response with the server's close: read() must go on until it returns '' (EOF)
  const readToEof = callsOf(result.trace).some(
    (c) => c.host === READER && c.req.call === 'read' && c.res !== null && readText(c.res) === '',
  );
  return check([
    endedOk(result),
    {
      met: next >= 2,
      text: {ko: '소켓을 만든 뒤 connect()로 접속한다', en: 'creates a socket, then connects with connect()'},
    },
    {
      met: next >= 4,
      text: {ko: '접속한 뒤 write()로 보내고 read()로 받는다', en: 'after connecting, sends with write() and receives with read()'},
    },
    {
      met: readToEof,
      text: {
        ko: "read()가 빈 문자열(EOF)을 돌려줄 때까지 읽는다 (응답은 여러 조각으로 올 수 있다)",
        en: "reads until read() returns '' (EOF): a response may come in several pieces",
      },
    },
    {
      met: closedAfterRead,
      text: {ko: '마지막에 close()로 연결을 끊는다', en: 'finally disconnects with close()'},
    },
  ]);
}

/** Socket: socket() returns 3 twice — possible only when the first socket is closed before the second is made. */
function descriptorThreeTwice(result: RunResult): CheckResult {
  const threes = callsOf(result.trace).filter(
    (c) => c.host === READER && c.req.call === 'socket' && c.res !== null && 'ret' in c.res && c.res.ret === 3,
  );
  return check([
    endedOk(result),
    {
      met: threes.length >= 2,
      text: {ko: 'client에서 socket()이 3을 두 번 돌려준다', en: 'socket() returns 3 twice on client'},
    },
  ]);
}

/** Connect: a connect() that fails with ECONNREFUSED (caught or not). */
function refusedOnPurpose(result: RunResult): CheckResult {
  const refused = callsOf(result.trace).filter(
    (c) => c.host === READER && c.req.call === 'connect' && c.res !== null && 'err' in c.res && c.res.err === 'ECONNREFUSED',
  );
  const resetAnswer = segmentsOf(result.trace).some((s) => s.toHost === READER && s.flags.includes('R'));
  return check([
    {
      met: refused.length > 0,
      text: {ko: 'connect()가 ECONNREFUSED로 실패한다', en: 'a connect() fails with ECONNREFUSED'},
    },
    {
      met: resetAnswer,
      text: {ko: '상대가 SYN에 RST로 답한다', en: 'the peer answers the SYN with an RST'},
    },
  ]);
}

/** Read/write: send a message to the echo server (port 7) and read the same bytes back. */
function echoRoundTrip(result: RunResult): CheckResult {
  const sent = bytesSent(result.trace, READER, ECHO_HOST, 7);
  const reads = callsOf(result.trace)
    .filter((c) => c.host === READER && c.req.call === 'read')
    .map((c) => readText(c.res) ?? '')
    .join('');
  const logged = result.console.filter((l) => l.level === 'log').map((l) => l.text).join('\n');
  return check([
    endedOk(result),
    {
      met: sent.length > 0,
      text: {ko: 'echo.example.com의 7번 포트로 데이터를 보낸다', en: 'sends data to port 7 of echo.example.com'},
    },
    {
      met: sent.length > 0 && reads.includes(sent),
      text: {ko: '보낸 바이트를 read()로 그대로 돌려받는다', en: 'reads the same bytes back with read()'},
    },
    {
      met: sent.length > 0 && logged.includes(sent.trim()),
      text: {ko: '돌려받은 내용을 console.log로 출력한다', en: 'prints what came back with console.log'},
    },
  ]);
}

/** Close: the reader's computer, not the peer, ends in TIME-WAIT (it closed first). */
function clientTimeWait(result: RunResult): CheckResult {
  const socks = finalSockets(result.trace);
  const clientWaits = socks.filter((s) => s.host === READER && s.state === 'TIME-WAIT');
  const othersWait = socks.filter((s) => s.host !== READER && s.state === 'TIME-WAIT');
  return check([
    endedOk(result),
    {
      met: clientWaits.length > 0,
      text: {ko: 'client의 소켓이 TIME-WAIT로 끝난다', en: "a socket of client ends in TIME-WAIT"},
    },
    {
      met: othersWait.length === 0,
      text: {ko: '상대(서버) 쪽에는 TIME-WAIT가 남지 않는다', en: 'no TIME-WAIT is left on the peer (server) side'},
    },
  ]);
}

/** HTTP: fetch /index.html and /logo.png from www.example.com over one connection. */
function twoFilesOneConnection(result: RunResult): CheckResult {
  const syns = segmentsOf(result.trace).filter(
    (s) => s.fromHost === READER && s.toHost === WEB_HOST && s.dst.port === 80 && s.flags === 'S',
  );
  const requests = bytesSent(result.trace, READER, WEB_HOST, 80);
  const replies = bytesSent(result.trace, WEB_HOST, READER);
  const readSomething = callsOf(result.trace).some((c) => c.host === READER && c.req.call === 'read' && !!readText(c.res));
  return check([
    endedOk(result),
    {
      met: syns.length === 1,
      text: {
        ko: `www.example.com:80으로 가는 SYN이 정확히 하나다 (연결 하나, 이번 실행: ${syns.length}개)`,
        en: `exactly one SYN goes to www.example.com:80 (one connection; this run: ${syns.length})`,
      },
    },
    {
      met: /GET \/index\.html /.test(requests) && /GET \/logo\.png /.test(requests),
      text: {ko: '/index.html과 /logo.png를 모두 요청한다', en: 'requests both /index.html and /logo.png'},
    },
    {
      met: (replies.match(/HTTP\/1\.[01] 200 /g) ?? []).length >= 2 && readSomething,
      text: {ko: '두 응답(200)이 돌아오고 read()로 읽는다', en: 'two responses (200) come back and are read with read()'},
    },
  ]);
}

/** Every checker by the name quiz data refers to. */
export const checkers: Record<string, Checker> = {
  'four-phases': fourPhases,
  'descriptor-three-twice': descriptorThreeTwice,
  'refused-on-purpose': refusedOnPurpose,
  'echo-round-trip': echoRoundTrip,
  'client-time-wait': clientTimeWait,
  'two-files-one-connection': twoFilesOneConnection,
};

export function runChecker(name: string, result: RunResult): CheckResult {
  const checker = checkers[name];
  if (!checker) throw new Error(`unknown checker "${name}"`);
  return checker(result);
}
