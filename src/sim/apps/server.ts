/**
 * A small event-driven TCP server for the built-in hosts: listen, accept every connection as it
 * becomes ready, read what arrives, keep an output queue that goes out as the send buffer allows, and
 * close once the answer is out. Each protocol (HTTP, SMTP, echo, DNS) supplies a Session per connection.
 */
import type {AppContext} from './app';

/** One accepted connection as a protocol sees it. */
export interface Connection {
  /** queue bytes (a Latin-1 string or raw bytes) for sending */
  send(data: string | Uint8Array): void;
  /** close the connection once everything queued has been written */
  end(): void;
}

export interface Session {
  /** bytes arrived (in order) */
  data(bytes: Uint8Array): void;
  /** the peer closed its sending side (read returned 0) */
  eof?(): void;
}

export type SessionFactory = (conn: Connection) => Session;

const READ_CHUNK = 65536;

export function serve(ctx: AppContext, port: number, newSession: SessionFactory, backlog = 128): void {
  const sock = ctx.call({call: 'socket'});
  if (!('ret' in sock)) return;
  const lfd = sock.ret;
  ctx.call({call: 'setsockopt', fd: lfd, opt: 'SO_REUSEADDR', value: 1});
  // like nginx's default `tcp_nodelay on`: each answer leaves at once instead of waiting for the ACK of
  // the previous one (Nagle); accepted sockets inherit it from the listener
  ctx.call({call: 'setsockopt', fd: lfd, opt: 'TCP_NODELAY', value: 1});
  ctx.call({call: 'bind', fd: lfd, addr: {ip: '0.0.0.0', port}});
  ctx.call({call: 'listen', fd: lfd, backlog});
  ctx.watch(lfd, () => {
    for (;;) {
      const r = ctx.call({call: 'accept', fd: lfd});
      if (!('ret' in r)) return;
      startConnection(ctx, r.ret, newSession);
    }
  });
}

function startConnection(ctx: AppContext, fd: number, newSession: SessionFactory): void {
  const out: Uint8Array[] = [];
  let ending = false;
  let eof = false;
  let closed = false;

  const close = (): void => {
    if (closed) return;
    closed = true;
    ctx.unwatch(fd);
    ctx.call({call: 'close', fd});
  };

  const flush = (): void => {
    while (out.length > 0 && !closed) {
      const chunk = out[0];
      const r = ctx.call({call: 'write', fd, data: chunk});
      if ('err' in r) {
        if (r.err === 'EAGAIN') return;
        out.length = 0; // the peer is gone: drop the rest
        close();
        return;
      }
      if (!('ret' in r)) return;
      if (r.ret < chunk.length) {
        out[0] = chunk.subarray(r.ret);
        return;
      }
      out.shift();
    }
    if (ending && out.length === 0) close();
  };

  const conn: Connection = {
    send(data) {
      if (ending || closed) return;
      out.push(typeof data === 'string' ? latin1(data) : data);
      flush();
    },
    end() {
      ending = true;
      flush();
    },
  };
  const session = newSession(conn);

  const onReady = (): void => {
    while (!eof && !closed) {
      const r = ctx.call({call: 'read', fd, max: READ_CHUNK});
      if ('data' in r) {
        if (r.data.length === 0) {
          eof = true;
          if (session.eof) session.eof();
          else conn.end();
          break;
        }
        session.data(r.data);
        continue;
      }
      if ('err' in r && r.err !== 'EAGAIN') {
        out.length = 0;
        close();
        return;
      }
      break;
    }
    flush();
  };
  ctx.watch(fd, onReady);
  onReady();
}

export function latin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 0xff;
  return b;
}

export function text(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}
