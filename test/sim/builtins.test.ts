/**
 * The built-in servers, checked against their protocols: HTTP/1.0 (RFC 1945 §1.3: the server closes
 * after the response), HTTP/1.1 (RFC 9112 §9.3 persistence, §9.3.2 pipelining, §9.6 "Connection:
 * close"; RFC 9110 §15.5.5 404), SMTP (RFC 5321 §4.2, §3.1 greeting), Echo (RFC 862).
 */
import {describe, expect, it} from 'vitest';
import {Lab} from './helpers';

function web(): {lab: Lab; fd: number} {
  const lab = new Lab({builtins: true});
  const fd = lab.socket('client');
  expect(lab.call('client', {call: 'connect', fd, addr: {ip: lab.w.resolve('client', 'www.example.com')!, port: 80}})).toEqual({ret: 0});
  return {lab, fd};
}

/** read until `count` complete responses (by Content-Length) are in */
function responses(lab: Lab, fd: number, count: number): {status: string; headers: string; body: string}[] {
  let buf = '';
  const out: {status: string; headers: string; body: string}[] = [];
  while (out.length < count) {
    const end = buf.indexOf('\r\n\r\n');
    const len = end >= 0 ? Number(/Content-Length: (\d+)/.exec(buf.slice(0, end))?.[1]) : NaN;
    if (end >= 0 && buf.length >= end + 4 + len) {
      const head = buf.slice(0, end);
      out.push({status: head.split('\r\n')[0], headers: head, body: buf.slice(end + 4, end + 4 + len)});
      buf = buf.slice(end + 4 + len);
      continue;
    }
    const chunk = lab.text('client', fd);
    if (chunk === '') throw new Error('EOF in the middle of a response');
    buf += chunk;
  }
  return out;
}

describe('www.example.com:80 — HTTP/1.0 and HTTP/1.1', () => {
  it('HTTP/1.0: one response with Content-Length, then the server closes (read returns EOF) and holds TIME-WAIT', () => {
    const {lab, fd} = web();
    lab.write('client', fd, 'GET /index.html HTTP/1.0\r\nHost: www.example.com\r\n\r\n');
    const [res] = responses(lab, fd, 1);
    expect(res.status).toBe('HTTP/1.0 200 OK');
    expect(res.body).toContain('<img src="/img/1.png">');
    expect(lab.text('client', fd)).toBe('');
    lab.close('client', fd);
    lab.w.runUntilQuiet();
    expect(lab.table().some((l) => l.startsWith('www.example.com www.example.com:80→client') && l.endsWith('TIME-WAIT'))).toBe(true);
  });

  it('HTTP/1.1 keeps the connection open: two requests, one handshake, no FIN from the server', () => {
    const {lab, fd} = web();
    const m = lab.mark();
    lab.write('client', fd, 'GET /img/1.png HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
    const [one] = responses(lab, fd, 1);
    lab.write('client', fd, 'GET /logo.png HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
    const [two] = responses(lab, fd, 1);
    expect([one.status, two.status]).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 200 OK']);
    expect(one.headers).toContain('Content-Type: image/png');
    lab.w.runUntilQuiet();
    const flags = lab.segmentEvents(m).map((e) => e.flags);
    expect(flags.some((f) => f.includes('S') || f.includes('F'))).toBe(false);
    expect(lab.read('client', fd)).toMatchObject({blocked: true});
  });

  it('answers pipelined requests in the order they were sent (RFC 9112 §9.3.2)', () => {
    const {lab, fd} = web();
    const req = (p: string) => `GET ${p} HTTP/1.1\r\nHost: www.example.com\r\n\r\n`;
    lab.write('client', fd, req('/page/2.html') + req('/nothing-here') + req('/img/2.png'));
    const got = responses(lab, fd, 3);
    expect(got.map((r) => r.status)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 404 Not Found', 'HTTP/1.1 200 OK']);
    expect((got[0].body.match(/<img /g) ?? []).length).toBe(2);
  });

  it('honours "Connection: close" on HTTP/1.1 and keep-alive on HTTP/1.0', () => {
    let {lab, fd} = web();
    lab.write('client', fd, 'GET / HTTP/1.1\r\nHost: www.example.com\r\nConnection: close\r\n\r\n');
    expect(responses(lab, fd, 1)[0].headers).toContain('Connection: close');
    expect(lab.text('client', fd)).toBe('');
    ({lab, fd} = web());
    lab.write('client', fd, 'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n');
    expect(responses(lab, fd, 1)[0].headers).toContain('Connection: keep-alive');
    expect(lab.read('client', fd)).toMatchObject({blocked: true}); // still open
  });

  it('gives 404 for an unknown path; /page/N.html references N images', () => {
    const {lab, fd} = web();
    lab.write('client', fd, 'GET /page/5.html HTTP/1.1\r\nHost: x\r\n\r\nGET /missing HTTP/1.1\r\nHost: x\r\n\r\n');
    const [page, missing] = responses(lab, fd, 2);
    expect(page.body.match(/src="[^"]+"/g)).toEqual([1, 2, 3, 4, 5].map((i) => `src="/img/${i}.png"`));
    expect(missing.status).toBe('HTTP/1.1 404 Not Found');
  });
});

describe('www.example.com:80 — the Host header (RFC 9112 §3.2)', () => {
  // §3.2: "A server MUST respond with a 400 (Bad Request) status code to any HTTP/1.1 request message that lacks
  // a Host header field and to any request message that contains more than one Host header field line".
  it('answers an HTTP/1.1 request without Host with 400 Bad Request, and nothing after it', () => {
    const {lab, fd} = web();
    lab.write('client', fd, 'GET /index.html HTTP/1.1\r\n\r\nGET /logo.png HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
    const [res] = responses(lab, fd, 1);
    expect(res.status).toBe('HTTP/1.1 400 Bad Request');
    expect(lab.text('client', fd)).toBe(''); // the server closed: the second request got no answer
  });

  it('answers a request with two Host lines with 400, whatever its version', () => {
    for (const version of ['HTTP/1.1', 'HTTP/1.0']) {
      const {lab, fd} = web();
      lab.write('client', fd, `GET / ${version}\r\nHost: www.example.com\r\nHost: other.example\r\n\r\n`);
      expect(responses(lab, fd, 1)[0].status).toMatch(/^HTTP\/1\.1 400 /);
    }
  });

  it('accepts the header in any letter case, and HTTP/1.0 without Host (Host is optional before 1.1)', () => {
    let {lab, fd} = web();
    lab.write('client', fd, 'GET /logo.png HTTP/1.1\r\nhOST: www.example.com\r\n\r\n');
    expect(responses(lab, fd, 1)[0].status).toBe('HTTP/1.1 200 OK');
    ({lab, fd} = web());
    lab.write('client', fd, 'GET /logo.png HTTP/1.0\r\n\r\n');
    expect(responses(lab, fd, 1)[0].status).toBe('HTTP/1.0 200 OK');
  });
});

describe('www.example.com:80 — think time (WorldOptions.webThinkMs)', () => {
  const LATENCY = 20;
  const THINK = 300;
  function slowWeb(): {lab: Lab; fd: number} {
    const lab = new Lab({builtins: true, latencyMs: LATENCY, webThinkMs: THINK});
    const fd = lab.socket('client');
    lab.call('client', {call: 'connect', fd, addr: {ip: lab.w.resolve('client', 'www.example.com')!, port: 80}});
    return {lab, fd};
  }
  const firstDataFromServer = (lab: Lab, from: number) =>
    lab.segmentEvents(from).filter((e) => e.fromHost === 'www.example.com' && e.len > 0).map((e) => e.t);

  it('a response leaves the server the think time after its request arrived', () => {
    const {lab, fd} = slowWeb();
    const m = lab.mark();
    const sent = lab.w.now;
    lab.write('client', fd, 'GET /logo.png HTTP/1.1\r\nHost: www.example.com\r\n\r\n');
    responses(lab, fd, 1);
    expect(firstDataFromServer(lab, m)[0]).toBe(sent + LATENCY + THINK);
  });

  it('pipelined requests are worked on one after another: the k-th response leaves k think times after they arrived', () => {
    const {lab, fd} = slowWeb();
    const m = lab.mark();
    const sent = lab.w.now;
    const req = (p: string) => `GET ${p} HTTP/1.1\r\nHost: www.example.com\r\n\r\n`;
    lab.write('client', fd, req('/img/1.png') + req('/img/2.png') + req('/img/3.png'));
    expect(responses(lab, fd, 3).map((r) => r.status)).toEqual(Array(3).fill('HTTP/1.1 200 OK'));
    const starts = [...new Set(firstDataFromServer(lab, m))];
    expect(starts).toEqual([1, 2, 3].map((k) => sent + LATENCY + k * THINK));
  });

  it('HTTP/1.0: the server closes only after its late response', () => {
    const {lab, fd} = slowWeb();
    lab.write('client', fd, 'GET /logo.png HTTP/1.0\r\n\r\n');
    expect(responses(lab, fd, 1)[0].status).toBe('HTTP/1.0 200 OK');
    expect(lab.text('client', fd)).toBe('');
  });
});

describe('mail.example.com:25 and echo.example.com:7', () => {
  it('the mail server speaks first with its 220 greeting and answers HELO and QUIT', () => {
    const lab = new Lab({builtins: true});
    const fd = lab.socket('client');
    lab.connect('client', fd, 'mail.example.com', 25);
    expect(lab.text('client', fd)).toBe('220 mail.example.com ESMTP\r\n');
    lab.write('client', fd, 'HELO client\r\n');
    expect(lab.text('client', fd)).toMatch(/^250 /);
    lab.write('client', fd, 'QUIT\r\n');
    expect(lab.text('client', fd)).toMatch(/^221 /);
    expect(lab.text('client', fd)).toBe('');
  });

  it('the echo server sends back every byte and closes after the client does', () => {
    const lab = new Lab({builtins: true});
    const fd = lab.socket('client');
    lab.connect('client', fd, 'echo.example.com', 7);
    lab.write('client', fd, 'hello, echo\n');
    expect(lab.text('client', fd)).toBe('hello, echo\n');
    lab.shutdown('client', fd, 1);
    expect(lab.text('client', fd)).toBe('');
  });
});
