/** Chapter 5 (docs/05-close.mdx): close(), the four steps, FIN/ACK, TIME-WAIT, RST. */
import type {ChapterQuiz} from '../types';
import {listenAndConnect} from './snippets';


const stateOptions = ['ESTABLISHED', 'FIN-WAIT-2', 'CLOSE-WAIT', 'LAST-ACK', 'TIME-WAIT', 'CLOSED'];

export const closeQuiz: ChapterQuiz = {
  chapter: 'close',
  title: {ko: '5장 연결 끊기', en: 'Chapter 5, disconnecting'},
  questions: [
    {
      id: 'close-what-it-does',
      kind: 'single',
      section: 'close#what-close-does',
      notePoints: ['close-disconnects', 'close-separates-and-destroys'],
      prompt: {ko: '`close(fd)`를 호출하면 어떻게 되나요?', en: 'What happens when a program calls `close(fd)`?'},
      choices: [
        {
          id: 'separate-destroy',
          text: {
            ko: '소켓 사이의 파이프가 분리되고(`FIN`) 소켓이 말소된다. 디스크립터 번호는 곧바로 빈다',
            en: 'The pipe between the sockets is separated (`FIN`) and the socket destroyed; the descriptor number is free at once',
          },
        },
        {id: 'rst', text: {ko: '`RST`를 보내 연결을 그 자리에서 끊는다. 보내던 데이터도 버린다', en: 'It sends `RST` and drops the connection on the spot, unsent data included'}},
        {id: 'wait-server', text: {ko: '서버가 먼저 끊을 때까지 아무 일도 일어나지 않는다', en: 'Nothing happens until the server closes first'}},
        {id: 'keep-fd', text: {ko: '디스크립터는 다음 연결을 위해 계속 유지된다', en: 'The descriptor stays reserved for the next connection'}},
      ],
      correct: 'separate-destroy',
      explanation: {
        ko: '`close()`는 연결을 끊어요. 스택이 `FIN`을 보내 파이프를 분리하고, 애플리케이션 쪽에서는 소켓이 사라져 디스크립터 번호가 비어요. 이미 쓴 데이터는 `FIN`보다 먼저 나가요. `RST`는 읽지 않은 데이터가 남은 경우 같은 특별한 때만 나가요(아래 참고).',
        en: '`close()` disconnects: the stack sends `FIN` to separate the pipe, and on the application’s side the socket is gone and its number free. Data already written still goes out before the `FIN`; an `RST` comes only in special cases (unread data, see below).',
      },
    },
    {
      id: 'close-twice',
      kind: 'predict',
      section: 'close#what-close-does',
      notePoints: ['close-separates-and-destroys'],
      prompt: {
        ko: '같은 디스크립터를 두 번 닫으면 어떤 errno로 실패할까요?',
        en: 'Closing the same descriptor twice fails with which errno?',
      },
      program: `const fd = socket();
close(fd);
close(fd);`,
      measure: {type: 'errno'},
      expected: 'EBADF',
      options: ['EBADF', 'ENOTCONN', 'EPIPE', 'none'],
      optionLabels: {
        EBADF: {ko: '잘못된 디스크립터', en: 'bad file descriptor'},
        ENOTCONN: {ko: '연결되어 있지 않음', en: 'not connected'},
        EPIPE: {ko: '끊어진 파이프', en: 'broken pipe'},
        none: {ko: '오류 없음', en: 'no error'},
      },
      explanation: {
        ko: '첫 `close()`로 소켓이 말소되어 그 번호는 더 이상 아무것도 가리키지 않아요. 그래서 두 번째 `close()`는 `EBADF`(Bad file descriptor)로 실패해요.',
        en: 'The first `close()` destroyed the socket, so the number names nothing any more and the second `close()` fails with `EBADF` (Bad file descriptor).',
      },
    },
    {
      id: 'close-four-steps-order',
      kind: 'single',
      section: 'close#four-steps',
      notePoints: ['server-calls-close', 'client-is-told', 'read-reports-end', 'browser-closes'],
      prompt: {
        ko: '웹 서버가 먼저 끊을 때, 노트의 네 단계를 올바른 순서로 고르세요.',
        en: 'When the web server disconnects first, pick the note’s four steps in the right order.',
      },
      choices: [
        {
          id: 'right',
          text: {
            ko: '서버가 `close()` → 클라이언트에 끊김이 전달됨(`FIN`) → 브라우저의 `read()`가 끝(EOF)을 알림 → 브라우저도 `close()`',
            en: 'the server calls `close()` → the client is told (`FIN`) → the browser’s `read()` reports the end (EOF) → the browser calls `close()` too',
          },
        },
        {
          id: 'browser-first',
          text: {
            ko: '브라우저가 `close()` → 서버의 `read()`가 EOF → 서버가 `close()` → 클라이언트에 전달',
            en: 'the browser calls `close()` → the server’s `read()` gets EOF → the server closes → the client is told',
          },
        },
        {
          id: 'read-first',
          text: {
            ko: '브라우저의 `read()`가 EOF → 서버가 `close()` → 브라우저가 `close()` → 클라이언트에 전달',
            en: 'the browser’s `read()` gets EOF → the server closes → the browser closes → the client is told',
          },
        },
        {
          id: 'both-at-once',
          text: {
            ko: '양쪽이 동시에 `close()` → 둘 다 EOF → 끝',
            en: 'both call `close()` at the same moment → both get EOF → done',
          },
        },
      ],
      correct: 'right',
      explanation: {
        ko: '① 서버가 `close()`해 `FIN`을 보내고 ② 클라이언트 스택이 이를 받아 기록하면 ③ 브라우저의 `read()`가 남은 데이터를 다 준 뒤 EOF로 끝을 알리고 ④ 브라우저도 `close()`해요.',
        en: '① The server closes and sends `FIN`; ② the client’s stack records it; ③ the browser’s `read()` hands over what is left, then reports the end with EOF; ④ the browser closes too.',
      },
    },
    {
      id: 'close-eof-bytes',
      kind: 'short',
      section: 'close#four-steps',
      notePoints: ['read-reports-end', 'client-is-told'],
      prompt: {
        ko: '상대가 연결을 끊었고 남은 데이터도 다 읽었어요. 이제 `read()`는 몇 바이트를 돌려주나요? (숫자)',
        en: 'The peer has closed and every byte has been read. How many bytes does `read()` return now? (a number)',
      },
      accept: ['0', '0바이트', '0 bytes', '0byte', 'zero', '영'],
      solution: {ko: '0 (Socket Lab에서는 빈 문자열 `\'\'`, EOF)', en: '0 (in Socket Lab the empty string `\'\'`: EOF)'},
      inputMode: 'numeric',
      explanation: {
        ko: '0바이트 읽기가 EOF, "송수신이 끝났다"는 통지예요. 이걸 받으면 애플리케이션도 `close()`를 불러야 해요.',
        en: 'Reading 0 bytes is EOF, the notice that the exchange is over; on it, the application should call `close()` too.',
      },
    },
    {
      id: 'close-close-wait',
      kind: 'predict',
      section: 'close#states',
      notePoints: ['client-is-told'],
      prompt: {
        ko: '서버가 먼저 끊었는데 클라이언트는 `read()`도 `close()`도 하지 않고 끝나요. 클라이언트 소켓은 어떤 상태로 남을까요?',
        en: 'The server closes first, and the client neither reads nor closes. In which state is the client’s socket left?',
      },
      program: `${listenAndConnect}
on('server', () => close(conn));
// the client does nothing more`,
      measure: {type: 'final-state', host: 'client', port: 8080},
      expected: 'CLOSE-WAIT',
      options: stateOptions,
      explanation: {
        ko: '클라이언트 스택은 `FIN`을 받고 `ACK`로 답한 뒤, 애플리케이션이 `close()`하기를 `CLOSE-WAIT`에서 기다려요. 끊김은 기록되었지만 애플리케이션이 아직 알아채지 않았어요.',
        en: 'The client’s stack acknowledged the `FIN` and now waits in `CLOSE-WAIT` for its application to `close()`: the end is recorded, but the application has not noticed yet.',
      },
    },
    {
      id: 'close-time-wait-why',
      kind: 'single',
      section: 'close#time-wait',
      notePoints: ['either-side-disconnects'],
      prompt: {ko: '`TIME-WAIT`는 어느 쪽에 남고, 왜 기다리나요?', en: 'Which side keeps `TIME-WAIT`, and why does it wait?'},
      choices: [
        {
          id: 'active',
          text: {
            ko: '먼저 끊은 쪽. 마지막 `ACK`가 사라졌을 때 다시 답하고, 늦게 도착하는 옛 세그먼트를 걸러 내기 위해',
            en: 'The side that closed first: to answer again if the last `ACK` got lost, and to let stray old segments die out',
          },
        },
        {id: 'passive', text: {ko: '나중에 끊은 쪽. 상대가 다시 접속할 수 있게', en: 'The side that closed last, so the peer can reconnect'}},
        {id: 'server', text: {ko: '언제나 서버. 다음 클라이언트를 기다리려고', en: 'Always the server, to wait for the next client'}},
        {id: 'client', text: {ko: '언제나 클라이언트. 응답을 마저 받으려고', en: 'Always the client, to receive the rest of the reply'}},
      ],
      correct: 'active',
      explanation: {
        ko: '마지막 `ACK`를 보낸 쪽, 곧 먼저 끊은 쪽이 2MSL(리눅스 60초) 동안 연결을 기억해요. 잃어버린 `ACK`를 다시 보내고, 같은 주소·포트로 새 연결이 생겨도 옛 세그먼트와 섞이지 않게 하려는 거예요.',
        en: 'The side that sent the last `ACK`, the one that closed first, remembers the connection for 2MSL (60 s on Linux): to resend a lost `ACK`, and so old segments cannot mix into a new connection on the same addresses and ports.',
      },
    },
    {
      id: 'close-eaddrinuse-restart',
      kind: 'single',
      section: 'close#time-wait',
      notePoints: [],
      prompt: {
        ko: '클라이언트들과 연결된 서버를 멈추고 곧바로 다시 띄웠더니 `bind()`가 `EADDRINUSE`로 실패해요. 옛 프로세스는 이미 끝났어요. 왜 그렇고, 무엇이 해결책인가요?',
        en: 'You stop a server that had clients connected and start it again at once: `bind()` fails with `EADDRINUSE`. The old process has exited. Why, and what is the fix?',
      },
      choices: [
        {
          id: 'time-wait-reuseaddr',
          text: {
            ko: '옛 서버가 먼저 끊은 연결들이 `TIME-WAIT`로 그 포트를 잡고 있다. 리슨 소켓에 `bind()` 전에 `SO_REUSEADDR`를 켠다 (리눅스는 옛 소켓과 새 소켓 모두에 켜져 있어야 하니 처음부터 켜 둔다)',
            en: 'The connections the old server closed first hold the port in `TIME-WAIT`. Set `SO_REUSEADDR` on the listening socket before `bind()` (Linux wants it on both the old and the new socket, so always set it)',
          },
        },
        {
          id: 'zombie',
          text: {
            ko: '옛 프로세스가 아직 포트를 쥐고 있다. `kill -9`로 확실히 끝내야 한다',
            en: 'The old process still holds the port; finish it for sure with `kill -9`',
          },
        },
        {
          id: 'port-zero',
          text: {
            ko: '포트 번호를 0으로 바꿔 `bind()`하면 된다',
            en: 'Bind to port 0 instead',
          },
        },
        {
          id: 'clients-close',
          text: {
            ko: '클라이언트들이 아직 연결을 닫지 않았다. 클라이언트가 모두 `close()`할 때까지 기다려야 한다',
            en: 'The clients have not closed yet; wait until every client calls `close()`',
          },
        },
      ],
      correct: 'time-wait-reuseaddr',
      explanation: {
        ko: '먼저 끊은 쪽이 `TIME-WAIT`에 남아요. 서버가 먼저 끊었다면 서버의 주소와 포트가 60초 동안 잡혀 있어서, `SO_REUSEADDR` 없는 `bind()`는 `EADDRINUSE`가 돼요. 프로세스는 이미 없으니 `kill`할 것도 없고, 포트 0은 커널이 아무 포트나 고르게 해서 클라이언트가 서버를 찾을 수 없어요. "내 컴퓨터에서 해 보기"의 프로그램이 이것을 그대로 보여 줘요.',
        en: 'The side that closed first stays in `TIME-WAIT`. When the server closed first, its address and port are held for 60 s, so a `bind()` without `SO_REUSEADDR` gets `EADDRINUSE`. The process is gone, so there is nothing to kill, and port 0 lets the kernel pick any port, where clients cannot find the server. The program in "Try it on your machine" shows exactly this.',
      },
    },
    {
      id: 'close-server-time-wait',
      kind: 'predict',
      section: 'close#try-it',
      notePoints: ['server-calls-close', 'read-reports-end', 'browser-closes', 'server-usually-disconnects'],
      prompt: {
        ko: '서버가 먼저 `close()`하고, 클라이언트는 EOF를 읽은 뒤 `close()`해요. 서버 쪽 연결은 어떤 상태로 남을까요?',
        en: 'The server closes first; the client reads EOF, then closes. In which state is the server’s side of the connection left?',
      },
      program: `${listenAndConnect}
on('server', () => close(conn));   // ① server closes
const r = read(fd, 100);           // ②③ EOF
console.log(JSON.stringify(r));
close(fd);                         // ④ client closes`,
      measure: {type: 'final-state', host: 'server', port: 8080},
      expected: 'TIME-WAIT',
      options: stateOptions,
      explanation: {
        ko: '먼저 끊은 서버는 `FIN-WAIT-1` → `FIN-WAIT-2`를 지나, 클라이언트의 `FIN`에 마지막 `ACK`를 보내고 `TIME-WAIT`에 남아요. 클라이언트는 `CLOSE-WAIT` → `LAST-ACK`를 거쳐 사라져요.',
        en: 'The server closed first: `FIN-WAIT-1`, `FIN-WAIT-2`, then it sends the last `ACK` for the client’s `FIN` and stays in `TIME-WAIT`. The client went `CLOSE-WAIT` → `LAST-ACK` and is gone.',
      },
    },
    {
      id: 'close-three-segments',
      kind: 'predict',
      section: 'close#four-steps',
      notePoints: [],
      prompt: {
        ko: '요청과 응답을 한 번 주고받은 뒤 클라이언트가 먼저 `close()`하고, 서버는 그 `FIN`이 도착하자마자(40 ms 안에) `close()`해요. 첫 `FIN`부터 오가는 세그먼트는 어떻게 될까요?',
        en: 'After one request and response, the client closes first, and the server closes as soon as that `FIN` arrives (within 40 ms). Which segments go back and forth from the first `FIN` on?',
      },
      program: `${listenAndConnect}
write(fd, 'GET / HTTP/1.1\\r\\nHost: server\\r\\n\\r\\n');
on('server', () => { read(conn, 100); write(conn, 'HTTP/1.1 200 OK\\r\\n\\r\\n'); });
read(fd, 100);
close(fd);                          // client: FIN
sleep(10);                          // the FIN reaches the server (5 ms)
on('server', () => close(conn));    // server closes at once`,
      measure: {type: 'close-trace', a: 'client', b: 'server'},
      expected: 'FA FA A',
      options: ['FA A FA A', 'FA FA A', 'FA A FA', 'FA R'],
      optionLabels: {
        'FA A FA A': {ko: 'FIN, ACK, FIN, ACK', en: 'FIN, ACK, FIN, ACK'},
        'FA FA A': {ko: 'FIN, FIN+ACK, ACK', en: 'FIN, FIN+ACK, ACK'},
        'FA A FA': {ko: 'FIN, ACK, FIN (마지막 ACK 없음)', en: 'FIN, ACK, FIN (no last ACK)'},
        'FA R': {ko: 'FIN, 그리고 RST', en: 'FIN, then RST'},
      },
      explanation: {
        ko: '리눅스는 받은 `FIN`의 ACK를 곧바로 보내지 않고 잠시(최소 40 ms) 미뤄요. 그 사이에 서버가 `close()`하면 미뤄 둔 ACK가 서버의 `FIN`에 함께 실려 가서 세그먼트가 세 개예요: `FIN` → `FIN+ACK` → `ACK`. 서버가 더 늦게 닫으면 ACK가 따로 나가 네 개가 돼요. 마지막 `ACK`는 어느 쪽이든 꼭 있어요. 그래야 서버의 `FIN`이 도착했다는 것을 서버가 알아요.',
        en: 'Linux does not acknowledge a received `FIN` at once but delays the ACK a little (40 ms at least). When the server closes in the meantime, the delayed ACK rides on the server’s `FIN`, giving three segments: `FIN` → `FIN+ACK` → `ACK`. When the server closes later, the ACK leaves alone and there are four. The last `ACK` is always there: it tells the server its `FIN` arrived.',
      },
    },
    {
      id: 'close-close-wait-leak',
      kind: 'single',
      section: 'close#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '서버에서 `ss -tan`을 보니 `CLOSE-WAIT` 연결이 3,000개이고 계속 늘어나요. 무엇이 버그인가요?',
        en: '`ss -tan` on a server shows 3,000 connections in `CLOSE-WAIT`, and the number keeps growing. What is the bug?',
      },
      choices: [
        {
          id: 'server-never-closes',
          text: {
            ko: '서버 프로그램이 `read()`가 EOF를 돌려준 뒤에도 그 소켓을 `close()`하지 않는다 (디스크립터가 샌다)',
            en: 'The server program does not `close()` a socket after its `read()` returned EOF (it leaks descriptors)',
          },
        },
        {
          id: 'clients-never-close',
          text: {
            ko: '클라이언트들이 연결을 닫지 않고 떠났다',
            en: 'The clients went away without closing their connections',
          },
        },
        {
          id: 'time-wait-too-long',
          text: {
            ko: '`TIME-WAIT`가 너무 길다. 커널 설정으로 줄여야 한다',
            en: '`TIME-WAIT` is too long; shorten it in the kernel settings',
          },
        },
        {
          id: 'lost-acks',
          text: {
            ko: '네트워크가 마지막 `ACK`를 잃어버리고 있다',
            en: 'The network is losing the last `ACK`s',
          },
        },
      ],
      correct: 'server-never-closes',
      explanation: {
        ko: '`CLOSE-WAIT`는 상대가 보낸 `FIN`을 받았고, 이제 내 프로그램이 `close()`하기를 기다리는 상태예요. 클라이언트는 이미 닫았어요. 이 상태는 시간이 지나도 저절로 끝나지 않으니, 늘어나기만 한다면 서버 코드가 EOF를 보고도 닫지 않는 거예요. `TIME-WAIT`는 먼저 닫은 쪽의 상태라 여기와 상관없어요.',
        en: '`CLOSE-WAIT` means the peer’s `FIN` arrived and the connection now waits for our program to `close()`: the clients did close. No timer ends this state, so a growing count means the server code sees EOF and never closes. `TIME-WAIT` belongs to the side that closed first and has nothing to do with it.',
      },
    },
    {
      id: 'close-rst',
      kind: 'predict',
      section: 'close#rst',
      notePoints: ['close-separates-and-destroys'],
      prompt: {
        ko: '서버가 받은 데이터를 읽지 않은 채 `close()`해요. 클라이언트의 `read()`는 어떻게 될까요?',
        en: 'The server closes without reading the data it received. What happens to the client’s `read()`?',
      },
      program: `${listenAndConnect}
write(fd, 'unread');
sleep(100);                        // let the data arrive
on('server', () => close(conn));   // data never read
try {
  console.log(JSON.stringify(read(fd, 100)));
} catch (e) {
  console.log(e.errno);
}
close(fd);`,
      measure: {type: 'last-log'},
      expected: 'ECONNRESET',
      options: ['""', 'ECONNRESET', 'EPIPE', '"unread"'],
      optionLabels: {
        '""': {ko: '빈 문자열(EOF)', en: 'empty string (EOF)'},
        ECONNRESET: {ko: '상대가 연결을 리셋함', en: 'connection reset by peer'},
        EPIPE: {ko: '끊어진 파이프', en: 'broken pipe'},
        '"unread"': {ko: '보낸 데이터가 되돌아옴', en: 'the data comes back'},
      },
      explanation: {
        ko: '읽지 않은 데이터를 두고 닫으면 리눅스는 `FIN` 대신 `RST`를 보내요. `RST`를 받은 클라이언트의 `read()`는 `ECONNRESET`으로 실패하고, `TIME-WAIT`는 남지 않아요.',
        en: 'Closing with unread data makes Linux send `RST` instead of `FIN`; the client’s next `read()` fails with `ECONNRESET`, and no `TIME-WAIT` is left.',
      },
    },
    {
      id: 'close-client-time-wait-code',
      kind: 'code',
      section: 'close#summary',
      notePoints: ['either-side-disconnects', 'close-disconnects'],
      prompt: {
        ko: '이 프로그램에서는 서버가 먼저 끊어서 서버에 `TIME-WAIT`가 남아요. 클라이언트가 먼저 끊도록 바꿔서, `client` 쪽에만 `TIME-WAIT`가 남게 하세요.',
        en: 'Here the server closes first, so the server keeps `TIME-WAIT`. Change it so the client closes first and only `client` is left with `TIME-WAIT`.',
      },
      starter: `${listenAndConnect}
on('server', () => close(conn));   // server closes first
const r = read(fd, 100);
close(fd);
`,
      solution: `${listenAndConnect}
close(fd);                         // client closes first
on('server', () => {
  read(conn, 100);                 // '' (EOF)
  close(conn);
});`,
      checker: 'client-time-wait',
      explanation: {
        ko: '`TIME-WAIT`는 먼저 끊은 쪽에 남아요. 클라이언트가 먼저 `close()`하고, 서버는 EOF를 읽은 뒤 `close()`하면 클라이언트가 `TIME-WAIT`를 떠안아요.',
        en: '`TIME-WAIT` stays with whoever closes first: let the client `close()` first and the server close after reading EOF, and the client keeps `TIME-WAIT`.',
      },
    },
  ],
};
