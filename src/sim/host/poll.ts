/**
 * poll(2) for the simulated hosts, and what calls on O_NONBLOCK descriptors return instead of
 * waiting. Added for the HTTP lab's parallel connections (a program that overlaps several
 * connections needs both); the host and the world call in here through two small hooks.
 *
 * Readiness follows Linux tcp_poll() (net/ipv4/tcp.c) and inet_csk_listen_poll():
 * - a listener is readable when its accept queue holds a connection;
 * - POLLHUP when both directions are shut down or the socket is CLOSE (a fresh, never connected
 *   socket included); RCV_SHUTDOWN (the peer's FIN, or shutdown(SHUT_RD)) makes it readable;
 * - past the handshake: readable with unread bytes, writable while the free send space is at least
 *   half of what is queued (__sk_stream_is_writeable), and always "writable" once SEND_SHUTDOWN so
 *   that write() reports EPIPE;
 * - POLLERR while an error is pending (a refused or reset connection).
 */
import type {Errno, PollFd, SyscallResult} from '../api';
import {POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT} from '../api';
import type {Socket} from '../socket/socket';
import type {TcpEnv} from '../tcp/env';
import type {CallStart, PendingCall} from './host';

/** What a host offers poll: its descriptors and its clock. */
export interface PollHost {
  socketOf(fd: number): Socket | undefined;
  readonly env: TcpEnv;
}

/** The events a socket is ready for, before masking with what the caller asked. */
export function readiness(sock: Socket): number {
  if (sock.listenQ) return sock.canAccept() ? POLLIN : 0;
  const state = sock.state === 'TIME-WAIT' ? 'CLOSED' : sock.state; // the descriptor sees CLOSE
  const conn = sock.conn;
  const rcvShutdown = sock.shutRd || sock.done || !!conn?.rcv.finReceived;
  let mask = 0;
  if ((rcvShutdown && sock.shutWr) || state === 'CLOSED') mask |= POLLHUP;
  if (rcvShutdown) mask |= POLLIN;
  if (state !== 'SYN-SENT' && state !== 'SYN-RECEIVED') {
    if (conn && conn.rcv.buf.length > 0) mask |= POLLIN;
    if (sock.shutWr) mask |= POLLOUT;
    else if (!conn) mask |= POLLOUT; // an unconnected socket: nothing queued, all space free
    else if (conn.snd.space() >= conn.snd.buf.length / 2) mask |= POLLOUT;
  }
  if (sock.err !== null) mask |= POLLERR;
  return mask;
}

/** revents for every entry (negative fds are skipped, unknown ones get POLLNVAL), and how many are set. */
function scan(host: PollHost, fds: readonly PollFd[]): {ready: number; revents: number[]} {
  let ready = 0;
  const revents = fds.map(({fd, events}) => {
    if (fd < 0) return 0;
    const sock = host.socketOf(fd);
    const r = sock ? readiness(sock) & (events | POLLERR | POLLHUP) : POLLNVAL;
    if (r) ready++;
    return r;
  });
  return {ready, revents};
}

/**
 * poll(fds, timeoutMs): ready now → the result; timeout 0 → zeros; otherwise a call the world drives
 * (it re-scans after every batch of events). Its own timeout ends it with zeros; a world timeout that
 * comes first (conformance mode) leaves it blocked. With no socket to wait on it returns at once.
 */
export function startPoll(host: PollHost, req: {fds: PollFd[]; timeoutMs: number}): CallStart {
  if (!Array.isArray(req.fds) || req.fds.some((p) => !Number.isInteger(p?.fd) || !Number.isInteger(p?.events))) {
    return {err: 'EINVAL'};
  }
  const fds = req.fds.map(({fd, events}) => ({fd, events}));
  const now = scan(host, fds);
  const sock = fds.map((p) => (p.fd >= 0 ? host.socketOf(p.fd) : undefined)).find((s) => s !== undefined);
  if (now.ready > 0 || req.timeoutMs === 0 || !sock) return {ret: now.ready, revents: now.revents};
  const deadline = req.timeoutMs > 0 ? host.env.now() + req.timeoutMs : Infinity;
  const pending: PendingCall = {
    pending: true,
    sock,
    poll: () => {
      const r = scan(host, fds);
      return r.ready > 0 ? {ret: r.ready, revents: r.revents} : null;
    },
    giveUp: () => (host.env.now() >= deadline ? {ret: 0, revents: fds.map(() => 0)} : null),
    reason: 'poll() waits for a descriptor to become ready and none can',
  };
  return pending;
}

/** The time the world may let a call wait: poll's own timeout, unless the caller's is shorter. */
export function waitLimit(req: {call: string; timeoutMs?: number}, callerLimit: number | undefined): number | undefined {
  if (req.call !== 'poll' || req.timeoutMs === undefined || req.timeoutMs < 0) return callerLimit;
  return callerLimit === undefined ? req.timeoutMs : Math.min(callerLimit, req.timeoutMs);
}

/**
 * A call on an O_NONBLOCK descriptor that would wait returns at once instead: a partial write its
 * count, connect() EINPROGRESS (first time; the handshake goes on) or EALREADY, the rest EAGAIN.
 */
export function insteadOfWaiting(p: PendingCall): SyscallResult {
  return p.poll() ?? p.giveUp() ?? {err: p.busy ?? ('EAGAIN' as Errno)};
}
