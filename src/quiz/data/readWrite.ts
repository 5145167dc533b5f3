/** Chapter 4 (docs/04-read-write.mdx): write(), read(), buffers and the byte stream. */
import type {ChapterQuiz} from '../types';
import {listenAndConnect} from './snippets';

export const readWriteQuiz: ChapterQuiz = {
  chapter: 'read-write',
  title: {ko: '4장 송수신', en: 'Chapter 4, sending and receiving'},
  questions: [
    {
      id: 'rw-write-parameters',
      kind: 'multiple',
      section: 'read-write#write',
      notePoints: ['write-sends', 'write-parameters'],
      prompt: {ko: '`write()`에 넘기는 것을 모두 고르세요.', en: 'Pick everything that is passed to `write()`.'},
      choices: [
        {id: 'fd', text: {ko: '디스크립터', en: 'the descriptor'}},
        {id: 'data', text: {ko: '송신 데이터', en: 'the data to send'}},
        {id: 'length', text: {ko: '송신 데이터의 길이', en: 'the length of the data'}},
        {id: 'ip', text: {ko: '서버의 IP 주소', en: 'the server’s IP address'}},
        {id: 'buffer', text: {ko: '수신 버퍼', en: 'a receive buffer'}},
      ],
      correct: ['fd', 'data', 'length'],
      explanation: {
        ko: '`write(fd, data, length)`: 어느 소켓으로, 무엇을, 몇 바이트 보낼지예요. 서버의 주소는 접속할 때 이미 소켓에 기록되어 있어요.',
        en: '`write(fd, data, length)`: which socket, what, and how many bytes. The server’s address was written into the socket when it connected.',
      },
    },
    {
      id: 'rw-no-address',
      kind: 'single',
      section: 'read-write#write',
      notePoints: ['stack-sends-to-server'],
      prompt: {
        ko: '`write()`에는 서버의 주소를 넘기지 않는데, 데이터는 어떻게 서버로 가나요?',
        en: '`write()` gets no server address. How does the data reach the server?',
      },
      choices: [
        {
          id: 'socket-knows',
          text: {
            ko: '스택이 디스크립터로 소켓을 찾고, 접속 때 그 소켓에 기록해 둔 상대의 IP 주소와 포트로 보낸다',
            en: 'The stack finds the socket by its descriptor and sends to the peer IP address and port recorded in it when connecting',
          },
        },
        {id: 'broadcast', text: {ko: '스택이 네트워크의 모든 컴퓨터에 보낸다', en: 'The stack sends it to every computer on the network'}},
        {id: 'dns', text: {ko: 'DNS 서버가 목적지를 알려 준다', en: 'The DNS server tells it where to go'}},
        {id: 'in-data', text: {ko: '데이터 맨 앞에 주소를 적어야 한다', en: 'The address must be written at the start of the data'}},
      ],
      correct: 'socket-knows',
      explanation: {
        ko: '디스크립터가 소켓을 지정하고, 소켓에는 접속 단계에서 적어 둔 상대의 주소가 있어요. 그래서 프로토콜 스택은 그 소켓의 상대에게 데이터를 보내요.',
        en: 'The descriptor names the socket, and the socket holds the peer address written during the connect phase, so the stack sends to that peer.',
      },
    },
    {
      id: 'rw-write-returns',
      kind: 'single',
      section: 'read-write#what-the-stack-does',
      notePoints: ['stack-sends-to-server', 'stack-runs-everything'],
      prompt: {ko: '`write()`가 성공해서 돌아왔다는 것은 무슨 뜻인가요?', en: 'What does it mean when `write()` has returned successfully?'},
      choices: [
        {
          id: 'handed-over',
          text: {
            ko: '프로토콜 스택이 데이터를 송신 버퍼에 받아 두었다. 세그먼트로 보내고 필요하면 다시 보내는 일은 스택이 한다',
            en: 'The stack has copied the data into the send buffer; sending it in segments, and again if needed, is the stack’s job',
          },
        },
        {id: 'read-by-server', text: {ko: '서버 애플리케이션이 데이터를 읽었다', en: 'The server application has read the data'}},
        {id: 'reply-arrived', text: {ko: '서버의 응답이 도착했다', en: 'The server’s reply has arrived'}},
        {id: 'closed', text: {ko: '연결이 끊겼다', en: 'The connection is closed'}},
      ],
      correct: 'handed-over',
      explanation: {
        ko: '`write()`는 데이터가 송신 버퍼에 복사되면 돌아와요. "스택이 맡았다"는 뜻이지 "상대가 받았다"는 뜻이 아니에요.',
        en: '`write()` returns once the data is copied into the send buffer: it means “the stack has it”, not “the peer got it”.',
      },
    },
    {
      id: 'rw-server-replies',
      kind: 'single',
      section: 'read-write#server-replies',
      notePoints: ['server-processes-replies'],
      prompt: {ko: '요청을 받은 웹 서버는 무엇을 하나요?', en: 'What does a web server do with a request it received?'},
      choices: [
        {
          id: 'process-reply',
          text: {
            ko: '`read()`로 요청을 꺼내 해석하고 처리한 뒤, 응답 메시지를 자기 소켓에 `write()`해 돌려보낸다',
            en: 'It takes the request with `read()`, interprets and processes it, and `write()`s a response message back on its socket',
          },
        },
        {id: 'close', text: {ko: '응답 없이 곧바로 연결을 끊는다', en: 'It closes the connection without answering'}},
        {id: 'client-fd', text: {ko: '클라이언트의 디스크립터로 직접 써 넣는다', en: 'It writes straight into the client’s descriptor'}},
        {id: 'kernel-answers', text: {ko: '서버의 커널(프로토콜 스택)이 요청에 직접 답하고, 서버 프로그램은 나중에 알게 된다', en: 'The server’s kernel (its protocol stack) answers the request itself; the server program learns of it later'}},
      ],
      correct: 'process-reply',
      explanation: {
        ko: '서버는 요청을 받아 알맞게 처리하고(파일 찾기 등) 응답 메시지를 만들어 반송해요. 응답은 반대 방향으로 같은 과정을 거쳐 클라이언트의 스택에 도착해요.',
        en: 'The server processes the request (finds the file, …) and sends a response message back, which travels the same way in the other direction.',
      },
    },
    {
      id: 'rw-read-parameters',
      kind: 'multiple',
      section: 'read-write#read',
      notePoints: ['read-receives', 'read-parameters'],
      prompt: {ko: '`read()`에 넘기는 것을 모두 고르세요.', en: 'Pick everything that is passed to `read()`.'},
      choices: [
        {id: 'fd', text: {ko: '디스크립터', en: 'the descriptor'}},
        {id: 'buffer', text: {ko: '수신 버퍼(받은 데이터를 담을 메모리와 그 크기)', en: 'a receive buffer (memory for the data, and its size)'}},
        {id: 'port', text: {ko: '서버의 포트 번호', en: 'the server’s port number'}},
        {id: 'data', text: {ko: '보낼 데이터', en: 'the data to send'}},
      ],
      correct: ['fd', 'buffer'],
      explanation: {
        ko: '`read(fd, buf, size)`: 어느 소켓에서 받을지와, 받은 데이터를 담을 수신 버퍼예요. Socket Lab에서는 최대 바이트 수만 넘기고 데이터는 반환값으로 받아요.',
        en: '`read(fd, buf, size)`: which socket to receive from, and the receive buffer to put the data in. In Socket Lab you pass the maximum size and get the data back as the result.',
      },
    },
    {
      id: 'rw-receive-buffer',
      kind: 'short',
      section: 'read-write#read',
      notePoints: ['receive-buffer'],
      prompt: {
        ko: '`read()`에 넘기는, 응답 메시지를 받아서 저장하는 공간을 무엇이라고 하나요?',
        en: 'What is the space passed to `read()`, where the response message is received and stored, called?',
      },
      accept: ['수신 버퍼', '수신버퍼', '받기 버퍼', '버퍼', 'receive buffer', 'recv buffer', 'buffer', 'receiving buffer', 'read buffer'],
      solution: {ko: '수신 버퍼', en: 'the receive buffer'},
      explanation: {
        ko: '수신 버퍼는 응답 메시지를 받아 저장하는 공간이에요. `read()`는 소켓에 도착해 있는 데이터를 이 버퍼로 옮겨 줘요.',
        en: 'The receive buffer is where the response message is received and stored; `read()` moves the data waiting in the socket into it.',
      },
    },
    {
      id: 'rw-short-read',
      kind: 'predict',
      section: 'read-write#try-it',
      notePoints: ['read-receives'],
      prompt: {
        ko: '에코 서버는 받은 바이트를 그대로 돌려줘요. 11바이트를 보내고 `read(fd, 5)`로 읽으면 무엇이 출력될까요?',
        en: 'The echo server sends back what it receives. After sending 11 bytes, what does `read(fd, 5)` print?',
      },
      program: `const ip = resolve('echo.example.com');
const fd = socket();
connect(fd, ip, 7);
write(fd, 'hello world');
sleep(100);                  // let the echo arrive
console.log(read(fd, 5));`,
      measure: {type: 'last-log'},
      expected: 'hello',
      options: ['hello', 'hello world', 'world', "''"],
      explanation: {
        ko: '`read()`는 요청한 최대 크기까지만 돌려줘요. 11바이트가 도착해 있어도 `read(fd, 5)`는 앞 5바이트 `hello`만 주고, 나머지는 소켓의 수신 버퍼에 남아요.',
        en: '`read()` returns at most the size asked for: with 11 bytes waiting, `read(fd, 5)` gives the first five, `hello`, and the rest stays in the socket’s receive buffer.',
      },
    },
    {
      id: 'rw-byte-stream',
      kind: 'predict',
      section: 'read-write#byte-stream',
      notePoints: ['read-receives', 'write-sends'],
      prompt: {
        ko: '클라이언트가 `abc`, `def`, `ghi`를 따로 세 번 보냈어요. 잠시 뒤 서버의 `read(conn, 4)`는 무엇을 돌려줄까요?',
        en: 'The client wrote `abc`, `def` and `ghi` in three calls. A moment later, what does the server’s `read(conn, 4)` return?',
      },
      program: `${listenAndConnect}
write(fd, 'abc');
write(fd, 'def');
write(fd, 'ghi');
sleep(300);                  // let it all arrive
on('server', () => {
  console.log(read(conn, 4));
});`,
      measure: {type: 'last-log'},
      expected: 'abcd',
      options: ['abc', 'abcd', 'abcdefghi', 'ghi'],
      explanation: {
        ko: 'TCP는 메시지 경계를 기억하지 않는 바이트의 흐름이에요. 세 번의 `write()`가 이어진 9바이트로 쌓여 있으니 `read(conn, 4)`는 첫 `write()`의 경계를 넘어 `abcd`를 돌려줘요.',
        en: 'TCP carries a stream of bytes with no message boundaries. The three writes are waiting as 9 bytes in a row, so `read(conn, 4)` crosses the first write’s boundary and returns `abcd`.',
      },
    },
    {
      id: 'rw-nagle',
      kind: 'predict',
      section: 'read-write#nagle',
      notePoints: ['write-sends', 'read-receives'],
      prompt: {
        ko: '서버가 곧바로 답한 적이 있는 연결에서, 클라이언트가 요청 하나를 작은 `write()` 두 번으로 나눠 보내요. 서버는 빈 줄이 올 때까지 `read()`를 되풀이해요. 서버의 `read()`는 몇 번 불릴까요?',
        en: 'On a connection where the server has already answered at once, the client sends one request in two small `write()` calls. The server calls `read()` until the empty line arrives. How many times does the server call `read()`?',
      },
      program: `${listenAndConnect}
write(fd, 'hello\\n');
on('server', () => { read(conn, 100); write(conn, 'hi\\n'); });
read(fd, 100);
write(fd, 'GET ');
write(fd, '/ HTTP/1.0\\r\\n\\r\\n');
on('server', () => {
  let request = '';
  let reads = 0;
  while (!request.endsWith('\\r\\n\\r\\n')) {
    request += read(conn, 100);
    reads++;
  }
  console.log(reads);
});`,
      measure: {type: 'last-log'},
      expected: '2',
      options: ['1', '2', '3'],
      explanation: {
        ko: '첫 조각 `GET `은 바로 떠나지만, 네이글 알고리즘은 그 작은 세그먼트의 `ACK`가 올 때까지 두 번째 조각을 붙잡아요. 서버는 대화형이 되어 `ACK`를 40ms쯤 미루므로, 첫 `read()`는 `GET `만 받고 나머지는 두 번째 `read()`에 와요. `TCP_NODELAY`를 켜면 한 번이면 돼요.',
        en: 'The first piece, `GET `, leaves at once, but Nagle’s algorithm holds the second until that small segment is acknowledged. The server, now interactive, delays its `ACK` by about 40 ms, so the first `read()` gets only `GET ` and the rest comes to the second. With `TCP_NODELAY` on, one read is enough.',
      },
    },
    {
      id: 'rw-read-blocks',
      kind: 'predict',
      section: 'read-write#read-blocks',
      notePoints: ['read-receives'],
      prompt: {
        ko: '서버는 접속을 받아 주지만 아무것도 보내지 않아요. 이 프로그램은 어떻게 끝날까요?',
        en: 'The server takes the connection but never sends anything. How does this program end?',
      },
      program: `${listenAndConnect}
const data = read(fd, 100);
console.log('got', data);`,
      measure: {type: 'status'},
      expected: 'blocked',
      options: ['ok', 'error', 'blocked'],
      optionLabels: {
        ok: {ko: '빈 문자열을 읽고 정상 종료', en: 'reads an empty string and ends normally'},
        error: {ko: '오류(errno)로 실패', en: 'fails with an errno'},
        blocked: {ko: '`read()`가 영원히 기다림', en: '`read()` waits forever'},
      },
      explanation: {
        ko: '소켓의 수신 버퍼가 비어 있으면 `read()`는 데이터가 도착할 때까지 돌아오지 않아요(블로킹). 상대가 보내지도 끊지도 않으니 영원히 기다려요. 빈 문자열은 상대가 끊었을 때(EOF)만 돌아와요.',
        en: 'With nothing in the receive buffer, `read()` does not return until data arrives (it blocks). The peer neither sends nor closes, so it waits forever; an empty string comes only when the peer has closed (EOF).',
      },
    },
    {
      id: 'rw-eof',
      kind: 'predict',
      section: 'read-write#eof',
      notePoints: ['read-reports-end'],
      prompt: {
        ko: '서버가 `bye`를 보내고 연결을 끊어요. 클라이언트가 `read()`를 두 번 하면 무엇이 출력될까요?',
        en: 'The server sends `bye` and closes. The client reads twice; what is printed?',
      },
      program: `${listenAndConnect}
on('server', () => {
  write(conn, 'bye');
  close(conn);
});
const first = read(fd, 100);
const second = read(fd, 100);
console.log(JSON.stringify(first), JSON.stringify(second));
close(fd);`,
      measure: {type: 'last-log'},
      expected: '"bye" ""',
      options: ['"bye" ""', '"bye" "bye"', '"" ""', '"bye" "ECONNRESET"'],
      explanation: {
        ko: '상대가 끊기 전에 보낸 데이터가 먼저 나오고(`"bye"`), 다 읽은 뒤의 `read()`는 0바이트, 곧 빈 문자열 `""`(EOF)를 돌려줘요. 더는 올 데이터가 없다는 신호예요.',
        en: 'Data sent before the close comes first (`"bye"`); after it, `read()` returns 0 bytes, the empty string `""` (EOF): no more data will come.',
      },
    },
    {
      id: 'rw-echo-code',
      kind: 'code',
      section: 'read-write#summary',
      notePoints: ['write-sends', 'read-receives', 'server-processes-replies'],
      prompt: {
        ko: '에코 서버(`echo.example.com`, 7번 포트)에 `hello`를 보내고, 돌아온 데이터를 `read()`로 받아 출력하세요.',
        en: 'Send `hello` to the echo server (`echo.example.com`, port 7), receive what comes back with `read()` and print it.',
      },
      starter: `const ip = resolve('echo.example.com');
const fd = socket();
connect(fd, ip, 7);
// send 'hello', read the answer, print it
close(fd);
`,
      solution: `const ip = resolve('echo.example.com');
const fd = socket();
connect(fd, ip, 7);
write(fd, 'hello');
const answer = read(fd, 100);
console.log(answer);          // hello
close(fd);`,
      checker: 'echo-round-trip',
      explanation: {
        ko: '`write(fd, …)`로 보내면 서버가 받아 처리(여기서는 그대로 돌려주기)한 뒤 응답을 보내고, `read(fd, …)`가 그 응답을 수신 버퍼로 받아요.',
        en: '`write(fd, …)` sends; the server processes it (here: sends it back) and replies; `read(fd, …)` receives the reply into the receive buffer.',
      },
    },
    {
      id: 'rw-message-boundaries',
      kind: 'single',
      section: 'read-write#on-your-machine',
      notePoints: [],
      prompt: {
        ko: '채팅 프로그램이 메시지마다 `send()`를 한 번 하고, 받는 쪽은 메시지마다 `recv(4096)`을 한 번 해요. 내 컴퓨터에서는 잘 되는데, 인터넷 너머에서는 가끔 메시지 두 개가 한 번에 오거나 반만 와요. 무엇이 버그인가요?',
        en: 'A chat program calls `send()` once per message, and the receiver calls `recv(4096)` once per message. It works on your machine, but across the internet two messages sometimes arrive in one `recv()`, or half of one. What is the bug?',
      },
      choices: [
        {
          id: 'framing',
          text: {
            ko: 'TCP는 메시지 경계가 없는 바이트의 흐름이다. 길이를 앞에 붙이거나 구분 문자를 정해, 메시지 하나가 다 모일 때까지 읽어야 한다',
            en: 'TCP is a stream of bytes without message boundaries: put the length in front or agree on a delimiter, and read until a whole message is in',
          },
        },
        {
          id: 'nodelay',
          text: {
            ko: '`TCP_NODELAY`를 켜지 않아서 메시지가 합쳐진다. 켜면 메시지마다 따로 도착한다',
            en: '`TCP_NODELAY` is off, so messages get merged; turned on, each message arrives on its own',
          },
        },
        {id: 'buffer', text: {ko: '4096이 너무 작다. `recv(65536)`으로 바꾸면 된다', en: '4096 is too small; `recv(65536)` fixes it'}},
        {id: 'loss', text: {ko: '패킷이 사라지는데 TCP가 다시 보내 주지 않는다', en: 'Packets get lost and TCP does not send them again'}},
      ],
      correct: 'framing',
      explanation: {
        ko: '`recv()`는 그때 수신 버퍼에 있는 바이트를 `max`까지 돌려줄 뿐, 상대가 `send()`를 몇 번 했는지 몰라요. `TCP_NODELAY`는 보내는 시점만 바꿀 뿐 경계를 만들지 않고, 버퍼를 키워도 반쪽 메시지는 그대로예요. TCP는 잃어버린 세그먼트를 다시 보내요. 경계는 애플리케이션이 직접 정해야 해요. HTTP의 `Content-Length`가 바로 그 방법이에요.',
        en: '`recv()` returns whatever bytes are queued, up to `max`; it cannot know how many `send()` calls made them. `TCP_NODELAY` only changes when data leaves and makes no boundaries, a bigger buffer still gets half messages, and TCP does resend lost segments. The application has to mark boundaries itself; HTTP’s `Content-Length` is one way.',
      },
    },
  ],
};
