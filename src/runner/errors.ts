/**
 * The errors a reader's program sees. They are thrown into the reader's code (so `try/catch` and
 * `e.errno` work like in C with errno) and turned into RunError when nobody catches them.
 */

/** Linux's strerror(3) texts (glibc), plus gai_strerror(3) for the resolver's EAI_NONAME. */
export const STRERROR: Readonly<Record<string, string>> = {
  EBADF: 'Bad file descriptor',
  ECONNREFUSED: 'Connection refused',
  ECONNRESET: 'Connection reset by peer',
  EISCONN: 'Transport endpoint is already connected',
  ENOTCONN: 'Transport endpoint is not connected',
  EPIPE: 'Broken pipe',
  EADDRINUSE: 'Address already in use',
  EADDRNOTAVAIL: 'Cannot assign requested address',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ETIMEDOUT: 'Connection timed out',
  EAGAIN: 'Resource temporarily unavailable',
  EINPROGRESS: 'Operation now in progress',
  EALREADY: 'Operation already in progress',
  EHOSTUNREACH: 'No route to host',
  EAFNOSUPPORT: 'Address family not supported by protocol',
  EPROTONOSUPPORT: 'Protocol not supported',
  EOPNOTSUPP: 'Operation not supported',
  ENOPROTOOPT: 'Protocol not available',
  EAI_NONAME: 'Name or service not known',
};

export function strerror(errno: string): string {
  return STRERROR[errno] ?? 'Unknown error';
}

/** A socket call failed: `e.errno` is the errno name, the message reads like perror(): "ECONNREFUSED: Connection refused". */
export class SocketError extends Error {
  readonly errno: string;
  constructor(errno: string) {
    super(`${errno}: ${strerror(errno)}`);
    this.name = 'SocketError';
    this.errno = errno;
  }
}

/**
 * A blocking call that nothing can ever complete. A real program would hang here; the simulator knows
 * no event is pending that could wake it, so the runner stops the program and says why.
 */
export class WouldBlockForever extends Error {
  /** the call that could never complete, and its descriptor (the page words the reason in the reader's language) */
  readonly call: string;
  readonly fd?: number;
  constructor(call: string, fd?: number) {
    super(blockedMessage(call, fd));
    this.name = 'WouldBlockForever';
    this.call = call;
    if (fd !== undefined) this.fd = fd;
  }
}

/** Why each blocking call can hang, in plain words (the simulator's own `reason` is for logs). */
const BLOCK_REASONS: Record<string, string> = {
  read: 'no data will ever arrive and the peer has not closed',
  accept: 'no client will ever connect to this socket',
  connect: 'the other side never completes the handshake',
  write: 'the send buffer is full and the peer never reads',
};

/** "read(3) would block forever: no data will ever arrive and the peer has not closed" */
export function blockedMessage(call: string, fd: number | undefined): string {
  const reason = BLOCK_REASONS[call] ?? 'nothing can ever complete it';
  return `${call}(${fd ?? ''}) would block forever: ${reason}`;
}
