/**
 * www.example.com port 80: a small HTTP/1.0 and HTTP/1.1 server (RFC 9112).
 * - HTTP/1.1 keeps the connection open unless the request says `Connection: close`;
 *   HTTP/1.0 closes after the response unless it asked for `Connection: keep-alive`.
 * - Every response has Content-Length; pipelined requests are answered in order.
 * - Pages: `/` and `/index.html` (3 images, or `?images=N`), `/page/N.html` (N images), the images
 *   `/img/1.png` … `/img/N.png`, `/logo.png`; anything else is 404. GET and HEAD; other methods 501.
 */
import type {AppContext} from './app';
import {pngOfSize} from './png';
import {latin1, serve, text} from './server';

export const HTTP_PORT = 80;
export const MAX_IMAGES = 50;
/** bytes of each /img/K.png: small enough that a response with its headers fits one 1460-byte segment */
export const IMAGE_BYTES = 1024;

interface Resource {
  status: number;
  type: string;
  body: Uint8Array;
}

const REASONS: Record<number, string> = {200: 'OK', 400: 'Bad Request', 404: 'Not Found', 501: 'Not Implemented'};

/** The HTML of a page that references `n` images. */
export function pageHtml(n: number): string {
  const imgs = Array.from({length: n}, (_, i) => `<img src="/img/${i + 1}.png">`).join('\n');
  return `<!DOCTYPE html>\n<html><head><title>Example Domain</title></head>\n<body>\n<h1>Example Domain</h1>\n${imgs}\n</body></html>\n`;
}

function html(status: number, body: string): Resource {
  return {status, type: 'text/html', body: latin1(body)};
}

/** What the server has at `target` (path plus optional query). */
export function resource(target: string): Resource {
  const [path, query = ''] = target.split('?', 2);
  const imagesParam = /(?:^|&)images=(\d+)/.exec(query);
  const clamp = (n: number): number => Math.max(0, Math.min(MAX_IMAGES, n));
  if (path === '/' || path === '/index.html') return html(200, pageHtml(clamp(imagesParam ? Number(imagesParam[1]) : 3)));
  let m = /^\/page\/(\d+)\.html$/.exec(path);
  if (m) return html(200, pageHtml(clamp(Number(m[1]))));
  m = /^\/img\/(\d+)\.png$/.exec(path);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 1000) return {status: 200, type: 'image/png', body: pngOfSize(Number(m[1]), IMAGE_BYTES)};
  if (path === '/logo.png') return {status: 200, type: 'image/png', body: pngOfSize(0, 1200)};
  return html(404, `<!DOCTYPE html>\n<html><body><h1>404 Not Found</h1><p>${escape(path)}</p></body></html>\n`);
}

function escape(s: string): string {
  return s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface WebServerOptions {
  /** virtual ms between a request's arrival (or the previous response on its connection) and its response */
  thinkMs?: number;
}

export function webServer(ctx: AppContext, options: WebServerOptions = {}): void {
  const thinkMs = Math.max(0, options.thinkMs ?? 0);
  serve(ctx, HTTP_PORT, (conn) => {
    let buffer = '';
    let done = false;
    /** when the worker on this connection is free again (virtual ms) */
    let busyUntil = 0;
    /** responses being thought about; the connection's end waits for them */
    let thinking = 0;
    let endWhenDone = false;
    /** send now without thinking time (the default keeps the server's timing exactly as before) or later, in order */
    const respond = (bytes: Uint8Array, close: boolean): void => {
      if (thinkMs === 0) {
        conn.send(bytes);
        if (close) conn.end();
        return;
      }
      const at = Math.max(ctx.now(), busyUntil) + thinkMs;
      busyUntil = at;
      thinking++;
      ctx.after(at - ctx.now(), () => {
        thinking--;
        conn.send(bytes);
        if (close || (endWhenDone && thinking === 0)) conn.end();
      });
    };
    return {
      data(bytes) {
        if (done) return;
        buffer += text(bytes);
        for (;;) {
          const end = buffer.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buffer.slice(0, end);
          const lines = head.split('\r\n');
          const headers = new Map<string, string>();
          let hostLines = 0;
          for (const line of lines.slice(1)) {
            const i = line.indexOf(':');
            if (i <= 0) continue;
            const name = line.slice(0, i).trim().toLowerCase();
            if (name === 'host') hostLines++;
            headers.set(name, line.slice(i + 1).trim());
          }
          const bodyLen = Number(headers.get('content-length') ?? 0) || 0;
          if (buffer.length < end + 4 + bodyLen) return; // wait for the body
          buffer = buffer.slice(end + 4 + bodyLen);
          const [method, target, version] = lines[0].split(' ');
          const connection = (headers.get('connection') ?? '').toLowerCase();
          let keepAlive: boolean;
          let res: Resource;
          let ver = version;
          const badHost = version === 'HTTP/1.1' ? hostLines !== 1 : hostLines > 1;
          if (!method || !target || !/^HTTP\/1\.[01]$/.test(version ?? '') || badHost) {
            ver = 'HTTP/1.1';
            keepAlive = false;
            res = html(400, '<!DOCTYPE html>\n<html><body><h1>400 Bad Request</h1></body></html>\n');
          } else {
            keepAlive = version === 'HTTP/1.1' ? connection !== 'close' : connection === 'keep-alive';
            res = method === 'GET' || method === 'HEAD'
              ? resource(target)
              : html(501, '<!DOCTYPE html>\n<html><body><h1>501 Not Implemented</h1></body></html>\n');
          }
          let header = `${ver} ${res.status} ${REASONS[res.status]}\r\nServer: example-httpd\r\nContent-Type: ${res.type}\r\nContent-Length: ${res.body.length}\r\n`;
          if (!keepAlive) header += 'Connection: close\r\n';
          else if (ver === 'HTTP/1.0') header += 'Connection: keep-alive\r\n';
          header += '\r\n';
          const head2 = latin1(header);
          const withBody = method === 'HEAD' ? head2 : concat(head2, res.body);
          if (!keepAlive) {
            done = true;
            respond(withBody, true);
            return;
          }
          respond(withBody, false);
        }
      },
      eof: () => {
        if (thinking === 0) conn.end();
        else endWhenDone = true;
      },
    };
  });
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
