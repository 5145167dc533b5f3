/**
 * "내 컴퓨터에서 해 보기" / "Try it on your machine": every chapter's example, in Python 3 and in C, compiled with the
 * system's cc and run against the real kernel on 127.0.0.1, the same files the chapters show (src/remark/exampleFiles.ts).
 * Nothing leaves the machine: the web server is Python's own http.server on an ephemeral port of 127.0.0.1.
 *
 * Expected values come from the protocols and from Linux, not from a run: POSIX's lowest-free-descriptor rule, the
 * ephemeral range in /proc/sys/net/ipv4/ip_local_port_range, RST → ECONNREFUSED (RFC 9293 §3.5), HTTP/1.0's close after
 * the response (RFC 1945), HTTP/1.1 persistence and Content-Length (RFC 9112 §9.3, §6.3), and the TIME-WAIT that holds
 * the port of the side that closed first (RFC 9293 §3.6; Linux refuses bind() without SO_REUSEADDR on both sockets).
 */
import {execFile, spawn, type ChildProcess} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import net from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {filesBelow} from '../files';
import {localizeComments} from '../../src/remark/exampleFiles';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const CHAPTERS = ['01-overview', '02-socket', '03-connect', 'server', '04-read-write', '05-close', '06-http'];
const INDEX = '<!DOCTYPE html>\n<h1>Socket Lab</h1>\n';
const HELLO = 'hello, socket\n';

let work = '';
const servers: ChildProcess[] = [];
/** ports of Python's http.server: its default HTTP/1.0, and HTTP/1.1 (keeps the connection open) */
let http10Port = 0;
let http11Port = 0;

interface Output {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[]): Promise<Output> {
  return new Promise((resolve) => {
    execFile(cmd, args, {cwd: work, timeout: 20_000}, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({code, stdout, stderr});
    });
  });
}

/** Both versions of a chapter's example with the same arguments. */
async function both(chapter: string, args: string[]): Promise<{lang: string; out: Output}[]> {
  return [
    {lang: 'python', out: await run('python3', [path.join(EXAMPLES, chapter, 'main.py'), ...args])},
    {lang: 'c', out: await run(path.join(work, chapter), args)},
  ];
}

/** python3 -m http.server on an ephemeral port of 127.0.0.1; resolves with the port it printed. */
function httpServer(protocol: 'HTTP/1.0' | 'HTTP/1.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const site = path.join(work, 'site');
    const child = spawn('python3', ['-u', '-m', 'http.server', '--bind', '127.0.0.1', '--protocol', protocol, '0'], {cwd: site});
    servers.push(child);
    let seen = '';
    child.stdout.on('data', (b: Buffer) => {
      seen += b.toString();
      const m = /port (\d+)/.exec(seen);
      if (m) resolve(Number(m[1]));
    });
    child.on('exit', (code) => reject(new Error(`http.server ended (${code}): ${seen}`)));
  });
}

/** A port nobody listens on: one the kernel just handed out and took back. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const {port} = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The whole response to a request, read with Node's own socket: what the examples should see. */
function fetchRaw(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    const s = net.connect(port, '127.0.0.1', () => s.write(request));
    s.setEncoding('latin1');
    s.on('data', (d: string) => (data += d));
    s.on('end', () => resolve(data));
    s.on('error', reject);
  });
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'socket-lab-examples-'));
  for (const chapter of CHAPTERS) {
    const out = await run('cc', ['-Wall', '-Wextra', '-Werror', '-o', path.join(work, chapter), path.join(EXAMPLES, chapter, 'main.c')]);
    expect(out.stderr, `cc ${chapter}/main.c`).toBe('');
    expect(out.code).toBe(0);
  }
  const site = path.join(work, 'site');
  await run('mkdir', [site]);
  writeFileSync(path.join(site, 'index.html'), INDEX);
  writeFileSync(path.join(site, 'hello.txt'), HELLO);
  [http10Port, http11Port] = await Promise.all([httpServer('HTTP/1.0'), httpServer('HTTP/1.1')]);
}, 60_000);

afterAll(() => {
  for (const s of servers) s.kill();
  if (work) rmSync(work, {recursive: true, force: true});
});

describe('every chapter has its example in both languages, with comments for both locales', () => {
  it.each(CHAPTERS)('%s: main.py and main.c', (chapter) => {
    for (const file of ['main.py', 'main.c']) {
      const source = readFileSync(path.join(EXAMPLES, chapter, file), 'utf8');
      const ko = localizeComments(source, 'ko');
      const en = localizeComments(source, 'en');
      // no marker is left on either page; the Korean page has Korean comments, the English page none
      for (const text of [ko, en]) expect(text).not.toMatch(/(#|\/\/) (ko|en): /);
      expect(ko).toMatch(/(#|\/\/) .*[가-힣]/);
      expect(en).not.toMatch(/[가-힣]/);
      // the code is the same on both pages: only comment lines differ
      const code = (t: string) => t.split('\n').filter((l) => !/^\s*(#|\/\/) /.test(l)).map((l) => l.replace(/\s+(#|\/\/) .*$/, ''));
      expect(code(ko)).toEqual(code(en));
    }
  });

  it('the chapters list is every folder of examples/', () => {
    const folders = [...new Set(filesBelow(EXAMPLES, /^main\.(py|c)$/).map((f) => path.basename(path.dirname(f))))].sort();
    expect(folders).toEqual([...CHAPTERS].sort());
  });
});

describe('run against the kernel on 127.0.0.1', () => {
  it('01: the four phases print the first line of the response (HTTP/1.0 server)', async () => {
    for (const {lang, out} of await both('01-overview', [String(http10Port)])) {
      expect(out.code, `${lang}: ${out.stderr}`).toBe(0);
      expect(out.stdout, lang).toBe('HTTP/1.0 200 OK\n');
    }
  });

  it('02: the lowest free descriptor is handed out again (POSIX), no network needed', async () => {
    for (const {lang, out} of await both('02-socket', [])) {
      const m = /^a = (\d+) b = (\d+)\nc = (\d+)\n$/.exec(out.stdout);
      expect(m, `${lang}: ${out.stdout}${out.stderr}`).not.toBeNull();
      const [a, b, c] = m!.slice(1).map(Number);
      expect(a).toBeGreaterThanOrEqual(3); // 0, 1, 2 are stdin, stdout, stderr
      expect(b).toBe(a + 1);
      expect(c).toBe(a);
    }
  });

  it('03: connect() gets an ephemeral port from the kernel; a port nobody listens on is refused', async () => {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    for (const {lang, out} of await both('03-connect', [String(http10Port)])) {
      const m = /^me +127\.0\.0\.1 (\d+)\npeer 127\.0\.0\.1 (\d+)\n$/.exec(out.stdout);
      expect(m, `${lang}: ${out.stdout}${out.stderr}`).not.toBeNull();
      expect(Number(m![1])).toBeGreaterThanOrEqual(low);
      expect(Number(m![1])).toBeLessThanOrEqual(high);
      expect(Number(m![2])).toBe(http10Port);
    }
    const closed = await freePort();
    for (const {lang, out} of await both('03-connect', [String(closed)])) {
      expect(out.stdout, lang).toBe('connect: ECONNREFUSED\n');
      expect(out.code, lang).toBe(1);
    }
  });

  it('3½: bind() twice is EADDRINUSE; connect() completes before accept(); accept() gives each connection in arrival order', async () => {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    for (const lang of ['python', 'c']) {
      const port = await freePort();
      // one program per fresh port: the side that closed first leaves the port in TIME-WAIT, and this example
      // binds without SO_REUSEADDR
      const args = [String(port)];
      const out = lang === 'python' ? await run('python3', [path.join(EXAMPLES, 'server', 'main.py'), ...args]) : await run(path.join(work, 'server'), args);
      expect(out.code, `${lang}: ${out.stderr}`).toBe(0);
      const m = new RegExp(
        '^second bind: EADDRINUSE\n' +
          'a connected from port (\\d+)\nb connected from port (\\d+)\n' +
          `accepted 127\\.0\\.0\\.1:${port} <- 127\\.0\\.0\\.1:(\\d+)\n` +
          `accepted 127\\.0\\.0\\.1:${port} <- 127\\.0\\.0\\.1:(\\d+)\n` +
          'read on the listening socket: ENOTCONN\n$',
      ).exec(out.stdout);
      expect(m, `${lang}: ${out.stdout}`).not.toBeNull();
      const [a, b, first, second] = m!.slice(1).map(Number);
      // each client has its own ephemeral port: that is what keeps the two 4-tuples apart
      expect(a).not.toBe(b);
      for (const p of [a, b]) {
        expect(p).toBeGreaterThanOrEqual(low);
        expect(p).toBeLessThanOrEqual(high);
      }
      // the accept queue is first in, first out
      expect([first, second]).toEqual([a, b]);
    }
  });

  it('04: write() reports the request\'s length; read(10) gives 10 bytes; the rest comes until EOF', async () => {
    const request = 'GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n';
    const whole = await fetchRaw(http10Port, request);
    // http.server dates its responses: the length is fixed by the format, not the second
    for (const {lang, out} of await both('04-read-write', [String(http10Port)])) {
      expect(out.code, `${lang}: ${out.stderr}`).toBe(0);
      expect(out.stdout, lang).toBe(`wrote ${request.length} bytes\n'${whole.slice(0, 10)}'\nrest: ${whole.length - 10} bytes\n`);
    }
  });

  it('05: the side that closed first holds the port in TIME-WAIT: bind() again needs SO_REUSEADDR', async () => {
    for (const lang of ['python', 'c']) {
      const port = await freePort();
      const [out] = (await both('05-close', [String(port)])).filter((r) => r.lang === lang).map((r) => r.out);
      expect(out.code, `${lang}: ${out.stderr}`).toBe(0);
      const eof = lang === 'python' ? "client read: b''" : 'client read: 0 bytes';
      expect(out.stdout).toBe(`${eof}\nbind again, SO_REUSEADDR = 0 -> EADDRINUSE\nbind again, SO_REUSEADDR = 1 -> ok\n`);
    }
  });

  it('06: two requests on one HTTP/1.1 connection, each response cut by its Content-Length', async () => {
    for (const {lang, out} of await both('06-http', [String(http11Port), '/index.html', '/hello.txt'])) {
      expect(out.code, `${lang}: ${out.stderr}`).toBe(0);
      const lines = out.stdout.trim().split('\n');
      expect(lines, lang).toHaveLength(2);
      const ports = lines.map((l) => Number(/my port (\d+)$/.exec(l)?.[1]));
      expect(lines[0]).toMatch(new RegExp(`^/index\\.html -> HTTP/1\\.1 200 OK \\| body ${INDEX.length} bytes \\| my port \\d+$`));
      expect(lines[1]).toMatch(new RegExp(`^/hello\\.txt -> HTTP/1\\.1 200 OK \\| body ${HELLO.length} bytes \\| my port \\d+$`));
      expect(ports[0]).toBe(ports[1]); // the same connection
    }
  });
});
