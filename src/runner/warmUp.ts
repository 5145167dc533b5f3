/**
 * A program the worker runs once before it seals itself (worker.ts), while the page is idle: a fresh worker's engine
 * has compiled nothing yet, so the reader's first program in it would pay for compiling sucrase, the runner and the
 * simulator as it runs (about twice the run itself). Only our own code runs here, before any reader code and before
 * the seal; the worker then runs exactly one reader program and is discarded. Nothing of this run is kept: every run
 * builds its own World, and the runner keeps no state between runs (test/runner/warmUp.test.ts checks that a run
 * after the warm-up is the same as one without it).
 *
 * It touches what the chapters' programs use: name lookup, connect, write, read until EOF, close, a server on
 * another host with bind/listen/accept, the address calls, console output, a TypeScript annotation and a caught error.
 */
import type {RunRequest} from './types';

export const WARM_UP_REQUEST: RunRequest = {
  locale: 'ko',
  code: `const ip: string = resolve('www.example.com');
for (let i = 0; i < 2; i++) {
  const fd = socket(AF_INET, SOCK_STREAM, 0);
  connect(fd, ip, 80);
  write(fd, 'GET / HTTP/1.1\\r\\nHost: www.example.com\\r\\nConnection: close\\r\\n\\r\\n');
  let part = read(fd, 512);
  while (part !== '') { console.log(part.length); part = read(fd, 512); }
  close(fd);
}
on('server', () => { const l = socket(); bind(l, INADDR_ANY, 8080); listen(l, 5); });
const c = socket();
connect(c, '10.0.0.3', 8080);
on('server', () => { const a = accept(3); write(a, 'hi'); shutdown(a, SHUT_WR); });
console.log(read(c), getsockname(c).port, getpeername(c).ip);
close(c);
try { connect(socket(), ip, 81); } catch (e) { console.error(e.errno); }`,
};
