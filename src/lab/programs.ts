/**
 * The five client programs of the lab, as the source a reader sees in "Show code" and the runner runs.
 * They are ordinary reader programs (ARCHITECTURE.md "The reader's program"): they fetch the page, find
 * its images in the HTML like a browser would, and fetch those. Only the page path changes with N.
 *
 * Requests are small (one segment each), and the pipelined program writes all its image requests in ONE
 * write(), so they leave back to back in the same flight whatever the stack does with small writes.
 */
import {MAX_PARALLEL, SERVER_HOST, pagePath, type LabMode} from './modes';

const http10Sequential = (page: string) => `// HTTP/1.0: one connection per resource, one after another.
const ip = resolve('${SERVER_HOST}');

function get(path: string): string {
  const fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, ip, 80);                 // handshake: 1 round trip
  write(fd, \`GET \${path} HTTP/1.0\\r\\nHost: ${SERVER_HOST}\\r\\n\\r\\n\`);
  let response = '';
  let chunk = read(fd, 4096);          // request -> response: 1 round trip
  while (chunk !== '') {               // HTTP/1.0: the server closes to mark the end
    response += chunk;
    chunk = read(fd, 4096);
  }
  close(fd);
  return response;
}

const html = get('${page}');
const images = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
for (const src of images) get(src);
console.log(\`\${images.length + 1} resources, \${images.length + 1} connections\`);
`;

/** Reads one response by its Content-Length; `pending` keeps bytes that belong to the next response. */
const responseReader = `let pending = '';

function readResponse(fd: number): string {
  while (!pending.includes('\\r\\n\\r\\n')) pending += more(fd);
  const headerEnd = pending.indexOf('\\r\\n\\r\\n') + 4;
  const length = Number(/content-length: *(\\d+)/i.exec(pending.slice(0, headerEnd))?.[1] ?? 0);
  while (pending.length < headerEnd + length) pending += more(fd);
  const response = pending.slice(0, headerEnd + length);
  pending = pending.slice(headerEnd + length);
  return response;
}

function more(fd: number): string {
  const chunk = read(fd, 4096);
  if (chunk === '') throw new Error('the server closed the connection in the middle of a response');
  return chunk;
}
`;

const request11 = (pathExpr: string) => `\`GET \${${pathExpr}} HTTP/1.1\\r\\nHost: ${SERVER_HOST}\\r\\n\\r\\n\``;

const http11Persistent = (page: string) => `// HTTP/1.1 persistent connection: one connection, one request at a time.
const ip = resolve('${SERVER_HOST}');
const fd = socket(AF_INET, SOCK_STREAM, 0);
connect(fd, ip, 80);                   // the only handshake

${responseReader}
function get(path: string): string {
  write(fd, ${request11('path')});
  return readResponse(fd);             // wait for the whole response before the next request
}

const html = get('${page}');
const images = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
for (const src of images) get(src);
close(fd);
console.log(\`\${images.length + 1} resources, 1 connection\`);
`;

const http11Pipelined = (page: string) => `// HTTP/1.1 pipelining: send every image request at once, then read the responses in order.
const ip = resolve('${SERVER_HOST}');
const fd = socket(AF_INET, SOCK_STREAM, 0);
connect(fd, ip, 80);                   // the only handshake

${responseReader}
write(fd, \`GET ${page} HTTP/1.1\\r\\nHost: ${SERVER_HOST}\\r\\n\\r\\n\`);
const html = readResponse(fd);         // the HTML must arrive before we know the images
const images = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);

// All image requests back to back, in one write: they leave together.
write(fd, images.map((src) => ${request11('src')}).join(''));
for (let i = 0; i < images.length; i++) readResponse(fd);   // responses come back in request order
close(fd);
console.log(\`\${images.length + 1} resources, 1 connection, \${images.length} requests pipelined\`);
`;

const http10Parallel = (page: string) => `// HTTP/1.0 with parallel connections, as browsers did: up to ${MAX_PARALLEL} at a time.
// Non-blocking sockets (SOCK_NONBLOCK) and poll() let one program wait on several connections.
const MAX_PARALLEL = ${MAX_PARALLEL};
const ip = resolve('${SERVER_HOST}');
const request = (path: string) => \`GET \${path} HTTP/1.0\\r\\nHost: ${SERVER_HOST}\\r\\n\\r\\n\`;

// The HTML first, on one blocking connection: only it tells which images to fetch.
function get(path: string): string {
  const fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, ip, 80);
  write(fd, request(path));
  let response = '';
  for (let chunk = read(fd, 4096); chunk !== ''; chunk = read(fd, 4096)) response += chunk;
  close(fd);
  return response;
}
const html = get('${page}');
const queue = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
const total = queue.length;

// fd -> what that connection is doing
const open = new Map<number, {path: string; connected: boolean; response: string}>();

function start(path: string) {
  const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  try {
    connect(fd, ip, 80);               // sends the SYN and returns at once...
  } catch (e: any) {
    if (e.errno !== 'EINPROGRESS') throw e;   // ...with EINPROGRESS: the handshake goes on
  }
  open.set(fd, {path, connected: false, response: ''});
}

function readAll(fd: number) {
  const conn = open.get(fd)!;
  for (;;) {
    let chunk: string;
    try {
      chunk = read(fd, 4096);
    } catch (e: any) {
      if (e.errno === 'EAGAIN') return;  // nothing more queued yet
      throw e;
    }
    if (chunk === '') {                  // EOF: this image is complete
      close(fd);
      open.delete(fd);
      return;
    }
    conn.response += chunk;
  }
}

while (queue.length > 0 || open.size > 0) {
  while (open.size < MAX_PARALLEL && queue.length > 0) start(queue.shift()!);
  const fds = [...open.keys()];
  const revents = poll(fds.map((fd) => ({fd, events: open.get(fd)!.connected ? POLLIN : POLLOUT})), -1);
  fds.forEach((fd, i) => {
    const conn = open.get(fd)!;
    if (revents[i] & POLLERR) throw new Error(\`connection for \${conn.path} failed\`);
    if (!conn.connected && revents[i] & POLLOUT) {
      conn.connected = true;           // handshake done: send the request
      write(fd, request(conn.path));
    } else if (conn.connected && revents[i] & (POLLIN | POLLHUP)) {
      readAll(fd);
    }
  });
}
console.log(\`\${total + 1} resources, \${total + 1} connections, up to \${MAX_PARALLEL} at a time\`);
`;

const http11Six = (page: string) => `// HTTP/1.1 as browsers actually load a page: up to ${MAX_PARALLEL} persistent connections to one server,
// one request at a time on each; a connection that finishes a response takes the next waiting resource.
const MAX_CONNECTIONS = ${MAX_PARALLEL};
const ip = resolve('${SERVER_HOST}');
const request = (path: string) => ${request11('path')};

// fd -> that connection: handshake done?, the path it is waiting for (null: idle), bytes not yet used
const conns = new Map<number, {connected: boolean; path: string | null; buf: string}>();
const queue: string[] = ['${page}'];   // what is still to be requested
let fetched = 0;

function open() {
  const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  try {
    connect(fd, ip, 80);               // the SYN leaves; EINPROGRESS: the handshake goes on
  } catch (e: any) {
    if (e.errno !== 'EINPROGRESS') throw e;
  }
  conns.set(fd, {connected: false, path: null, buf: ''});
}

/** A whole response at the front of conn.buf (its Content-Length says where it ends)? Take its body out. */
function takeBody(conn: {buf: string}): string | null {
  const end = conn.buf.indexOf('\\r\\n\\r\\n');
  if (end < 0) return null;
  const length = Number(/content-length: *(\\d+)/i.exec(conn.buf.slice(0, end))?.[1] ?? 0);
  if (conn.buf.length < end + 4 + length) return null;
  const body = conn.buf.slice(end + 4, end + 4 + length);
  conn.buf = conn.buf.slice(end + 4 + length);
  return body;
}

const busy = () => [...conns.values()].some((c) => c.path !== null || !c.connected);
while (queue.length > 0 || busy()) {
  // idle connections take the next resource; new connections only for what no connection can take
  for (const [fd, c] of conns) {
    if (c.connected && c.path === null && queue.length > 0) {
      c.path = queue.shift()!;
      write(fd, request(c.path));
    }
  }
  let opening = [...conns.values()].filter((c) => !c.connected).length;
  while (conns.size < MAX_CONNECTIONS && queue.length > opening) {
    open();
    opening++;
  }
  if (!busy()) break;

  const fds = [...conns.keys()];
  const revents = poll(fds.map((fd) => ({fd, events: conns.get(fd)!.connected ? POLLIN : POLLOUT})), -1);
  fds.forEach((fd, i) => {
    const c = conns.get(fd)!;
    if (revents[i] & POLLERR) throw new Error(\`connection \${fd} failed\`);
    if (!c.connected) {
      if (revents[i] & POLLOUT) c.connected = true;   // handshake done: ready for a request
      return;
    }
    if (!(revents[i] & (POLLIN | POLLHUP))) return;
    const chunk = read(fd, 65536);
    if (chunk === '') throw new Error('the server closed a connection in the middle of a response');
    c.buf += chunk;
    const body = takeBody(c);
    if (body === null) return;         // not complete yet
    if (c.path === '${page}') {
      // the HTML: only now do we know which images to fetch
      for (const m of body.matchAll(/src="([^"]+)"/g)) queue.push(m[1]);
    }
    fetched++;
    c.path = null;
  });
}
for (const fd of conns.keys()) close(fd);
console.log(\`\${fetched} resources, \${conns.size} connections\`);
`;

const PROGRAMS: Record<LabMode, (page: string) => string> = {
  'http10-sequential': http10Sequential,
  'http10-parallel': http10Parallel,
  'http11-persistent': http11Persistent,
  'http11-six': http11Six,
  'http11-pipelined': http11Pipelined,
};

/** The program of one mode for a page with `images` images. */
export function programFor(mode: LabMode, images: number): string {
  return PROGRAMS[mode](pagePath(images));
}
