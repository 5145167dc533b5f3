/** Chapter 3 (docs/03-connect.mdx): connect(), IP address and port, the handshake. */
import type {ChapterQuiz} from '../types';

export const connectQuiz: ChapterQuiz = {
  chapter: 'connect',
  title: {ko: '3장 접속', en: 'Chapter 3, connecting'},
  questions: [
    {
      id: 'connect-parameters',
      kind: 'multiple',
      section: 'connect#parameters',
      notePoints: ['connect-asks-stack', 'connect-parameters', 'descriptor-picks-socket'],
      prompt: {ko: '`connect()`에 넘기는 것을 모두 고르세요.', en: 'Pick everything that is passed to `connect()`.'},
      choices: [
        {id: 'fd', text: {ko: '내 소켓의 디스크립터', en: 'the descriptor of my socket'}},
        {id: 'ip', text: {ko: '서버의 IP 주소', en: 'the server’s IP address'}},
        {id: 'port', text: {ko: '서버의 포트 번호', en: 'the server’s port number'}},
        {id: 'server-fd', text: {ko: '서버 소켓의 디스크립터', en: 'the descriptor of the server’s socket'}},
        {id: 'data', text: {ko: '보낼 데이터', en: 'the data to send'}},
      ],
      correct: ['fd', 'ip', 'port'],
      explanation: {
        ko: '디스크립터는 내 스택에게 어느 소켓을 연결할지 알려 주고, IP 주소와 포트는 상대 소켓이 어디 있는지 알려 줘요. 서버의 디스크립터는 알 수도 없고 필요도 없어요.',
        en: 'The descriptor tells my stack which socket to connect; the IP address and port say where the peer’s socket is. The server’s descriptor is neither known nor needed.',
      },
    },
    {
      id: 'connect-ip-and-port',
      kind: 'single',
      section: 'connect#ip-and-port',
      notePoints: ['ip-finds-computer', 'port-finds-socket', 'connected-ready'],
      prompt: {ko: 'IP 주소와 포트 번호는 각각 무엇을 찾는 데 쓰이나요?', en: 'What do the IP address and the port number each find?'},
      choices: [
        {
          id: 'computer-socket',
          text: {ko: 'IP 주소는 컴퓨터를, 포트 번호는 그 컴퓨터 안의 소켓을', en: 'The IP address finds the computer, the port the socket on it'},
        },
        {
          id: 'socket-computer',
          text: {ko: 'IP 주소는 소켓을, 포트 번호는 컴퓨터를', en: 'The IP address finds the socket, the port the computer'},
        },
        {id: 'both-computer', text: {ko: '둘 다 컴퓨터를 찾는다', en: 'Both find the computer'}},
        {
          id: 'descriptor',
          text: {ko: 'IP 주소는 컴퓨터를, 포트 번호는 상대 애플리케이션의 디스크립터를', en: 'The IP address finds the computer, the port the peer application’s descriptor'},
        },
      ],
      correct: 'computer-socket',
      explanation: {
        ko: 'IP 주소는 건물 주소, 포트 번호는 호수예요. 네트워크는 IP 주소로 서버 컴퓨터까지 배달하고, 그 컴퓨터의 스택은 포트 번호로 알맞은 소켓(예: 80번의 웹 서버)을 찾아 파이프를 이어요. 그러면 송수신할 수 있는 상태가 돼요.',
        en: 'The IP address is the building, the port the flat number. The network delivers to the computer by IP address, and its stack picks the socket by port (e.g. the web server on 80) and connects the pipe; then data can flow.',
      },
    },
    {
      id: 'connect-why-port',
      kind: 'single',
      section: 'connect#descriptor-vs-port',
      notePoints: ['why-separate', 'peer-never-sees-descriptor'],
      prompt: {
        ko: '클라이언트가 "서버의 3번 소켓으로 이어 주세요"라고 부탁할 수 없는 이유는 무엇인가요?',
        en: 'Why can a client not ask to be connected “to the server’s socket number 3”?',
      },
      choices: [
        {
          id: 'private',
          text: {
            ko: '디스크립터는 소켓을 만든 애플리케이션에게만 주는 번호라 상대는 알 수 없다. 그래서 상대는 IP 주소와 포트 번호로 찾아온다',
            en: 'A descriptor is given only to the application that made the socket, so the peer cannot know it; peers find sockets by IP address and port',
          },
        },
        {id: 'stdin', text: {ko: '3번은 언제나 표준 입력이라서', en: 'Because 3 is always standard input'}},
        {id: 'root', text: {ko: '다른 프로세스의 디스크립터를 쓰려면 관리자(root) 권한이 필요해서', en: 'Because naming another process’s descriptor needs administrator (root) rights'}},
        {id: 'restart', text: {ko: '서버가 다시 시작할 때마다 번호가 바뀌어서, 포트가 더 안정적이라서', en: 'Because the number changes whenever the server restarts, and a port is more stable'}},
      ],
      correct: 'private',
      explanation: {
        ko: '디스크립터는 애플리케이션이 자기 소켓을 가리키는 번호, IP 주소와 포트 번호는 클라이언트와 서버가 상대의 소켓을 가리키는 번호예요. 디스크립터는 상대에게 전달되지 않아요.',
        en: 'Descriptors are how an application names its own sockets; IP address and port are how client and server name each other’s sockets. Descriptors are never given to the peer.',
      },
    },
    {
      id: 'connect-web-port',
      kind: 'short',
      section: 'connect#well-known-ports',
      notePoints: ['well-known-ports'],
      prompt: {ko: '웹 서버(HTTP)는 보통 몇 번 포트에서 접속을 기다리나요?', en: 'Which port does a web server (HTTP) usually listen on?'},
      accept: ['80', '80번', '80번 포트', '포트 80', 'port 80', 'tcp 80'],
      solution: {ko: '80', en: '80'},
      inputMode: 'numeric',
      explanation: {
        ko: '서버의 포트 번호는 애플리케이션 종류마다 미리 정해 둔 값을 써요. 그래서 브라우저는 묻지 않고도 80번으로 접속해요.',
        en: 'Server ports are fixed in advance per kind of application, which is why a browser connects to 80 without asking.',
      },
    },
    {
      id: 'connect-ephemeral',
      kind: 'predict',
      section: 'connect#ephemeral-ports',
      notePoints: ['port-finds-socket'],
      prompt: {
        ko: '`connect()` 전과 후에 클라이언트 소켓의 포트를 확인해요. 무엇이 출력될까요?',
        en: 'The program looks at the client socket’s port before and after `connect()`. What does it print?',
      },
      program: `const ip = resolve('www.example.com');
const fd = socket();
const before = getsockname(fd).port;
connect(fd, ip, 80);
const after = getsockname(fd).port;
const ephemeral = after >= 32768 && after <= 60999;
console.log(before, ephemeral);`,
      measure: {type: 'last-log'},
      expected: '0 true',
      options: ['0 true', '0 false', '80 true', '3 false'],
      explanation: {
        ko: '`connect()` 전의 소켓에는 아직 포트가 없어요(0). `connect()`를 부르면 스택이 리눅스의 임시 포트 범위 32768–60999에서 빈 번호를 골라 붙여요.',
        en: 'Before `connect()` the socket has no port yet (0). `connect()` makes the stack pick a free ephemeral port from Linux’s range 32768–60999.',
      },
    },
    {
      id: 'connect-handshake-count',
      kind: 'predict',
      section: 'connect#handshake',
      notePoints: ['connected-ready', 'connect-asks-stack'],
      prompt: {
        ko: '이 프로그램은 접속만 하고 끝나요. 클라이언트와 서버 사이에 세그먼트가 모두 몇 개 오갈까요?',
        en: 'This program only connects. How many segments cross between the client and the server in all?',
      },
      program: `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);`,
      measure: {type: 'segment-count', from: 'client', to: 'www.example.com', both: true},
      expected: '3',
      accept: ['3개', 'three', '세 개'],
      inputMode: 'numeric',
      explanation: {
        ko: '`connect()` 안에서 3-way 핸드셰이크 `SYN` → `SYN+ACK` → `ACK` 세 세그먼트가 오가요. `connect()`가 돌아왔다면 파이프는 이미 이어져 있어요.',
        en: 'Inside `connect()` the three-way handshake sends three segments: `SYN`, `SYN+ACK`, `ACK`. Once `connect()` returns, the pipe is connected.',
      },
    },
    {
      id: 'connect-peer-port',
      kind: 'predict',
      section: 'connect#try-it',
      notePoints: ['port-finds-socket', 'well-known-ports'],
      prompt: {ko: '이 프로그램은 무엇을 출력할까요?', en: 'What does this program print?'},
      program: `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
const peer = getpeername(fd);
console.log(peer.ip, peer.port);
close(fd);`,
      measure: {type: 'last-log'},
      expected: '93.184.216.34 80',
      options: ['93.184.216.34 80', '93.184.216.34 3', '10.0.0.2 80', 'www.example.com 80'],
      explanation: {
        ko: '`getpeername()`은 상대(서버) 소켓의 주소를 알려 줘요. `resolve()`가 준 IP 주소 `93.184.216.34`와 접속한 포트 80이에요.',
        en: '`getpeername()` gives the address of the peer’s (server’s) socket: the IP address `resolve()` returned, `93.184.216.34`, and port 80.',
      },
    },
    {
      id: 'connect-refused-predict',
      kind: 'predict',
      section: 'connect#refused',
      notePoints: ['port-finds-socket'],
      prompt: {
        ko: '`www.example.com`에는 81번 포트에서 기다리는 소켓이 없어요. 이 프로그램은 어떤 errno로 끝날까요?',
        en: 'No socket waits on port 81 of `www.example.com`. Which errno does this program end with?',
      },
      program: `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 81);
console.log('connected');`,
      measure: {type: 'errno'},
      expected: 'ECONNREFUSED',
      options: ['ECONNREFUSED', 'ETIMEDOUT', 'ENOTCONN', 'none'],
      optionLabels: {
        ECONNREFUSED: {ko: '연결 거부', en: 'connection refused'},
        ETIMEDOUT: {ko: '시간 초과', en: 'timed out'},
        ENOTCONN: {ko: '연결되어 있지 않음', en: 'not connected'},
        none: {ko: '오류 없이 connected 출력', en: 'no error, prints connected'},
      },
      explanation: {
        ko: '서버의 스택은 `SYN`을 받았지만 81번에 건네줄 소켓이 없어서 `RST`로 답해요. 그래서 `connect()`는 곧바로 `ECONNREFUSED`로 실패해요.',
        en: 'The server’s stack gets the `SYN` but has no socket on 81 to hand it to, so it answers with `RST` and `connect()` fails at once with `ECONNREFUSED`.',
      },
    },
    {
      id: 'connect-refused-code',
      kind: 'code',
      section: 'connect#refused',
      notePoints: ['port-finds-socket'],
      prompt: {
        ko: '일부러 `ECONNREFUSED`를 받아 보세요. `connect()`가 거절당하게 만들고, 오류를 잡아 `e.errno`를 출력하세요.',
        en: 'Get `ECONNREFUSED` on purpose: make `connect()` be refused, catch the error and print `e.errno`.',
      },
      starter: `const ip = resolve('www.example.com');
const fd = socket();
try {
  connect(fd, ip, 80);
  console.log('connected');
} catch (e) {
  console.log(e.errno);
}
close(fd);
`,
      solution: `const ip = resolve('www.example.com');
const fd = socket();
try {
  connect(fd, ip, 81);   // nobody listens on 81
  console.log('connected');
} catch (e) {
  console.log(e.errno);  // ECONNREFUSED
}
close(fd);`,
      checker: 'refused-on-purpose',
      explanation: {
        ko: '아무 소켓도 기다리지 않는 포트(예: 81)로 접속하면 서버의 스택이 `RST`로 답하고 `connect()`가 `ECONNREFUSED`로 실패해요.',
        en: 'Connect to a port where no socket waits (81, say): the server’s stack answers `RST` and `connect()` fails with `ECONNREFUSED`.',
      },
    },
    {
      id: 'connect-summary',
      kind: 'single',
      section: 'connect#summary',
      notePoints: ['connect-asks-stack', 'descriptor-picks-socket', 'connected-ready'],
      prompt: {
        ko: '`connect()`를 부탁받은 프로토콜 스택이 하는 일로 맞는 것은 무엇인가요?',
        en: 'What does the protocol stack do when asked to `connect()`?',
      },
      choices: [
        {
          id: 'handshake',
          text: {
            ko: '디스크립터로 내 소켓을 찾아 상대의 IP 주소와 포트를 기록하고, `SYN` → `SYN+ACK` → `ACK`로 연결을 만든다',
            en: 'Finds my socket by its descriptor, records the peer’s IP address and port, and makes the connection with `SYN` → `SYN+ACK` → `ACK`',
          },
        },
        {
          id: 'fetch-fd',
          text: {ko: '서버 소켓의 디스크립터를 받아 온다', en: 'Fetches the descriptor of the server’s socket'},
        },
        {
          id: 'data-first',
          text: {ko: '데이터를 먼저 보내고 연결은 나중에 만든다', en: 'Sends the data first and connects later'},
        },
        {id: 'resolve', text: {ko: '이름을 IP 주소로 바꾼다', en: 'Turns the name into an IP address'}},
      ],
      correct: 'handshake',
      explanation: {
        ko: '스택은 디스크립터가 가리키는 소켓에 상대의 주소를 적고 핸드셰이크를 해요. 이름을 IP 주소로 바꾸는 일은 그 전에 리졸버가 해요.',
        en: 'The stack writes the peer’s address into the socket the descriptor names and runs the handshake; turning the name into an address was the resolver’s job, before.',
      },
    },
    {
      id: 'connect-refused-vs-timeout',
      kind: 'single',
      section: 'connect#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '`tcpdump`에 내 프로그램이 보낸 `[S]`와 그 답 `[R.]`이 보여요. `connect()`는 어떻게 되나요?',
        en: '`tcpdump` shows the `[S]` your program sent and an `[R.]` coming back. What does `connect()` do?',
      },
      choices: [
        {id: 'refused', text: {ko: '곧바로 `ECONNREFUSED`로 실패한다', en: 'It fails at once with `ECONNREFUSED`'}},
        {
          id: 'timeout',
          text: {
            ko: '`SYN`을 몇 번 더 보내며 기다리다가 결국 `ETIMEDOUT`으로 실패한다',
            en: 'It sends the `SYN` a few more times, waits, and finally fails with `ETIMEDOUT`',
          },
        },
        {id: 'addrinuse', text: {ko: '그 포트를 누가 쓰고 있어서 `EADDRINUSE`로 실패한다', en: 'It fails with `EADDRINUSE`: someone uses that port'}},
        {
          id: 'later-write',
          text: {
            ko: '성공하고, 나중에 첫 `write()`가 실패한다',
            en: 'It succeeds, and the first `write()` fails later',
          },
        },
      ],
      correct: 'refused',
      explanation: {
        ko: 'RST는 "그 포트에서 기다리는 소켓이 없다"는 분명한 대답이라 `connect()`는 바로 `ECONNREFUSED`로 실패해요. 아무 대답도 오지 않을 때(방화벽이 `SYN`을 버릴 때)는 다시 보내며 기다리다 `ETIMEDOUT`이 돼요. `EADDRINUSE`는 내 쪽 `bind()`의 오류예요.',
        en: 'An RST is a clear answer, "no socket waits on that port", so `connect()` fails at once with `ECONNREFUSED`. When no answer comes at all (a firewall drops the `SYN`), the stack resends and waits, ending in `ETIMEDOUT`. `EADDRINUSE` is an error of our own `bind()`.',
      },
    },
  ],
};
