/**
 * What a built-in server sees of its host: non-blocking socket calls and readiness callbacks.
 * The applications run inside the simulation as event handlers, through the same socket layer
 * as the reader's program.
 */
import type {SyscallRequest, SyscallResult} from '../api';

export interface AppContext {
  readonly host: string;
  readonly ip: string;
  now(): number;
  /** a socket call that never waits: where it would wait it returns {err: 'EAGAIN'} (or a partial write count) */
  call(req: SyscallRequest): SyscallResult;
  /** run `fn` whenever the socket behind `fd` may have become ready (data, connection, space, close) */
  watch(fd: number, fn: () => void): void;
  unwatch(fd: number): void;
  /** run `fn` after `ms` of virtual time */
  after(ms: number, fn: () => void): void;
}

export type App = (ctx: AppContext) => void;
