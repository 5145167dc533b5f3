/**
 * The reader API for overlapping connections, as POSIX has it: non-blocking sockets and poll().
 *
 *   const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);
 *   try { connect(fd, ip, 80); } catch (e) { if (e.errno !== 'EINPROGRESS') throw e; }
 *   const [re] = poll([{fd, events: POLLOUT}], -1);   // the handshake finished (or failed: POLLERR)
 *   read(fd, 4096)                                     // throws EAGAIN when nothing is queued yet
 *
 * socket(), connect(), read() and write() are the ordinary bindings: the simulator keeps O_NONBLOCK
 * on the descriptor and answers EINPROGRESS/EAGAIN itself (src/sim/host/poll.ts). This file adds
 * poll() and the constants; program.ts puts them in the program's scope.
 */
import {POLLERR, POLLHUP, POLLIN, POLLNVAL, POLLOUT, SOCK_NONBLOCK} from '../sim/api';
import type {PollFd, SyscallRequest, SyscallResult} from '../sim/api';
import {wordsFor, type Words} from './words';

export const NONBLOCKING_NAMES = ['poll', 'SOCK_NONBLOCK', 'POLLIN', 'POLLOUT', 'POLLERR', 'POLLHUP', 'POLLNVAL'] as const;

export type NonblockingName = (typeof NONBLOCKING_NAMES)[number];

type Call = Generator<unknown, SyscallResult, unknown>;

/**
 * `sys` performs one simulator call (a generator: it suspends the process while the call waits) and throws
 * SocketError/WouldBlockForever like every binding; `api` makes the reader's function of such a generator.
 */
export function nonblockingApi(
  sys: (req: SyscallRequest) => Call,
  api: (impl: (...args: never[]) => Generator<never, unknown, unknown>) => unknown,
  words: () => Words = () => wordsFor('en'),
): Record<NonblockingName, unknown> {
  return {
    /** poll(fds, timeoutMs): each entry's revents (0 = not ready), in the order given; -1 waits without limit */
    poll: api(function* (fds: unknown, timeoutMs: unknown = -1) {
      const w = words();
      const entries = pollFds(w, fds);
      if (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs)) throw new TypeError(w.pollTimeout(w.kind(timeoutMs)));
      const res: SyscallResult = yield* sys({call: 'poll', fds: entries, timeoutMs});
      return 'revents' in res && res.revents ? [...res.revents] : entries.map(() => 0);
    } as (...args: never[]) => Generator<never, unknown, unknown>),
    SOCK_NONBLOCK,
    POLLIN,
    POLLOUT,
    POLLERR,
    POLLHUP,
    POLLNVAL,
  };
}

function pollFds(w: Words, fds: unknown): PollFd[] {
  if (!Array.isArray(fds)) throw new TypeError(w.pollArray());
  return fds.map((p, i) => {
    const fd = (p as {fd?: unknown})?.fd;
    const events = (p as {events?: unknown})?.events;
    if (typeof fd !== 'number' || !Number.isInteger(fd) || typeof events !== 'number' || !Number.isInteger(events)) {
      throw new TypeError(w.pollEntry(i));
    }
    return {fd, events};
  });
}

const EVENT_NAMES: [number, string][] = [
  [POLLIN, 'POLLIN'],
  [POLLOUT, 'POLLOUT'],
  [POLLERR, 'POLLERR'],
  [POLLHUP, 'POLLHUP'],
  [POLLNVAL, 'POLLNVAL'],
];

/** "POLLIN|POLLOUT", "0" */
export function eventsText(mask: number): string {
  const names = EVENT_NAMES.filter(([bit]) => mask & bit).map(([, name]) => name);
  return names.length > 0 ? names.join('|') : '0';
}
