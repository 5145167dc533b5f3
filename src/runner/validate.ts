/**
 * The page's check of what a worker sent back: a RunResult is used only if it matches the contract in types.ts
 * and the sizes in limits.ts. Anything else (a result a compromised or broken worker forged, an oversized one)
 * becomes a runner fault (failure.ts), which the page words in the reader's language. Fields not in the
 * contract are left alone, never read by the page.
 */
import type {RunResult} from './types';
import {
  MAX_CONSOLE_CHARS,
  MAX_CONSOLE_LINES,
  MAX_ERROR_CHARS,
  MAX_HOST_CHARS,
  MAX_LINE_CHARS,
  MAX_NAME_CHARS,
  MAX_PROCESSES, MAX_SOCKET_CALLS,
  MAX_TRACE_EVENTS,
} from './limits';

type Check = (v: unknown) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const str =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const int: Check = (v) => Number.isSafeInteger(v);
const count: Check = (v) => Number.isSafeInteger(v) && (v as number) >= 0;
const finite: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const bool: Check = (v) => typeof v === 'boolean';
const bytes: Check = (v) => v instanceof Uint8Array;
const nullable =
  (c: Check): Check =>
  (v) =>
    v === null || c(v);
const oneOf =
  (...values: unknown[]): Check =>
  (v) =>
    values.includes(v);
const arrayOf =
  (c: Check, max: number): Check =>
  (v) =>
    Array.isArray(v) && v.length <= max && v.every(c);

/** An object with these fields (the optional ones may be absent). */
function shape(required: Record<string, Check>, optional: Record<string, Check> = {}): Check {
  return (v) => {
    if (!isRecord(v)) return false;
    for (const [k, c] of Object.entries(required)) if (!c(v[k])) return false;
    for (const [k, c] of Object.entries(optional)) if (k in v && v[k] !== undefined && !c(v[k])) return false;
    return true;
  };
}

const host = str(MAX_HOST_CHARS);
const addr = shape({ip: str(15), port: count});
const errnoName = str(20);

const request = (v: unknown): boolean =>
  isRecord(v) &&
  str(20)(v.call) &&
  shape(
    {},
    {
      fd: int,
      domain: int,
      type: int,
      protocol: int,
      backlog: int,
      addr,
      data: bytes,
      max: int,
      how: oneOf(0, 1, 2),
      opt: str(20),
      value: int,
      fds: arrayOf(shape({fd: int, events: int}), MAX_SOCKET_CALLS),
      timeoutMs: int,
    },
  )(v);

const result = shape(
  {},
  {ret: int, addr, revents: arrayOf(int, MAX_SOCKET_CALLS), data: bytes, err: errnoName, blocked: oneOf(true), reason: str(MAX_ERROR_CHARS), stopped: oneOf(true)},
);

/** a TCP option of a SYN or SYN,ACK (api.ts TraceTcpOption): at most 40 option bytes fit a header */
const tcpOption: Check = (v) =>
  isRecord(v) &&
  ((v.kind === 'mss' || v.kind === 'wscale') ? count(v.value) : v.kind === 'ts' ? count(v.val) && count(v.ecr) : v.kind === 'sackOK' || v.kind === 'nop');

const EVENTS: Record<string, Check> = {
  host: shape({t: finite, host, ip: str(15), builtin: bool}),
  call: shape({t: finite, host, callId: int, req: request}, {pid: int}),
  result: shape({t: finite, host, callId: int, res: result}, {pid: int}),
  segment: shape({
    t: finite,
    id: int,
    fromHost: host,
    toHost: host,
    src: addr,
    dst: addr,
    flags: str(8),
    seq: finite,
    ack: nullable(finite),
    relSeq: nullable(finite),
    relAck: nullable(finite),
    window: finite,
    len: count,
    payload: bytes,
    arrives: nullable(finite),
    callId: nullable(int),
  }, {options: arrayOf(tcpOption, 40)}),
  fd: shape({t: finite, host, fd: int, sock: nullable(int)}),
  sock: shape({
    t: finite,
    host,
    sock: int,
    local: addr,
    remote: nullable(addr),
    state: str(12),
    recvQ: count,
    sendQ: count,
    recvBuf: count,
    sendBuf: count,
    orphan: bool,
  }),
  'sock-gone': shape({t: finite, host, sock: int}),
  note: shape({t: finite, host, text: str(MAX_ERROR_CHARS)}),
};

const traceEvent: Check = (v) => isRecord(v) && typeof v.kind === 'string' && Object.hasOwn(EVENTS, v.kind) && EVENTS[v.kind](v);

const consoleLine = shape({level: oneOf('log', 'error'), text: str(MAX_LINE_CHARS)}, {line: count, cut: count, at: count});

const runError = shape(
  {name: str(MAX_NAME_CHARS), message: str(MAX_ERROR_CHARS)},
  {
    errno: errnoName,
    blocked: shape({call: str(20)}, {fd: int}),
    limit: count,
    line: count,
    column: count,
    cut: count,
    engine: str(MAX_ERROR_CHARS),
    fault: oneOf('load', 'crash', 'clone', 'invalid-result', 'simulator'),
    process: shape({pid: int, host}),
  },
);

const runResult = shape(
  {
    status: oneOf('ok', 'error', 'syntax-error', 'blocked', 'timeout'),
    console: arrayOf(consoleLine, MAX_CONSOLE_LINES),
    truncated: bool,
    trace: arrayOf(traceEvent, MAX_TRACE_EVENTS),
    calls: arrayOf(shape({callId: int, host, line: nullable(count)}), MAX_SOCKET_CALLS),
    endTime: finite,
  },
  {error: runError, traceCut: count, waiting: arrayOf(shape({pid: int, host, call: str(20), line: nullable(count)}), MAX_PROCESSES)},
);

/** Null when `value` is a RunResult the page may render; otherwise what is wrong with it (for the fault's detail). */
export function problemWithResult(value: unknown): string | null {
  try {
    if (!runResult(value)) return 'the result does not match the RunResult contract';
    const r = value as RunResult;
    const chars = r.console.reduce((n, l) => n + l.text.length, 0);
    if (chars > MAX_CONSOLE_CHARS) return `the console output is larger than ${MAX_CONSOLE_CHARS} characters`;
    if (r.status !== 'ok' && !r.error) return `a result with status ${r.status} has no error`;
    return null;
  } catch {
    return 'the result could not be read';
  }
}
