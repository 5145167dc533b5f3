/** Chapter 6 (docs/06-http.mdx): HTTP/1.0 one connection per resource, HTTP/1.1 persistent connections. */
import type {ChapterQuiz} from '../types';

/** Fetches two resources the HTTP/1.0 way: a whole connection each, reading until the server closes. */
const http10TwoFiles = `const ip = resolve('www.example.com');
function get(path: string) {
  const fd = socket();
  connect(fd, ip, 80);
  write(fd, \`GET \${path} HTTP/1.0\\r\\n\\r\\n\`);
  while (read(fd, 4096) !== '') {}  // until EOF
  close(fd);
}
get('/index.html');
get('/logo.png');`;

/** The same two resources over one HTTP/1.1 connection, each response cut by its Content-Length. */
const http11TwoFiles = `const ip = resolve('www.example.com');
const fd = socket();
connect(fd, ip, 80);
let buf = '';
function more() {
  const chunk = read(fd, 4096);
  if (chunk === '') throw new Error('closed early');
  buf += chunk;
}
function get(path: string) {
  write(fd, \`GET \${path} HTTP/1.1\\r\\n\` +
    'Host: www.example.com\\r\\n\\r\\n');
  while (!buf.includes('\\r\\n\\r\\n')) more();
  const end = buf.indexOf('\\r\\n\\r\\n') + 4;
  const m = /content-length: *(\\d+)/i.exec(buf.slice(0, end));
  const total = end + Number(m ? m[1] : 0);
  while (buf.length < total) more();
  console.log(path, buf.slice(0, buf.indexOf('\\r\\n')));
  buf = buf.slice(total);
}
get('/index.html');
get('/logo.png');
close(fd);`;

const stateOptions = ['ESTABLISHED', 'CLOSE-WAIT', 'TIME-WAIT', 'CLOSED'];

export const httpQuiz: ChapterQuiz = {
  chapter: 'http',
  title: {ko: '6장 HTTP와 연결', en: 'Chapter 6, HTTP and connections'},
  questions: [
    {
      id: 'http-requests-per-page',
      kind: 'short',
      section: 'http#page-has-many-resources',
      notePoints: ['http10-repeats'],
      prompt: {
        ko: '`/index.html`에는 서로 다른 이미지를 가리키는 `<img>` 태그 두 개가 있고, 다른 자원(CSS, 스크립트, 아이콘)은 없어요. 브라우저에 저장해 둔 것도 없어요. 이 페이지를 다 보여 주려면 브라우저가 `GET` 요청을 몇 번 보내나요?',
        en: '`/index.html` has two `<img>` tags pointing to two different images and no other resources (no CSS, scripts or icon), and the browser has nothing cached. How many `GET` requests does the browser send to show the whole page?',
      },
      accept: ['3', '3번', '세 번', '3개', 'three', '3 requests'],
      solution: {ko: '3 (HTML 하나 + 이미지 둘)', en: '3 (the HTML plus two images)'},
      inputMode: 'numeric',
      explanation: {
        ko: '브라우저는 HTML을 받아 해석하다가 이미지가 필요하다는 것을 알고, 이미지마다 요청을 또 보내요. HTML 하나와 이미지 둘, 모두 세 번이에요.',
        en: 'The browser reads the HTML, finds it needs the images, and requests each: one for the HTML and one per image, three in all.',
      },
    },
    {
      id: 'http-10-separate',
      kind: 'single',
      section: 'http#http10',
      notePoints: ['http10-repeats'],
      prompt: {ko: 'HTTP/1.0에서 HTML 문서와 이미지는 어떻게 받았나요?', en: 'How did HTTP/1.0 fetch an HTML document and its images?'},
      choices: [
        {
          id: 'separately',
          text: {
            ko: '각각 따로: 자원 하나마다 소켓 만들기, 접속, 요청과 응답, 연결 끊기를 처음부터 되풀이했다',
            en: 'Each on its own: for every resource, create a socket, connect, request and response, disconnect, from the start',
          },
        },
        {id: 'one-connection', text: {ko: '연결 하나로 모두 받았다', en: 'All over one connection'}},
        {id: 'embedded', text: {ko: '이미지가 HTML 안에 들어 있어 요청 한 번이면 됐다', en: 'Images were inside the HTML, so one request was enough'}},
        {id: 'per-page', text: {ko: '페이지마다 연결 하나: HTML과 그 이미지를 받은 뒤 끊었다', en: 'One connection per page: the HTML and its images, then a disconnect'}},
      ],
      correct: 'separately',
      explanation: {
        ko: 'HTTP/1.0은 HTML과 이미지를 별개로 취급해서, 데이터 하나마다 네 단계를 모두 되풀이했어요. 응답의 끝은 서버가 연결을 끊는 것으로 알렸어요.',
        en: 'HTTP/1.0 treated the HTML and each image as separate, repeating all four phases per resource; the server closing the connection marked the end of a response.',
      },
    },
    {
      id: 'http-10-syn-count',
      kind: 'predict',
      section: 'http#http10',
      notePoints: ['http10-repeats'],
      prompt: {
        ko: 'HTTP/1.0 방식으로 `/index.html`과 `/logo.png`를 받아요. 클라이언트가 서버에 보내는 `SYN`은 몇 개일까요?',
        en: 'The program fetches `/index.html` and `/logo.png` the HTTP/1.0 way. How many `SYN`s does the client send to the server?',
      },
      program: http10TwoFiles,
      measure: {type: 'segment-count', from: 'client', to: 'www.example.com', flags: 'S'},
      expected: '2',
      accept: ['2개', 'two', '두 개'],
      inputMode: 'numeric',
      explanation: {
        ko: '자원 하나에 연결 하나예요. 연결마다 3-way 핸드셰이크를 하니 `SYN`도 자원 수만큼, 2개가 나가요.',
        en: 'One resource, one connection, and each connection starts with a handshake: one `SYN` per resource, two here.',
      },
    },
    {
      id: 'http-10-server-time-wait',
      kind: 'predict',
      section: 'http#costs',
      notePoints: ['http10-repeats', 'server-usually-disconnects'],
      prompt: {
        ko: '같은 HTTP/1.0 프로그램을 실행한 뒤, 서버(`www.example.com`) 쪽의 마지막 연결은 어떤 상태로 남을까요?',
        en: 'After the same HTTP/1.0 program, in which state is the server’s (`www.example.com`) side of the last connection left?',
      },
      program: http10TwoFiles,
      measure: {type: 'final-state', host: 'www.example.com', port: 80},
      expected: 'TIME-WAIT',
      options: stateOptions,
      explanation: {
        ko: 'HTTP/1.0에서는 서버가 응답을 보낸 뒤 먼저 끊어요. 먼저 끊은 쪽에 `TIME-WAIT`가 남으니, 자원 하나마다 서버에 `TIME-WAIT`가 60초씩 쌓여요.',
        en: 'In HTTP/1.0 the server closes first, after its response; the side that closes first keeps `TIME-WAIT`, so every resource leaves one on the server for 60 s.',
      },
    },
    {
      id: 'http-10-handshakes',
      kind: 'short',
      section: 'http#costs',
      notePoints: ['http10-repeats'],
      prompt: {
        ko: 'HTML 하나와 이미지 4개를 HTTP/1.0으로 차례로 받으면 3-way 핸드셰이크를 몇 번 하나요?',
        en: 'Fetching one HTML page and 4 images one after another with HTTP/1.0 takes how many three-way handshakes?',
      },
      accept: ['5', '5번', '다섯 번', 'five', '5회'],
      solution: {ko: '5 (자원 5개, 연결 5개)', en: '5 (5 resources, 5 connections)'},
      inputMode: 'numeric',
      explanation: {
        ko: '자원마다 연결을 새로 여니 핸드셰이크도 5번, 요청을 보내기 전의 왕복도 5번 더 들어요.',
        en: 'A new connection per resource means 5 handshakes, and 5 extra round trips before requests can go out.',
      },
    },
    {
      id: 'http-11-persistent',
      kind: 'single',
      section: 'http#persistent',
      notePoints: ['http11-many-on-one'],
      prompt: {ko: 'HTTP/1.1부터 마련된 방법은 무엇인가요?', en: 'What did HTTP/1.1 introduce?'},
      choices: [
        {
          id: 'persistent',
          text: {
            ko: '연결 하나로 여러 요청과 응답을 주고받는 지속 연결(keep-alive)',
            en: 'Persistent connections (keep-alive): several requests and responses over one connection',
          },
        },
        {id: 'udp', text: {ko: '자원마다 UDP로 병렬 전송', en: 'Sending each resource over UDP in parallel'}},
        {id: 'push', text: {ko: '서버가 요청받지 않은 이미지도 HTML과 함께 먼저 보내 주기', en: 'The server sending the images along with the HTML before they are asked for'}},
        {id: 'pipelining-default', text: {ko: '모든 브라우저가 기본으로 쓰는 파이프라이닝', en: 'Pipelining, used by every browser by default'}},
      ],
      correct: 'persistent',
      explanation: {
        ko: '자원마다 연결을 새로 여는 방식이 비효율적이어서, HTTP/1.1부터는 응답 뒤에도 연결을 열어 두고 다음 요청을 받아요. 지속 연결이 기본값이에요.',
        en: 'A new connection per resource was wasteful, so from HTTP/1.1 on the connection stays open after a response for the next request; persistent is the default.',
      },
    },
    {
      id: 'http-11-syn-count',
      kind: 'predict',
      section: 'http#persistent',
      notePoints: ['http11-many-on-one'],
      prompt: {
        ko: '이번에는 HTTP/1.1 연결 하나로 `/index.html`과 `/logo.png`를 받아요. 클라이언트가 보내는 `SYN`은 몇 개일까요?',
        en: 'This time one HTTP/1.1 connection fetches `/index.html` and `/logo.png`. How many `SYN`s does the client send?',
      },
      program: http11TwoFiles,
      measure: {type: 'segment-count', from: 'client', to: 'www.example.com', flags: 'S'},
      expected: '1',
      accept: ['1개', 'one', '한 개', '하나'],
      inputMode: 'numeric',
      explanation: {
        ko: '지속 연결에서는 핸드셰이크가 처음 한 번뿐이에요. 두 요청과 두 응답이 같은 연결로 오가요.',
        en: 'With a persistent connection there is one handshake at the start; both requests and both responses use the same connection.',
      },
    },
    {
      id: 'http-11-who-waits',
      kind: 'predict',
      section: 'http#where-a-response-ends',
      notePoints: ['http11-many-on-one', 'either-side-disconnects'],
      prompt: {
        ko: '같은 HTTP/1.1 프로그램에서, 마지막에 클라이언트 쪽 소켓은 어떤 상태로 남을까요?',
        en: 'In the same HTTP/1.1 program, in which state is the client’s socket left at the end?',
      },
      program: http11TwoFiles,
      measure: {type: 'final-state', host: 'client', port: 80},
      expected: 'TIME-WAIT',
      options: stateOptions,
      explanation: {
        ko: '서버는 연결을 열어 두고, 응답의 끝은 `Content-Length`로 알아내요. 다 받은 뒤 클라이언트가 먼저 `close()`하니 `TIME-WAIT`는 클라이언트에 남아요.',
        en: 'The server keeps the connection open and each response ends where its `Content-Length` says; the client closes first when done, so the client keeps `TIME-WAIT`.',
      },
    },
    {
      id: 'http-11-response-end',
      kind: 'single',
      section: 'http#where-a-response-ends',
      notePoints: ['http11-many-on-one', 'read-reports-end'],
      prompt: {
        ko: 'HTTP/1.1 지속 연결에서 응답을 "EOF가 나올 때까지" 읽으면 어떻게 되고, 대신 무엇으로 끝을 알아내나요?',
        en: 'On an HTTP/1.1 persistent connection, what happens if you read a response “until EOF”, and how is its end found instead?',
      },
      choices: [
        {
          id: 'content-length',
          text: {
            ko: '서버가 연결을 끊지 않으니 `read()`가 다음 응답을 영원히 기다린다. 헤더의 `Content-Length`만큼 읽어 끝을 안다',
            en: 'The server does not close, so `read()` waits forever for a next response; read as many bytes as the `Content-Length` header says',
          },
        },
        {
          id: 'eof-fine',
          text: {ko: '문제없다. 응답마다 EOF가 온다', en: 'Nothing goes wrong: every response ends with EOF'},
        },
        {
          id: 'first-read',
          text: {ko: '`read()` 한 번이 언제나 응답 하나다', en: 'One `read()` is always exactly one response'},
        },
        {
          id: 'rst',
          text: {ko: '서버가 `RST`를 보내 끝을 알린다', en: 'The server sends `RST` to mark the end'},
        },
      ],
      correct: 'content-length',
      explanation: {
        ko: '연결이 열려 있으면 EOF가 오지 않아요. TCP는 경계를 지켜 주지 않으니, 헤더 끝(`\\r\\n\\r\\n`)에서 `Content-Length`만큼 더 읽어 응답 하나를 잘라 내요.',
        en: 'An open connection never gives EOF, and TCP keeps no boundaries, so you read to the end of the headers (`\\r\\n\\r\\n`) plus `Content-Length` bytes to cut out one response.',
      },
    },
    {
      id: 'http-pipelining',
      kind: 'single',
      section: 'http#pipelining',
      notePoints: ['http11-many-on-one'],
      prompt: {ko: 'HTTP/1.1의 파이프라이닝이란 무엇인가요?', en: 'What is HTTP/1.1 pipelining?'},
      choices: [
        {
          id: 'back-to-back',
          text: {
            ko: '응답을 기다리지 않고 요청 여러 개를 연달아 보내는 것. 서버는 받은 순서대로 응답한다',
            en: 'Sending several requests back to back without waiting for responses; the server answers in the order received',
          },
        },
        {id: 'parallel', text: {ko: '같은 서버에 연결을 여러 개 여는 것', en: 'Opening several connections to the same server'}},
        {
          id: 'multiplex',
          text: {ko: '요청과 응답을 섞어서 아무 순서로나 보내는 것', en: 'Interleaving requests and responses in any order'},
        },
        {id: 'split', text: {ko: '큰 응답 하나를 여러 연결로 나눠 보내는 것', en: 'Splitting one large response over several connections'}},
      ],
      correct: 'back-to-back',
      explanation: {
        ko: '파이프라이닝은 요청들을 한꺼번에 보내지만, 응답은 순서대로 와야 해서 앞의 느린 응답이 뒤를 막아요(head-of-line blocking). 섞어 보내는 다중화는 HTTP/2의 기능이에요.',
        en: 'Pipelining sends requests together, but responses must come in order, so a slow one holds up the rest (head-of-line blocking). Interleaving is HTTP/2’s multiplexing.',
      },
    },
    {
      id: 'http-parallel',
      kind: 'single',
      section: 'http#parallel-connections',
      notePoints: ['http11-many-on-one'],
      prompt: {
        ko: '파이프라이닝 대신 브라우저들이 택한 방법은 무엇인가요?',
        en: 'What did browsers do instead of pipelining?',
      },
      choices: [
        {
          id: 'six',
          text: {
            ko: '같은 서버에 연결을 여러 개(보통 6개까지) 동시에 열고, 각 연결을 지속 연결로 쓴다',
            en: 'Open several connections to the same server at once (usually up to 6), each one persistent',
          },
        },
        {id: 'http10', text: {ko: 'HTTP/1.0으로 돌아갔다', en: 'Went back to HTTP/1.0'}},
        {id: 'one-at-a-time', text: {ko: '한 번에 자원 하나만 받는다', en: 'Fetch one resource at a time'}},
        {id: 'http2-at-once', text: {ko: '곧바로 HTTP/2로 넘어갔다', en: 'Moved to HTTP/2 straight away'}},
      ],
      correct: 'six',
      explanation: {
        ko: '브라우저는 서버 하나에 보통 6개까지 연결을 열어 나눠 받아요. 기다림은 줄지만, 연결마다 핸드셰이크와 느린 시작이 따로 있어요. HTTP/2(2015년)는 한참 뒤의 일이고, 그 전까지 오랫동안 페이지는 HTTP/1.1 연결 6개로 받았어요.',
        en: 'Browsers open up to about 6 connections per server and share the work; waiting drops, but each connection has its own handshake and slow start. HTTP/2 (2015) came much later; for years six HTTP/1.1 connections were how pages loaded.',
      },
    },
    {
      id: 'http-one-connection-code',
      kind: 'code',
      section: 'http#summary',
      notePoints: ['http11-many-on-one', 'http10-repeats'],
      prompt: {
        ko: '이 프로그램은 HTTP/1.0 방식으로 자원마다 연결을 새로 열어요. 연결 하나로 `/index.html`과 `/logo.png`를 모두 받도록 바꾸세요. (`SYN`은 하나만)',
        en: 'This program opens a new connection per resource, the HTTP/1.0 way. Change it to fetch both `/index.html` and `/logo.png` over one connection (a single `SYN`).',
      },
      starter: http10TwoFiles + '\n',
      solution: http11TwoFiles,
      checker: 'two-files-one-connection',
      explanation: {
        ko: 'HTTP/1.1 요청(`Host` 헤더 포함)을 한 연결에 차례로 보내고, 응답마다 `Content-Length`만큼 읽어요. EOF까지 읽으면 영원히 기다리니 조심하세요. 다 받은 뒤에 `close()`해요.',
        en: 'Send HTTP/1.1 requests (with a `Host` header) one after another on one connection and read each response by its `Content-Length`; reading until EOF would wait forever. Close when done.',
      },
    },
    {
      id: 'http-10-round-trips-ms',
      kind: 'short',
      section: 'http#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '서버까지 왕복 시간(RTT)이 40 ms예요. HTML 하나와 이미지 3개를 HTTP/1.0으로 하나씩 차례로 받으면(자원마다 새 연결) 첫 `SYN`부터 마지막 응답이 도착할 때까지 몇 ms 걸릴까요? 서버의 처리 시간은 0이고, 요청과 응답은 세그먼트 하나에 들어가요.',
        en: 'The round-trip time (RTT) to the server is 40 ms. Fetching one HTML file and 3 images with HTTP/1.0, one after another (a new connection each), how many ms pass from the first `SYN` to the arrival of the last response? The server takes no time, and each request and response fits one segment.',
      },
      accept: ['320', '320ms', '320 ms', '320밀리초'],
      solution: {ko: '320 ms (자원 4개 × 2 RTT × 40 ms)', en: '320 ms (4 resources × 2 RTT × 40 ms)'},
      inputMode: 'numeric',
      explanation: {
        ko: '자원마다 핸드셰이크 1 RTT와 요청·응답 1 RTT, 모두 2 RTT가 들어요. 자원이 4개이니 8 RTT, 곧 8 × 40 = 320 ms예요. HTTP/1.1 지속 연결이라면 핸드셰이크 1번에 요청·응답 4번, 5 RTT = 200 ms예요. 이 장의 HTTP 실험실에서 이미지 3개, 왕복 시간 40으로 확인해 보세요.',
        en: 'Each resource costs 2 RTT: 1 for the handshake and 1 for the request and response. Four resources make 8 RTT, 8 × 40 = 320 ms. Over one HTTP/1.1 persistent connection it would be one handshake plus 4 exchanges, 5 RTT = 200 ms. Check it in this chapter’s HTTP lab with 3 images and a round-trip time of 40.',
      },
    },
  ],
};
