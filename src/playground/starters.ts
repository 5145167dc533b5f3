/**
 * The playground's starter programs (its menu), each a whole, correct program with comments in the reader's
 * language. Those that need a server running beside the client use `spawn(host, fn, ...args)`: fn runs as a
 * process on that host, a blocking call suspends only that process, and fn sees only its arguments (no variables
 * of the enclosing program). The rest use one host, or `on(host, fn)` (which runs fn to its end at once).
 */
export type StarterId = 'echo-server' | 'http-client' | 'close-wait-leak' | 'eaddrinuse' | 'port-scan';

export const STARTER_IDS: StarterId[] = ['echo-server', 'http-client', 'close-wait-leak', 'eaddrinuse', 'port-scan'];

/** the program a first visit opens with, and what a broken link falls back to */
export const DEFAULT_STARTER: StarterId = 'http-client';

/** Starters that need concurrent processes (`spawn`). */
export const NEEDS_SPAWN: ReadonlySet<StarterId> = new Set(['echo-server']);

type Locale = 'ko' | 'en';

/** Comments in each language; the code between them is the same in both (built from one template below). */
const TEXT: Record<StarterId, Record<Locale, string[]>> = {
  'echo-server': {
    ko: [
      '// 에코 서버: 받은 것을 그대로 돌려줘요.',
      '// spawn()은 server 호스트에서 함수를 프로세스로 띄워요. accept()가 기다리는 동안에도 클라이언트는 계속 돌아요.',
      '// 프로세스끼리는 변수를 나누지 않아요. 필요한 값은 spawn의 인자로 넘겨요 (여기서는 포트).',
      '// 연결마다: 읽고, 그대로 쓰고, 닫아요',
      '// 상대가 닫으면 read()가 빈 문자열(EOF)을 돌려줘요',
      '// 클라이언트(client 호스트): 메시지마다 새 연결',
    ],
    en: [
      '// Echo server: sends back whatever it receives.',
      '// spawn() starts the function as a process on host server. While accept() waits, the client keeps running.',
      '// Processes share no variables: values go in as spawn arguments (here, the port).',
      '// For each connection: read, write the same back, close',
      '// read() returns an empty string (EOF) once the peer has closed',
      '// The client (host client): one connection per message',
    ],
  },
  'http-client': {
    ko: [
      '// HTTP 클라이언트: www.example.com에 GET 요청을 보내고 응답을 끝까지 읽어요.',
      '// 이름을 IP 주소로 바꿔요 (DNS)',
      '// Connection: close라서 서버가 응답 뒤에 연결을 닫아요',
      '// read()가 빈 문자열(EOF)을 줄 때까지 읽어요',
    ],
    en: [
      '// HTTP client: sends a GET request to www.example.com and reads the whole response.',
      '// Turn the name into an IP address (DNS)',
      '// Connection: close, so the server closes after its response',
      '// Read until read() returns an empty string (EOF)',
    ],
  },
  'close-wait-leak': {
    ko: [
      '// CLOSE-WAIT 누수: 상대가 닫았는데 서버가 자기 소켓을 닫지 않으면, 그 연결은 CLOSE-WAIT에 영원히 남아요.',
      '// 서버: 듣기 시작',
      '// 클라이언트: 접속해서 한 줄 보내고 닫아요 (FIN)',
      '// 서버: 받아서 읽고, EOF도 봤지만 close(conn)을 잊었어요',
      '// 소켓 표에서 서버 쪽 연결이 CLOSE-WAIT인지 보세요. 위 줄에 close(conn);을 넣고 다시 실행해 보세요.',
    ],
    en: [
      '// CLOSE-WAIT leak: when the peer has closed but the server never closes its socket, the connection stays in CLOSE-WAIT forever.',
      '// Server: start listening',
      '// Client: connect, send one line, close (FIN)',
      '// Server: accept and read, even sees EOF, but forgets close(conn)',
      "// In the socket table the server's connection is in CLOSE-WAIT. Add close(conn); above and run again.",
    ],
  },
  eaddrinuse: {
    ko: [
      '// EADDRINUSE: 한 포트에는 소켓 하나만 자리 잡을 수 있어요.',
      '// 두 번째 bind()는 같은 포트라서 실패해요',
      '// 포트를 8081로 바꾸면 어떻게 될까요?',
    ],
    en: [
      '// EADDRINUSE: only one socket can hold a port.',
      '// The second bind() asks for the same port, so it fails',
      '// What happens if you change the port to 8081?',
    ],
  },
  'port-scan': {
    ko: [
      '// 포트 스캔: 포트마다 접속해 보고, 열린 포트와 닫힌 포트를 가려요.',
      '// 닫힌 포트는 RST로 답해요: connect()가 ECONNREFUSED로 실패해요',
      '// 시퀀스 다이어그램에서 SYN마다 SYN+ACK인지 RST인지 보세요',
    ],
    en: [
      '// Port scan: try to connect to each port and tell open ports from closed ones.',
      '// A closed port answers with RST: connect() fails with ECONNREFUSED',
      '// In the sequence diagram, see which SYN got a SYN+ACK and which an RST',
    ],
  },
};

function program(id: StarterId, c: string[]): string {
  switch (id) {
    case 'echo-server':
      return `${c[0]}
${c[1]}
${c[2]}
spawn('server', (port) => {
  const l = socket();
  bind(l, INADDR_ANY, port);
  listen(l, 5);
  while (true) {
    ${c[3]}
    const conn = accept(l);
    const data = read(conn, 1024);
    write(conn, data);
    close(conn);
  }
}, 7007);

${c[5]}
for (const message of ['hello', 'world']) {
  const fd = socket();
  connect(fd, '10.0.0.3', 7007);
  write(fd, message);
  console.log('echo:', read(fd, 1024));
  ${c[4]}
  console.log('EOF:', JSON.stringify(read(fd, 1024)));
  close(fd);
}
`;
    case 'http-client':
      return `${c[0]}
${c[1]}
const ip = resolve('www.example.com');
const fd = socket(AF_INET, SOCK_STREAM, 0);
connect(fd, ip, 80);
${c[2]}
write(fd, 'GET / HTTP/1.1\\r\\nHost: www.example.com\\r\\nConnection: close\\r\\n\\r\\n');
${c[3]}
let response = '';
while (true) {
  const chunk = read(fd, 4096);
  if (chunk === '') break;
  response += chunk;
}
console.log(response.split('\\r\\n')[0]);
console.log(response.length, 'bytes');
close(fd);
`;
    case 'close-wait-leak':
      return `${c[0]}
const SERVER = '10.0.0.3';
let lfd = 0;
${c[1]}
on('server', () => {
  lfd = socket();
  bind(lfd, INADDR_ANY, 8080);
  listen(lfd, 5);
});
${c[2]}
const fd = socket();
connect(fd, SERVER, 8080);
write(fd, 'bye\\n');
close(fd);
sleep(100);
${c[3]}
on('server', () => {
  const conn = accept(lfd);
  console.log('server read:', JSON.stringify(read(conn, 100)));
  console.log('server read:', JSON.stringify(read(conn, 100)));
  ${c[4]}
});
`;
    case 'eaddrinuse':
      return `${c[0]}
on('server', () => {
  const first = socket();
  bind(first, INADDR_ANY, 8080);
  listen(first, 5);
  const second = socket();
  try {
    ${c[1]}
    bind(second, INADDR_ANY, 8080); ${c[2]}
    console.log('bound twice?');
  } catch (e) {
    console.log(e.errno);
  }
});
`;
    case 'port-scan':
      return `${c[0]}
const ip = resolve('www.example.com');
for (const port of [21, 22, 25, 80, 443, 8080]) {
  const fd = socket();
  try {
    connect(fd, ip, port);
    console.log(port, 'open');
  } catch (e) {
    ${c[1]}
    console.log(port, e.errno);
  }
  close(fd);
}
${c[2]}
`;
  }
}

export function starterCode(id: StarterId, locale: Locale): string {
  return program(id, TEXT[id][locale]);
}
