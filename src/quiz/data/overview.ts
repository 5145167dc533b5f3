/** Chapter 1 (docs/01-overview.mdx): the overview of sending and receiving. */
import type {ChapterQuiz} from '../types';

export const overviewQuiz: ChapterQuiz = {
  chapter: 'overview',
  title: {ko: '1장 송수신 개요', en: 'Chapter 1, the overview'},
  questions: [
    {
      id: 'overview-who-sends',
      kind: 'single',
      section: 'overview#delegate-to-the-stack',
      notePoints: ['ask-the-stack', 'socket-library'],
      prompt: {
        ko: '브라우저가 만든 HTTP 요청 메시지를 실제로 네트워크에 내보내는 것은 누구인가요?',
        en: 'Who actually puts the HTTP request message a browser made onto the network?',
      },
      choices: [
        {id: 'browser', text: {ko: '브라우저가 직접 전기 신호로 바꿔 보낸다', en: 'The browser turns it into signals itself'}},
        {
          id: 'stack',
          text: {
            ko: 'OS 안의 프로토콜 스택. 브라우저는 Socket 라이브러리를 통해 부탁한다',
            en: "The OS's protocol stack; the browser asks it through the Socket library",
          },
        },
        {id: 'browser-segments', text: {ko: '브라우저가 TCP 세그먼트를 직접 만들어 네트워크 카드에 넘긴다', en: 'The browser builds the TCP segments itself and hands them to the network card'}},
        {id: 'nic', text: {ko: '네트워크 카드가 메시지를 받아 연결부터 전송까지 알아서 한다', en: 'The network card takes the message and handles everything from connecting to sending'}},
      ],
      correct: 'stack',
      explanation: {
        ko: '애플리케이션은 데이터를 직접 보내지 않아요. Socket 라이브러리의 함수를 호출해 OS의 프로토콜 스택에 송수신을 의뢰하고, 실제 전송은 스택이 해요.',
        en: "Applications never send data themselves. They call Socket library functions to ask the OS's protocol stack, and the stack does the sending.",
      },
    },
    {
      id: 'overview-several-calls',
      kind: 'single',
      section: 'overview#delegate-to-the-stack',
      notePoints: ['several-calls', 'socket-library'],
      prompt: {
        ko: '이름을 IP 주소로 바꿀 때는 리졸버 함수 하나로 충분했어요. 데이터를 주고받을 때는 어떻게 하나요?',
        en: 'Turning a name into an IP address took one resolver call. What does sending and receiving data take?',
      },
      choices: [
        {id: 'one', text: {ko: '함수 하나(`send()`)만 호출하면 된다', en: 'One call (`send()`) is enough'}},
        {
          id: 'many',
          text: {
            ko: 'Socket 라이브러리의 여러 함수를 정해진 순서대로 호출한다',
            en: 'Several Socket library functions, called in a fixed order',
          },
        },
        {id: 'connect-sends', text: {ko: '`connect()` 한 번: 접속하면서 요청을 보내고 응답을 돌려준다', en: 'One `connect()`: it connects, sends the request and returns the response'}},
        {id: 'dns', text: {ko: '리졸버를 한 번 더 호출한다', en: 'Call the resolver once more'}},
      ],
      correct: 'many',
      explanation: {
        ko: '`socket()`, `connect()`, `write()`, `read()`, `close()`처럼 여러 함수를 순서대로 불러야 해요. 각 함수가 송수신의 한 단계를 맡아요.',
        en: 'It takes several functions in order: `socket()`, `connect()`, `write()`, `read()`, `close()`. Each one handles one phase.',
      },
    },
    {
      id: 'overview-doorway',
      kind: 'single',
      section: 'overview#socket-is-a-doorway',
      notePoints: ['socket-doorway', 'connect-before-data'],
      prompt: {
        ko: '파이프 비유에서 소켓은 무엇이고, 파이프는 언제 생기나요?',
        en: 'In the pipe picture, what is a socket, and when does the pipe come to exist?',
      },
      choices: [
        {
          id: 'doorway-connect',
          text: {
            ko: '소켓은 파이프의 출입구이고, 파이프는 송수신을 시작하기 전에 연결해야 생긴다',
            en: 'A socket is a doorway of the pipe; the pipe exists only once it is connected, before any data flows',
          },
        },
        {
          id: 'doorway-always',
          text: {
            ko: '소켓은 파이프의 출입구이고, 파이프는 두 컴퓨터 사이에 처음부터 있다',
            en: 'A socket is a doorway of the pipe; the pipe is always there between two computers',
          },
        },
        {
          id: 'pipe-itself',
          text: {ko: '소켓은 파이프 자체이고, 데이터를 쓰면 저절로 생긴다', en: 'A socket is the pipe itself; writing data creates it'},
        },
        {id: 'computer', text: {ko: '소켓은 서버 컴퓨터를 가리키는 이름이다', en: 'A socket is the name of the server computer'}},
      ],
      correct: 'doorway-connect',
      explanation: {
        ko: '소켓은 파이프 양 끝의 출입구예요. 파이프는 처음부터 있는 것처럼 보이지만, 실제로는 송수신 전에 접속(연결) 동작을 해야 생겨요.',
        en: 'Sockets are the doorways at both ends of the pipe. The pipe looks as if it were always there, but it has to be connected before data can flow.',
      },
    },
    {
      id: 'overview-four-phases',
      kind: 'single',
      section: 'overview#four-phases',
      notePoints: ['four-phases'],
      prompt: {ko: '데이터 송수신의 네 단계를 올바른 순서로 고르세요.', en: 'Pick the four phases of sending and receiving in the right order.'},
      choices: [
        {
          id: 'right',
          text: {
            ko: '소켓 만들기 → 접속(파이프 연결) → 송수신 → 연결 끊기(파이프 분리, 소켓 말소)',
            en: 'create the socket → connect the pipe → send and receive → disconnect (separate the pipe, destroy the socket)',
          },
        },
        {
          id: 'connect-first',
          text: {
            ko: '접속 → 소켓 만들기 → 송수신 → 연결 끊기',
            en: 'connect → create the socket → send and receive → disconnect',
          },
        },
        {
          id: 'send-first',
          text: {ko: '송수신 → 소켓 만들기 → 접속 → 연결 끊기', en: 'send and receive → create the socket → connect → disconnect'},
        },
        {
          id: 'no-socket',
          text: {ko: '접속 → 송수신 → 소켓 만들기 → 연결 끊기', en: 'connect → send and receive → create the socket → disconnect'},
        },
      ],
      correct: 'right',
      explanation: {
        ko: '출입구(소켓)가 있어야 파이프를 이을 수 있고, 파이프가 이어져야 데이터가 흘러요. 다 쓰면 파이프를 떼어 내고 소켓을 없애요.',
        en: 'You need the doorway (socket) before you can connect a pipe, and the pipe before data can flow; at the end the pipe is separated and the socket destroyed.',
      },
    },
    {
      id: 'overview-server-first',
      kind: 'single',
      section: 'overview#server-first',
      notePoints: ['server-socket-first', 'four-phases'],
      prompt: {
        ko: '클라이언트가 접속하기 전에 보통 어느 쪽의 소켓이 먼저 만들어져 기다리고 있나요?',
        en: 'Before a client connects, whose socket has usually been created first and is waiting?',
      },
      choices: [
        {id: 'server', text: {ko: '서버', en: 'The server’s'}},
        {id: 'client', text: {ko: '클라이언트', en: 'The client’s'}},
        {id: 'dns', text: {ko: 'DNS 서버', en: 'The DNS server’s'}},
        {id: 'none', text: {ko: '어느 쪽도 아니다: 접속할 때 양쪽이 함께 만든다', en: 'Neither: both are made during the connect'}},
      ],
      correct: 'server',
      explanation: {
        ko: '웹 서버는 켜지자마자 소켓을 만들고 정해진 포트에서 접속을 기다려요. 그래야 클라이언트가 언제 접속하든 받아 줄 출입구가 있어요.',
        en: 'A web server creates its socket as soon as it starts and waits on its port, so there is a doorway whenever a client connects.',
      },
    },
    {
      id: 'overview-who-disconnects',
      kind: 'multiple',
      section: 'overview#who-disconnects',
      notePoints: ['either-side-disconnects', 'server-usually-disconnects'],
      prompt: {
        ko: '연결 끊기(파이프 분리)에 대해 맞는 것을 모두 고르세요.',
        en: 'Pick every true statement about disconnecting (separating the pipe).',
      },
      choices: [
        {id: 'either', text: {ko: '어느 쪽에서 먼저 끊어도 된다', en: 'Either side may disconnect first'}},
        {id: 'client-only', text: {ko: '반드시 클라이언트가 먼저 끊어야 한다', en: 'The client must always disconnect first'}},
        {id: 'server-usually', text: {ko: '노트에 따르면 보통은 서버 쪽이 먼저 끊는다', en: 'According to the note, usually the server disconnects first'}},
        {
          id: 'no-close',
          text: {ko: '한쪽이 끊으면 다른 쪽은 `close()`를 부를 필요가 없다', en: 'Once one side disconnects, the other never needs `close()`'},
        },
      ],
      correct: ['either', 'server-usually'],
      explanation: {
        ko: '파이프는 어느 쪽에서 먼저 떼어도 괜찮고, 보통은 서버가 먼저 끊어요(예: HTTP/1.0 서버는 응답을 다 보내면 끊어요). 신호를 받은 상대도 곧이어 자기 쪽을 닫아요.',
        en: 'Either side may separate the pipe first, and usually the server does (an HTTP/1.0 server closes after its response). The other side then closes its end too.',
      },
    },
    {
      id: 'overview-stack-does-it',
      kind: 'single',
      section: 'overview#stack-does-the-work',
      notePoints: ['stack-runs-everything', 'ask-the-stack'],
      prompt: {
        ko: '네 단계 가운데 프로토콜 스택이 실제 일을 하는 단계는 어디인가요?',
        en: 'In which of the four phases does the protocol stack do the actual work?',
      },
      choices: [
        {id: 'connect', text: {ko: '접속 단계만', en: 'Only the connect phase'}},
        {id: 'data', text: {ko: '송수신 단계만', en: 'Only the send/receive phase'}},
        {id: 'all', text: {ko: '네 단계 모두', en: 'All four phases'}},
        {id: 'none', text: {ko: '없다: 애플리케이션이 모두 직접 한다', en: 'None: the application does it all'}},
      ],
      correct: 'all',
      explanation: {
        ko: '소켓 만들기부터 연결 끊기까지 모든 과정을 OS 안의 프로토콜 스택이 실행해요. 애플리케이션은 함수를 호출해 부탁할 뿐이에요.',
        en: "From creating the socket to disconnecting, the OS's protocol stack carries out every step; the application only asks by calling functions.",
      },
    },
    {
      id: 'overview-stage-numbers',
      kind: 'short',
      section: 'overview#stage-numbering',
      notePoints: ['stage-numbering'],
      prompt: {
        ko: '노트는 단계에 2번(소켓 작성)부터 번호를 매겨요. 송수신이 끝나는 "연결 끊기 단계"는 몇 번인가요? (숫자)',
        en: 'The note numbers the stages from 2 (creating the socket). Which number is the disconnect stage, where sending and receiving end? (a number)',
      },
      accept: ['5', '5번', '5단계', '다섯', 'five', 'stage 5'],
      solution: {ko: '5 (5. 연결 끊기 단계)', en: '5 (stage 5, disconnecting)'},
      inputMode: 'numeric',
      explanation: {
        ko: '2. 소켓 작성, 3. 접속, 4. 송수신, 5. 연결 끊기예요. 송수신은 5번 연결 끊기 단계에서 끝나요. Socket Lab의 2–5장이 이 번호를 따라요.',
        en: 'Stage 2 creates the socket, 3 connects, 4 sends and receives, 5 disconnects; sending and receiving end in stage 5. Chapters 2–5 follow the same numbers.',
      },
    },
    {
      id: 'overview-skip-connect',
      kind: 'predict',
      section: 'overview#try-it',
      notePoints: ['connect-before-data', 'four-phases'],
      prompt: {
        ko: '접속 단계(`connect()`)를 건너뛰고 바로 `read()`를 부르면 어떤 errno로 실패할까요?',
        en: 'If the program skips the connect phase (`connect()`) and calls `read()` at once, which errno does it fail with?',
      },
      program: `const fd = socket();
// connect() skipped: no pipe yet
const data = read(fd, 100);
console.log(data);`,
      measure: {type: 'errno'},
      expected: 'ENOTCONN',
      options: ['ENOTCONN', 'ECONNREFUSED', 'EBADF', 'none'],
      optionLabels: {
        ENOTCONN: {ko: '연결되어 있지 않음', en: 'not connected'},
        ECONNREFUSED: {ko: '연결 거부', en: 'connection refused'},
        EBADF: {ko: '잘못된 디스크립터', en: 'bad descriptor'},
        none: {ko: '오류 없이 빈 문자열을 읽는다', en: 'no error, reads an empty string'},
      },
      explanation: {
        ko: '소켓은 있지만 파이프가 이어지지 않았어요. 리눅스는 연결되지 않은 소켓의 `read()`에 `ENOTCONN`(Transport endpoint is not connected)을 돌려줘요. 송수신 전에 접속이 꼭 필요해요.',
        en: 'The socket exists but no pipe is connected. Linux answers `read()` on an unconnected socket with `ENOTCONN` (Transport endpoint is not connected): connecting must come before sending and receiving.',
      },
    },
    {
      id: 'overview-all-phases-code',
      kind: 'code',
      section: 'overview#summary',
      notePoints: ['several-calls', 'four-phases'],
      prompt: {
        ko: '네 단계를 모두 거치는 프로그램을 완성하세요: `www.example.com`의 80번 포트에 접속해 `GET /index.html HTTP/1.0` 요청을 보내고, 응답을 끝(EOF)까지 읽은 뒤 연결을 끊어요.',
        en: 'Complete a program that goes through all four phases: connect to port 80 of `www.example.com`, send a `GET /index.html HTTP/1.0` request, read the reply to its end (EOF), then disconnect.',
      },
      starter: `const ip = resolve('www.example.com');
// 1. create a socket
// 2. connect to ip, port 80
// 3. write the request, read the reply until read() returns '' (EOF)
//    'GET /index.html HTTP/1.0\\r\\n\\r\\n'
// 4. disconnect
`,
      solution: `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
write(fd, 'GET /index.html HTTP/1.0\\r\\n\\r\\n');
let reply = '';
let chunk = read(fd, 4096);
while (chunk !== '') {     // a response may come in several pieces: read until EOF
  reply += chunk;
  chunk = read(fd, 4096);
}
console.log(reply.split('\\r\\n')[0]);
close(fd);`,
      checker: 'four-phases',
      explanation: {
        ko: '`socket()` → `connect()` → `write()`/`read()` → `close()` 순서로 불러야 해요. 하나라도 빠지거나 순서가 바뀌면 송수신이 이루어지지 않아요. 응답은 여러 조각으로 올 수 있으니 `read()`는 한 번이 아니라 빈 문자열(EOF)이 나올 때까지 불러요(4장).',
        en: 'The calls go `socket()` → `connect()` → `write()`/`read()` → `close()`. Leave one out or swap them and no exchange happens. A response may come in several pieces, so `read()` is called until it returns the empty string (EOF), not once (chapter 4).',
      },
    },
    {
      id: 'overview-tcpdump-connect',
      kind: 'single',
      section: 'overview#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '`main.py`를 실행하는 동안 `sudo tcpdump -i lo -n port 8000`이 플래그 `[S]`, `[S.]`, `[.]`, `[P.]`, `[.]`, `[P.]`, `[F.]` … 를 차례로 보여 줘요. `connect()` 호출이 일으킨 것은 어느 것인가요?',
        en: 'While `main.py` runs, `sudo tcpdump -i lo -n port 8000` shows the flags `[S]`, `[S.]`, `[.]`, `[P.]`, `[.]`, `[P.]`, `[F.]` … in turn. Which of them did the `connect()` call cause?',
      },
      choices: [
        {id: 'handshake', text: {ko: '처음 세 개 `[S]`, `[S.]`, `[.]` (핸드셰이크)', en: 'The first three, `[S]`, `[S.]`, `[.]` (the handshake)'}},
        {
          id: 'first-data',
          text: {ko: '첫 `[P.]`: 접속은 첫 데이터와 함께 이루어진다', en: 'The first `[P.]`: the connection is made with the first data'},
        },
        {
          id: 'nothing',
          text: {
            ko: '아무것도 아니다: `connect()`는 주소만 기억해 두고, `SYN`은 첫 `send()` 때 나간다',
            en: 'None: `connect()` only remembers the address, and the `SYN` leaves with the first `send()`',
          },
        },
        {id: 'only-syn', text: {ko: '`[S]` 하나뿐: 나머지 둘은 서버의 `accept()`가 보낸다', en: 'Only `[S]`: the other two are sent by the server’s `accept()`'}},
      ],
      correct: 'handshake',
      explanation: {
        ko: '`connect()`는 `SYN`을 보내고 `SYN+ACK`가 올 때까지 기다렸다가 `ACK`를 보내고 돌아와요. 세 세그먼트 모두 `connect()` 안에서 오가요. 서버 쪽 `SYN+ACK`는 커널이 보내요. `accept()`는 이미 맺어진 연결을 꺼낼 뿐이에요. `[P.]`는 `send()`/`write()`가 보낸 데이터예요.',
        en: '`connect()` sends the `SYN`, waits for the `SYN+ACK`, sends the `ACK` and returns: all three segments travel inside `connect()`. The server’s `SYN+ACK` comes from its kernel; `accept()` only takes out a connection already made. `[P.]` is data from `send()`/`write()`.',
      },
    },
  ],
};
