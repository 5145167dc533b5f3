/** Chapter 2 (docs/02-socket.mdx): socket() and descriptors. */
import type {ChapterQuiz} from '../types';

export const socketQuiz: ChapterQuiz = {
  chapter: 'socket',
  title: {ko: '2장 소켓 만들기', en: 'Chapter 2, creating a socket'},
  questions: [
    {
      id: 'socket-which-function',
      kind: 'short',
      section: 'socket#calling-socket',
      notePoints: ['socket-call-creates'],
      prompt: {
        ko: '소켓을 만드는 Socket 라이브러리 함수의 이름은 무엇인가요?',
        en: 'What is the name of the Socket library function that creates a socket?',
      },
      accept: ['socket', 'socket()', 'socket(AF_INET, SOCK_STREAM, 0)'],
      solution: {ko: '`socket()`', en: '`socket()`'},
      explanation: {
        ko: '`socket(AF_INET, SOCK_STREAM, 0)`은 IPv4 TCP 소켓을 만들어 달라는 부탁이에요. Socket Lab에서는 인자를 생략해 `socket()`이라고만 써도 돼요.',
        en: '`socket(AF_INET, SOCK_STREAM, 0)` asks for an IPv4 TCP socket; in Socket Lab plain `socket()` does the same.',
      },
    },
    {
      id: 'socket-control-flow',
      kind: 'single',
      section: 'socket#control-flow',
      notePoints: ['control-like-resolver'],
      prompt: {ko: '`socket()`을 호출했을 때 제어는 어떻게 흐르나요?', en: 'How does control flow when a program calls `socket()`?'},
      choices: [
        {
          id: 'in-and-back',
          text: {
            ko: '라이브러리(와 프로토콜 스택) 안으로 넘어가 소켓을 만든 뒤 애플리케이션으로 돌아온다. 리졸버를 부를 때와 같다',
            en: 'It passes into the library (and the protocol stack), the socket is made, and control returns to the application, just as with the resolver',
          },
        },
        {
          id: 'background',
          text: {
            ko: '애플리케이션은 멈추지 않고 다음 줄로 가고, 소켓은 나중에 따로 만들어진다',
            en: 'The application never pauses; the socket is made later, in the background',
          },
        },
        {
          id: 'network',
          text: {ko: '서버에 요청을 보내 서버가 소켓을 만들어 준다', en: 'A request goes to the server, which creates the socket'},
        },
        {id: 'waits-server', text: {ko: '서버도 소켓을 만들 때까지 `socket()`이 기다린다', en: '`socket()` waits until the server has made its socket too'}},
      ],
      correct: 'in-and-back',
      explanation: {
        ko: '`socket()`을 부르면 애플리케이션은 잠시 멈추고, 제어가 Socket 라이브러리와 스택으로 넘어가 소켓을 만든 뒤 돌아와요. 리졸버 호출과 같은 흐름이고, 네트워크로는 아무것도 나가지 않아요.',
        en: 'Calling `socket()` pauses the application while control goes into the Socket library and the stack; once the socket exists it returns. Same flow as the resolver, and nothing goes onto the network.',
      },
    },
    {
      id: 'socket-returns-what',
      kind: 'short',
      section: 'socket#control-flow',
      notePoints: ['socket-returns-descriptor'],
      prompt: {
        ko: '리졸버는 IP 주소를 돌려줘요. `socket()`은 무엇을 돌려주나요? (한 단어)',
        en: 'The resolver returns an IP address. What does `socket()` return? (one word)',
      },
      accept: ['디스크립터', 'descriptor', '파일 디스크립터', 'file descriptor', '소켓 디스크립터', 'socket descriptor', 'fd', '기술자'],
      solution: {ko: '디스크립터 (descriptor)', en: 'a descriptor'},
      explanation: {
        ko: '`socket()`은 새 소켓을 가리키는 디스크립터(작은 정수)를 돌려줘요. 이후의 호출은 모두 이 번호로 그 소켓을 가리켜요.',
        en: '`socket()` returns a descriptor, a small integer naming the new socket; every later call refers to the socket by it.',
      },
    },
    {
      id: 'socket-descriptor-tag',
      kind: 'single',
      section: 'socket#descriptor-is-a-tag',
      notePoints: ['descriptor-is-tag'],
      prompt: {ko: '디스크립터를 가장 잘 설명한 것은 무엇인가요?', en: 'What describes a descriptor best?'},
      choices: [
        {id: 'tag', text: {ko: '소켓을 구별하기 위한 번호표', en: 'A number tag that tells sockets apart'}},
        {id: 'address', text: {ko: '서버의 주소', en: 'The server’s address'}},
        {id: 'pointer', text: {ko: '커널 안에 있는 소켓 메모리의 주소', en: 'The address of the socket’s memory inside the kernel'}},
        {id: 'port', text: {ko: '포트 번호의 다른 이름', en: 'Another name for the port number'}},
      ],
      correct: 'tag',
      explanation: {
        ko: '은행 번호표처럼, 3번을 받았다면 그 뒤로 `connect(3, …)`, `write(3, …)`, `close(3)`처럼 언제나 그 번호로 "그 소켓"을 가리켜요.',
        en: 'Like a ticket at a bank counter: having got 3, the program says `connect(3, …)`, `write(3, …)`, `close(3)` to mean that socket.',
      },
    },
    {
      id: 'socket-not-a-port',
      kind: 'multiple',
      section: 'socket#not-a-port',
      notePoints: ['descriptor-inside-one-computer'],
      prompt: {ko: '디스크립터와 포트 번호에 대해 맞는 것을 모두 고르세요.', en: 'Pick every true statement about descriptors and port numbers.'},
      choices: [
        {
          id: 'local',
          text: {ko: '디스크립터는 한 컴퓨터(프로세스) 안에서만 쓰인다', en: 'A descriptor is used only inside one computer (process)'},
        },
        {
          id: 'sent',
          text: {ko: '디스크립터는 세그먼트에 실려 상대에게 전달된다', en: 'A descriptor travels to the peer inside segments'},
        },
        {id: 'port-shared', text: {ko: '포트 번호는 네트워크 너머의 상대도 안다', en: 'A port number is known to the peer across the network'}},
        {id: 'same', text: {ko: '디스크립터와 포트 번호는 같은 값이다', en: 'A descriptor and a port number are the same value'}},
      ],
      correct: ['local', 'port-shared'],
      explanation: {
        ko: '디스크립터는 소켓을 만든 애플리케이션과 자기 OS만 쓰는 번호라 네트워크로 나가지 않아요. 상대에게 소켓을 알려 주는 것은 IP 주소와 포트 번호예요.',
        en: 'A descriptor is used only by the application that made the socket and its own OS; it never crosses the network. IP address and port tell the peer which socket.',
      },
    },
    {
      id: 'socket-third-descriptor',
      kind: 'short',
      section: 'socket#numbering',
      notePoints: ['socket-returns-descriptor', 'descriptor-is-tag'],
      prompt: {
        ko: '막 시작한 프로그램이 아무것도 닫지 않고 `socket()`을 세 번 불러요. 세 번째 `socket()`은 어떤 디스크립터를 돌려주나요?',
        en: 'A program that just started calls `socket()` three times and closes nothing. Which descriptor does the third `socket()` return?',
      },
      accept: ['5', '5번', 'fd 5', '다섯'],
      solution: {ko: '5 (3, 4, 5 순서)', en: '5 (3, 4, then 5)'},
      inputMode: 'numeric',
      explanation: {
        ko: '0, 1, 2번은 표준 입력, 표준 출력, 표준 오류가 쓰고 있어요. 그래서 첫 소켓은 3번, 다음은 4번, 세 번째는 5번이에요.',
        en: '0, 1 and 2 are taken by standard input, output and error, so sockets get 3, then 4, then 5.',
      },
    },
    {
      id: 'socket-lowest-free',
      kind: 'predict',
      section: 'socket#numbering',
      notePoints: ['descriptor-is-tag'],
      prompt: {ko: '이 프로그램은 무엇을 출력할까요?', en: 'What does this program print?'},
      program: `const a = socket();
const b = socket();
close(a);
const c = socket();
console.log(c);`,
      measure: {type: 'last-log'},
      expected: '3',
      inputMode: 'numeric',
      explanation: {
        ko: '`a`는 3, `b`는 4예요. `close(a)`로 3번 칸이 비면, 다음 `socket()`은 비어 있는 가장 작은 번호인 3을 다시 받아요.',
        en: '`a` is 3 and `b` is 4. `close(a)` frees 3, and the next `socket()` gets the lowest free number: 3 again.',
      },
    },
    {
      id: 'socket-two-hosts',
      kind: 'predict',
      section: 'socket#try-it',
      notePoints: ['descriptor-inside-one-computer'],
      prompt: {
        ko: '클라이언트가 소켓을 두 개 만든 뒤, `server` 컴퓨터가 처음으로 소켓을 만들어요. 무엇이 출력될까요?',
        en: 'The client makes two sockets, then the `server` computer makes its first one. What is printed?',
      },
      program: `socket();                // client: 3
socket();                // client: 4
on('server', () => {
  const s = socket();
  console.log(s);
});`,
      measure: {type: 'last-log'},
      expected: '3',
      inputMode: 'numeric',
      explanation: {
        ko: '디스크립터 표는 컴퓨터(프로세스)마다 따로 있어요. `server`의 첫 소켓도 3번이고, 클라이언트의 3번과는 아무 관계가 없어요.',
        en: 'Each computer (process) has its own descriptor table, so the server’s first socket is 3 too, unrelated to the client’s 3.',
      },
    },
    {
      id: 'socket-three-twice-code',
      kind: 'code',
      section: 'socket#numbering',
      notePoints: ['socket-returns-descriptor'],
      prompt: {
        ko: '`socket()`이 3을 두 번 돌려주도록 프로그램을 고치세요. (두 번 모두 `client`에서)',
        en: 'Change the program so that `socket()` returns 3 twice (both times on `client`).',
      },
      starter: `const first = socket();
const second = socket();
console.log(first, second);
`,
      solution: `const first = socket();
close(first);            // 3 is free again
const second = socket();
console.log(first, second);`,
      checker: 'descriptor-three-twice',
      explanation: {
        ko: '비어 있는 가장 작은 번호를 주는 규칙 때문에, 첫 소켓을 닫으면 3번이 비고 다음 `socket()`이 다시 3을 받아요.',
        en: 'The lowest free number is handed out, so closing the first socket frees 3 and the next `socket()` gets 3 again.',
      },
    },
    {
      id: 'socket-summary',
      kind: 'single',
      section: 'socket#summary',
      notePoints: ['socket-returns-descriptor', 'socket-call-creates'],
      prompt: {ko: '`socket()`에 대해 맞는 것은 무엇인가요?', en: 'Which statement about `socket()` is true?'},
      choices: [
        {
          id: 'use-fd',
          text: {
            ko: '돌려받은 디스크립터로 이후의 `connect()`, `write()`, `read()`, `close()`에서 그 소켓을 가리킨다',
            en: 'The descriptor it returns names the socket in later `connect()`, `write()`, `read()` and `close()` calls',
          },
        },
        {
          id: 'connects',
          text: {ko: '`socket()`을 부르면 서버와의 연결도 만들어진다', en: 'Calling `socket()` also connects to the server'},
        },
        {
          id: 'fixed',
          text: {ko: '디스크립터는 서비스마다 정해진 번호다(웹은 80)', en: 'Descriptors are fixed per service (the web uses 80)'},
        },
        {id: 'always-three', text: {ko: '첫 소켓은 어느 프로그램에서든 반드시 3번이다', en: 'The first socket is 3 in every program, without exception'}},
      ],
      correct: 'use-fd',
      explanation: {
        ko: '`socket()`은 컴퓨터 안에서 소켓을 만들고 번호표를 줄 뿐, 네트워크로는 아무것도 보내지 않아요. 첫 소켓은 보통 3번이에요.',
        en: '`socket()` only makes the socket inside the computer and hands back its tag; nothing is sent. The first socket is usually 3.',
      },
    },
    {
      id: 'socket-shared-table',
      kind: 'single',
      section: 'socket#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '`main.py`의 맨 앞에 로그 파일을 여는 줄 `log = open("app.log", "w")`를 넣고 실행하면, 소켓 `a`와 `b`는 몇 번을 받을까요?',
        en: 'Put a line that opens a log file, `log = open("app.log", "w")`, at the top of `main.py` and run it. Which numbers do the sockets `a` and `b` get?',
      },
      choices: [
        {id: 'four-five', text: {ko: '4와 5', en: '4 and 5'}},
        {id: 'three-four', text: {ko: '3과 4: 소켓 번호는 파일 번호와 따로 매겨진다', en: '3 and 4: sockets are numbered apart from files'}},
        {id: 'port', text: {ko: '접속할 포트에 따라 달라진다', en: 'It depends on the port they will connect to'}},
        {id: 'random', text: {ko: '실행할 때마다 아무 번호나 받는다', en: 'Any numbers, different on every run'}},
      ],
      correct: 'four-five',
      explanation: {
        ko: '파일과 소켓은 프로세스의 디스크립터 표 하나를 함께 써요. 0, 1, 2는 표준 입출력, 3은 로그 파일이 가져가니 소켓은 비어 있는 가장 작은 번호인 4와 5를 받아요. 포트와는 아무 관계가 없어요.',
        en: 'Files and sockets share the process’s one descriptor table. 0, 1 and 2 are the standard streams and 3 is the log file, so the sockets get the lowest free numbers, 4 and 5. Ports have nothing to do with it.',
      },
    },
  ],
};
