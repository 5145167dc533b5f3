/** Chapter 3½ (docs/server.mdx): bind(), listen() and the backlog, accept(), the listening vs the connected socket, the 4-tuple. */
import type {ChapterQuiz} from '../types';

const errnoLabels = {
  EINVAL: {ko: '잘못된 인자', en: 'invalid argument'},
  EADDRINUSE: {ko: '주소가 이미 쓰이는 중', en: 'address already in use'},
  ECONNRESET: {ko: '상대가 연결을 리셋함', en: 'connection reset by peer'},
  EPIPE: {ko: '끊어진 파이프', en: 'broken pipe'},
  ENOTCONN: {ko: '연결되어 있지 않음', en: 'not connected'},
  none: {ko: '오류 없음', en: 'no error'},
};

export const serverQuiz: ChapterQuiz = {
  chapter: 'server',
  title: {ko: '3½장 서버 쪽', en: 'Chapter 3½, the server side'},
  questions: [
    {
      id: 'server-calls-send-nothing',
      kind: 'single',
      section: 'server#server-calls',
      notePoints: ['server-socket-first'],
      prompt: {
        ko: '서버가 `socket()`, `bind()`, `listen()`, `accept()`를 차례로 불러요. 클라이언트의 `SYN`에 답하는 `SYN+ACK`는 언제 나가나요?',
        en: 'A server calls `socket()`, `bind()`, `listen()`, `accept()` in turn. When does the `SYN+ACK` that answers a client’s `SYN` go out?',
      },
      choices: [
        {
          id: 'stack-after-listen',
          text: {
            ko: '`listen()` 뒤 `SYN`이 도착하면 스택이 알아서 보낸다. 네 호출은 어느 것도 세그먼트를 보내지 않는다',
            en: 'When a `SYN` arrives after `listen()`, the stack sends it by itself; none of the four calls sends a segment',
          },
        },
        {
          id: 'in-accept',
          text: {ko: '서버가 `accept()`를 부를 때 보낸다. 그 전에는 클라이언트의 `connect()`가 기다린다', en: 'When the server calls `accept()`; until then the client’s `connect()` waits'},
        },
        {
          id: 'in-listen',
          text: {ko: '`listen()`을 부르는 순간 보낸다', en: 'At the moment `listen()` is called'},
        },
        {
          id: 'in-bind',
          text: {ko: '`bind()`가 포트를 알리면서 보낸다', en: 'When `bind()` announces the port'},
        },
      ],
      correct: 'stack-after-listen',
      explanation: {
        ko: '네 호출은 모두 내 컴퓨터 안의 일이에요. `listen()`으로 소켓이 `LISTEN`이 되면, 그 포트로 오는 `SYN`에는 스택이 `SYN+ACK`로 답하고 핸드셰이크를 끝내요. 그래서 서버가 `accept()`를 부르기 전에도 클라이언트의 `connect()`는 성공해요.',
        en: 'All four calls happen inside the server’s own computer. Once `listen()` has put the socket in `LISTEN`, the stack answers a `SYN` to that port with `SYN+ACK` and completes the handshake, which is why the client’s `connect()` succeeds even before the server calls `accept()`.',
      },
    },
    {
      id: 'server-bind-again',
      kind: 'predict',
      section: 'server#bind',
      notePoints: [],
      prompt: {
        ko: '8080번에 `bind()`한 소켓을 같은 소켓 그대로 8081번에 다시 `bind()`해요. 두 번째 `bind()`는 어떻게 되나요?',
        en: 'A socket bound to 8080 is bound again, the same socket, to 8081. What does the second `bind()` do?',
      },
      program: `const s = socket();
bind(s, INADDR_ANY, 8080);
bind(s, INADDR_ANY, 8081);`,
      measure: {type: 'errno'},
      expected: 'EINVAL',
      options: ['EINVAL', 'EADDRINUSE', 'none'],
      optionLabels: errnoLabels,
      explanation: {
        ko: '소켓 하나에는 주소를 한 번만 붙일 수 있어요. 이미 포트가 있는 소켓에 다시 `bind()`하면 리눅스는 `EINVAL`로 거절해요. 8081번은 비어 있으니 `EADDRINUSE`가 아니고, 옮겨 가지도 않아요. 다른 포트가 필요하면 새 소켓을 만드세요.',
        en: 'A socket gets its address once. A `bind()` on a socket that already has a port is refused by Linux with `EINVAL`. Port 8081 is free, so it is not `EADDRINUSE`, and the socket does not move either: make a new socket for another port.',
      },
    },
    {
      id: 'server-backlog-count',
      kind: 'predict',
      section: 'server#listen',
      notePoints: [],
      prompt: {
        ko: '서버가 `listen(lfd, 2)`만 하고 `accept()`는 부르지 않아요. 클라이언트 다섯이 차례로 접속을 시도하면 `connect()`가 성공하는 클라이언트는 몇인가요?',
        en: 'The server calls `listen(lfd, 2)` and never `accept()`. Five clients try to connect one after another. How many `connect()` calls succeed?',
      },
      program: `const SERVER = '10.0.0.3';
on('server', () => {
  const lfd = socket();
  bind(lfd, INADDR_ANY, 8080);
  listen(lfd, 2);
});
let connected = 0;
for (const name of ['a', 'b', 'c', 'd', 'e']) {
  on(name, () => {
    const fd = socket();
    try {
      connect(fd, SERVER, 8080);
      connected += 1;
    } catch (e) {
      // the SYN was dropped and retried until the stack gave up
    }
  });
}
console.log(connected);`,
      measure: {type: 'last-log'},
      expected: '3',
      options: ['0', '2', '3', '5'],
      optionLabels: {
        '0': {ko: '`accept()`가 없으니 아무도', en: 'none: nobody calls `accept()`'},
        '2': {ko: '백로그만큼', en: 'as many as the backlog'},
        '3': {ko: '백로그 + 1', en: 'backlog + 1'},
        '5': {ko: '모두', en: 'all of them'},
      },
      inputMode: 'numeric',
      explanation: {
        ko: '핸드셰이크는 스택이 끝내니 `accept()` 없이도 접속은 성공해요. 다만 끝난 연결은 대기열에서 기다리고, 리눅스의 대기열은 백로그 + 1개, 여기서는 3개까지 담아요. 넷째와 다섯째 클라이언트의 `SYN`은 답 없이 버려지고, 재전송 끝에 `ETIMEDOUT`으로 실패해요.',
        en: 'The stack completes the handshake, so connecting needs no `accept()`. Finished connections wait in the queue, though, and Linux’s queue holds backlog + 1, here 3. The fourth and fifth clients’ `SYN`s are dropped without an answer and, after their retries, fail with `ETIMEDOUT`.',
      },
    },
    {
      id: 'server-accept-fd',
      kind: 'predict',
      section: 'server#accept',
      notePoints: [],
      prompt: {
        ko: '서버가 소켓 셋(3, 4, 5번)을 만들고 4번을 닫은 뒤 연결 하나를 `accept()`해요. `accept()`가 돌려주는 번호는?',
        en: 'The server makes three sockets (3, 4 and 5), closes 4, then `accept()`s one connection. Which number does `accept()` return?',
      },
      program: `const SERVER = '10.0.0.3';
let lfd = 0;
on('server', () => {
  lfd = socket();                // 3
  bind(lfd, INADDR_ANY, 8080);
  listen(lfd, 5);
  const t = socket();            // 4
  socket();                      // 5
  close(t);
});
const fd = socket();
connect(fd, SERVER, 8080);
on('server', () => {
  console.log(accept(lfd));
});`,
      measure: {type: 'last-log'},
      expected: '4',
      options: ['3', '4', '6'],
      optionLabels: {
        '3': {ko: '리스닝 소켓의 번호 그대로', en: 'the listening socket’s own number'},
        '4': {ko: '비어 있는 가장 작은 번호', en: 'the lowest free number'},
        '6': {ko: '지금까지 쓴 번호 다음', en: 'the next number after those used so far'},
      },
      inputMode: 'numeric',
      explanation: {
        ko: '`accept()`는 연결마다 새 소켓을 만들고, 새 디스크립터는 `socket()`과 같은 규칙으로 비어 있는 가장 작은 번호를 받아요. 3번 리스닝 소켓은 그대로 남아 다음 접속을 기다려요.',
        en: '`accept()` makes a new socket per connection, and its descriptor follows the same rule as `socket()`: the lowest free number. The listening socket, 3, stays to wait for the next connection.',
      },
    },
    {
      id: 'server-close-listener',
      kind: 'predict',
      section: 'server#listening-vs-connected',
      notePoints: [],
      prompt: {
        ko: '클라이언트가 접속해 `hi`를 보냈지만, 서버는 그 연결을 `accept()`하기 전에 리스닝 소켓을 닫아요. 클라이언트의 다음 `read()`는?',
        en: 'A client connects and sends `hi`, but the server closes its listening socket before `accept()`ing the connection. What does the client’s next `read()` give?',
      },
      program: `const SERVER = '10.0.0.3';
let lfd = 0;
on('server', () => {
  lfd = socket();
  bind(lfd, INADDR_ANY, 8080);
  listen(lfd, 5);
});
const fd = socket();
connect(fd, SERVER, 8080);
write(fd, 'hi');
on('server', () => {
  close(lfd);                    // no accept() before this
});
read(fd, 100);`,
      measure: {type: 'errno'},
      expected: 'ECONNRESET',
      options: ['ECONNRESET', 'none', 'EPIPE'],
      optionLabels: {
        ECONNRESET: {ko: '연결이 리셋됨', en: 'connection reset'},
        none: {ko: '오류 없이 EOF(빈 문자열)', en: 'no error: EOF (an empty string)'},
        EPIPE: {ko: '끊어진 파이프', en: 'broken pipe'},
      },
      explanation: {
        ko: '대기열에서 `accept()`를 기다리던 연결은 리스닝 소켓에 속해 있어요. 리스닝 소켓을 닫으면 리눅스는 그런 연결에 `RST`를 보내 끊어서, 클라이언트의 `read()`는 `ECONNRESET`이 돼요. 이미 `accept()`로 받은 연결은 다르게, 리스닝 소켓을 닫아도 그대로 이어져요.',
        en: 'A connection still waiting in the queue for `accept()` belongs to the listening socket. Closing the listener makes Linux reset such connections with `RST`, so the client’s `read()` gives `ECONNRESET`. Connections already `accept()`ed are different: they carry on after the listener is closed.',
      },
    },
    {
      id: 'server-accept-loop-end',
      kind: 'predict',
      section: 'server#accept-loop',
      notePoints: [],
      prompt: {
        ko: '`accept()` 반복문 서버와, 그 서버에 한 번씩 다녀가는 클라이언트 셋을 프로세스로 띄워요. 클라이언트가 모두 끝난 뒤 실행은 어떻게 끝나나요?',
        en: 'An `accept()`-loop server and three clients that each visit it once run as processes. Once every client is done, how does the run end?',
      },
      program: `function server() {
  const lfd = socket();
  bind(lfd, INADDR_ANY, 9000);
  listen(lfd, 5);
  while (true) {
    const conn = accept(lfd);
    write(conn, read(conn, 100).toUpperCase());
    close(conn);
  }
}
function client(word: string) {
  const fd = socket();
  connect(fd, resolve('server'), 9000);
  write(fd, word);
  console.log(read(fd, 100));
  close(fd);
}
spawn('server', server);
for (const word of ['one', 'two', 'three']) spawn('c-' + word, client, word);`,
      measure: {type: 'status'},
      expected: 'ok',
      options: ['ok', 'blocked', 'error'],
      optionLabels: {
        ok: {ko: '성공: 서버는 다음 연결을 기다리는 중', en: 'success: the server is waiting for the next connection'},
        blocked: {ko: '영원히 기다리게 되어 멈춤', en: 'stopped: it would wait forever'},
        error: {ko: '오류로 끝남', en: 'ends with an error'},
      },
      explanation: {
        ko: '클라이언트 셋은 차례로 접속해 답을 받고 끝나요. 서버는 그 뒤에도 `accept()`에서 다음 연결을 기다리는데, 실제 서버도 멈출 때까지 그렇게 돌아요. 그래서 실행은 성공으로 끝나고, 서버 프로세스가 어느 줄에서 기다리던 중이었는지 알려 줘요. 멈춤(blocked)은 주 프로그램 자신이 끝내 오지 않을 것을 기다릴 때예요.',
        en: 'The three clients connect in turn, get their answers and finish. The server then waits in `accept()` for the next connection, as a real server does until it is stopped, so the run ends as a success and says on which line the server process was waiting. "Blocked" is for a main program that itself waits for something that never comes.',
      },
    },
    {
      id: 'server-four-tuple',
      kind: 'single',
      section: 'server#four-tuple',
      notePoints: ['port-finds-socket'],
      prompt: {
        ko: '같은 클라이언트가 서버의 8080번에 두 번 접속했어요. 서버의 스택은 도착한 세그먼트가 어느 연결의 것인지 어떻게 아나요?',
        en: 'The same client connects to the server’s port 8080 twice. How does the server’s stack know which connection an arriving segment belongs to?',
      },
      choices: [
        {
          id: 'client-port',
          text: {
            ko: '두 연결은 클라이언트 쪽 임시 포트가 달라서, 네 값(양쪽 IP와 포트)의 조합이 서로 다르다',
            en: 'The two connections have different client-side ephemeral ports, so their four values (both IPs and ports) differ',
          },
        },
        {
          id: 'new-server-port',
          text: {
            ko: '`accept()`가 연결마다 서버 쪽에 새 포트를 배정하고, 세그먼트는 그 포트로 온다',
            en: '`accept()` gives each connection a new server-side port, and segments arrive on that port',
          },
        },
        {
          id: 'descriptor-in-segment',
          text: {ko: '세그먼트 안에 서버 소켓의 디스크립터 번호가 들어 있다', en: 'Each segment carries the descriptor number of the server’s socket'},
        },
        {
          id: 'arrival-order',
          text: {ko: '구별하지 못한다. 먼저 맺어진 연결로 모두 간다', en: 'It cannot: everything goes to the connection made first'},
        },
      ],
      correct: 'client-port',
      explanation: {
        ko: '서버 쪽 IP와 포트(`10.0.0.3:8080`)는 모든 연결이 같아요. `accept()`는 새 디스크립터를 줄 뿐 새 포트를 주지 않아요. 다른 것은 클라이언트가 `connect()` 때 받은 임시 포트이고, 스택은 네 값 전체로 소켓을 찾아요. 디스크립터는 컴퓨터 밖으로 나가지 않아요.',
        en: 'The server-side IP and port (`10.0.0.3:8080`) are the same for every connection; `accept()` gives a new descriptor, not a new port. What differs is the ephemeral port the client got at `connect()`, and the stack finds the socket by all four values. Descriptors never leave the computer.',
      },
    },
    {
      id: 'server-socket-count',
      kind: 'short',
      section: 'server#summary',
      notePoints: [],
      prompt: {
        ko: '8080번에서 기다리는 서버에 클라이언트 3,000개가 접속해 있고, 서버는 모두 `accept()`했어요. 서버 프로세스가 가진 TCP 소켓은 모두 몇 개인가요?',
        en: 'A server waiting on port 8080 has 3,000 clients connected, and it has `accept()`ed them all. How many TCP sockets does the server process hold?',
      },
      accept: ['3001', '3,001', '3001개', '3,001개', 'three thousand and one'],
      solution: {ko: '3,001 (리스닝 소켓 하나 + 연결마다 하나)', en: '3,001 (one listening socket plus one per connection)'},
      inputMode: 'numeric',
      explanation: {
        ko: '리스닝 소켓은 포트마다 하나이고, `accept()`는 연결마다 새 소켓을 만들어요. 그래서 3,000 + 1 = 3,001개예요. 모두 같은 8080번을 쓰지만 네 값이 달라 섞이지 않아요.',
        en: 'There is one listening socket per port, and `accept()` makes a new socket per connection: 3,000 + 1 = 3,001. They all use port 8080, but their four values differ, so they never mix.',
      },
    },
    {
      id: 'server-full-queue',
      kind: 'single',
      section: 'server#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '새 클라이언트들의 접속이 한참 걸리다 시간 초과로 끝나요. 서버에서 `ss -tln`을 보니 8080번 `LISTEN` 줄의 `Recv-Q`가 129, `Send-Q`가 128이에요. 무엇이 문제인가요?',
        en: 'New clients take ages to connect and then time out. On the server, `ss -tln` shows the `LISTEN` line for port 8080 with `Recv-Q` 129 and `Send-Q` 128. What is wrong?',
      },
      choices: [
        {
          id: 'accept-too-slow',
          text: {
            ko: '서버 프로그램이 `accept()`를 제때 부르지 않아 대기열(백로그 128 + 1)이 가득 찼고, 새 `SYN`은 버려진다',
            en: 'The server program does not call `accept()` often enough: the queue (backlog 128 + 1) is full and new `SYN`s are dropped',
          },
        },
        {
          id: 'buffers-full',
          text: {
            ko: '수신 버퍼에 읽지 않은 데이터가 129바이트 쌓여 있다. `read()`를 더 자주 해야 한다',
            en: '129 bytes of unread data sit in the receive buffer; the server must `read()` more often',
          },
        },
        {
          id: 'ports-exhausted',
          text: {
            ko: '서버의 포트가 모자란다. 연결마다 새 포트가 필요하기 때문이다',
            en: 'The server has run out of ports, since every connection needs a new one',
          },
        },
        {
          id: 'firewall',
          text: {ko: '방화벽이 `RST`를 보내고 있다', en: 'A firewall is sending `RST`s'},
        },
      ],
      correct: 'accept-too-slow',
      explanation: {
        ko: '`LISTEN` 줄에서 `Send-Q`는 백로그, `Recv-Q`는 `accept()`를 기다리는 연결 수예요. 129 = 128 + 1이면 리눅스의 대기열이 가득 찬 것이고, 그 뒤로 오는 `SYN`은 답 없이 버려져 클라이언트는 재전송 끝에 시간 초과가 돼요. `RST`였다면 곧바로 `ECONNREFUSED`가 났을 거예요. 서버의 연결은 모두 같은 포트를 쓰니 포트가 모자라지도 않아요.',
        en: 'On a `LISTEN` line, `Send-Q` is the backlog and `Recv-Q` the number of connections waiting for `accept()`. 129 = 128 + 1 means Linux’s queue is full: later `SYN`s are dropped without an answer and the clients time out after their retries. An `RST` would have given `ECONNREFUSED` at once, and a server’s connections all share one port, so ports do not run out.',
      },
    },
  ],
};
