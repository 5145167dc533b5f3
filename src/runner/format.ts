/**
 * How calls, results, addresses and bytes are written for people: the call log, the Step labels and the
 * runner's error messages all use these, so the same call reads the same everywhere.
 */
import type {SockAddr, SyscallRequest, SyscallResult} from '../sim/api';
import {SOCK_NONBLOCK} from '../sim/api';
import {eventsText} from './nonblocking';

/** Linux's numbers for the constants a reader may pass (include/linux/socket.h, net.h, in.h). */
export const AF_INET = 2;
export const SOCK_STREAM = 1;
export const SHUT_RD = 0;
export const SHUT_WR = 1;
export const SHUT_RDWR = 2;
export const SOL_SOCKET = 1;
export const SO_REUSEADDR = 2;
/** Linux's values (include/uapi/linux/in.h, linux/tcp.h) */
export const IPPROTO_TCP = 6;
export const TCP_NODELAY = 1;
/** The wildcard address, as the dotted string bind() takes here. */
export const INADDR_ANY = '0.0.0.0';

const SHUT_NAMES = ['SHUT_RD', 'SHUT_WR', 'SHUT_RDWR'];

/** "10.0.0.2:40000" */
export function addrText(a: SockAddr): string {
  return `${a.ip}:${a.port}`;
}

const utf8 = new TextDecoder('utf-8');

/** Bytes as text: UTF-8, with malformed sequences shown as U+FFFD (what read() gives the reader too). */
export function bytesToText(bytes: Uint8Array): string {
  return utf8.decode(bytes);
}

/**
 * A string as a short single-quoted literal with control characters escaped, cut after `max`
 * characters with an ellipsis: 'HTTP/1.1 200 OK\r\n…'.
 */
export function quotePreview(text: string, max = 24): string {
  // only the first max+1 characters are looked at: a 64 KB read or write is labelled as fast as a short one
  const chars: string[] = [];
  let cut = false;
  for (const c of text) {
    if (chars.length === max) {
      cut = true;
      break;
    }
    chars.push(c);
  }
  const body = chars.map(escapeChar).join('');
  return `'${body}${cut ? '…' : ''}'`;
}

function escapeChar(c: string): string {
  switch (c) {
    case '\r':
      return '\\r';
    case '\n':
      return '\\n';
    case '\t':
      return '\\t';
    case '\\':
      return '\\\\';
    case "'":
      return "\\'";
    default: {
      const code = c.codePointAt(0) ?? 0;
      if (code < 0x20 || code === 0x7f) return `\\x${code.toString(16).padStart(2, '0')}`;
      return c;
    }
  }
}

function constName(value: number | undefined, name: string, fallback: number): string {
  const v = value ?? fallback;
  return v === fallback ? name : String(v);
}

/** A call the way the reader wrote it: "connect(3, 93.184.216.34, 80)", "write(3, 'GET / …', 38)". */
export function callLabel(req: SyscallRequest): string {
  switch (req.call) {
    case 'socket':
      return `socket(${constName(req.domain, 'AF_INET', AF_INET)}, ${
        req.type === (SOCK_STREAM | SOCK_NONBLOCK) ? 'SOCK_STREAM | SOCK_NONBLOCK' : constName(req.type, 'SOCK_STREAM', SOCK_STREAM)
      }, ${req.protocol ?? 0})`;
    case 'bind':
      return `bind(${req.fd}, ${req.addr.ip}, ${req.addr.port})`;
    case 'listen':
      return `listen(${req.fd}, ${req.backlog})`;
    case 'accept':
      return `accept(${req.fd})`;
    case 'connect':
      return `connect(${req.fd}, ${req.addr.ip}, ${req.addr.port})`;
    case 'write':
      return `write(${req.fd}, ${quotePreview(bytesToText(req.data), 16)}, ${req.data.length})`;
    case 'read':
      return `read(${req.fd}, ${req.max})`;
    case 'close':
      return `close(${req.fd})`;
    case 'shutdown':
      return `shutdown(${req.fd}, ${SHUT_NAMES[req.how] ?? req.how})`;
    case 'getsockname':
      return `getsockname(${req.fd})`;
    case 'getpeername':
      return `getpeername(${req.fd})`;
    case 'setsockopt':
      return `setsockopt(${req.fd}, ${req.opt === 'TCP_NODELAY' ? 'IPPROTO_TCP' : 'SOL_SOCKET'}, ${req.opt}, ${req.value})`;
    case 'fcntl':
      return `fcntl(${req.fd}, F_SETFL, ${req.flags & SOCK_NONBLOCK ? 'O_NONBLOCK' : '0'})`;
    case 'poll':
      return `poll([${req.fds.map((p) => `{${p.fd}, ${eventsText(p.events)}}`).join(', ')}], ${req.timeoutMs})`;
  }
}

/** A result as the call log shows it: "0", "4 (10.0.0.2:40312)", "ECONNREFUSED", "'HTTP/1.1 200 OK…'", "'' (EOF)". */
export function resultText(res: SyscallResult): string {
  if ('blocked' in res) return 'blocked';
  if ('err' in res) return res.err;
  if ('data' in res) return res.data.length === 0 ? "'' (EOF)" : quotePreview(bytesToText(res.data));
  if ('ret' in res && res.revents) return `${res.ret} [${res.revents.map(eventsText).join(', ')}]`;
  if ('ret' in res) return res.addr ? `${res.ret} (${addrText(res.addr)})` : String(res.ret);
  return addrText(res.addr);
}

/** The errno of a failed result, if it failed. */
export function resultErrno(res: SyscallResult): string | undefined {
  return 'err' in res ? res.err : undefined;
}
