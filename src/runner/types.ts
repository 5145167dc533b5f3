/**
 * The runner's contract: how a reader's program is run against src/sim, and what comes back.
 * Messages between the page and the Web Worker are exactly these plain objects (structured-clone safe).
 */
import type {TraceEvent, WorldOptions} from '../sim/api';

export interface RunRequest {
  /** TypeScript or JavaScript source of the reader's program */
  code: string;
  /** world options (seed, latency, loss, …); builtins default to true */
  world?: WorldOptions;
  /** the host the program runs as unless it says `on("other", …)`; default "client" */
  host?: string;
  /** console lines kept before the output is cut (default 1000) */
  maxConsoleLines?: number;
  /** the reader's language, for what the runner itself says (words.ts); default 'en' */
  locale?: 'ko' | 'en';
}

export interface ConsoleLine {
  /** from console.log / console.error (a cut output is RunResult.truncated, not a line) */
  level: 'log' | 'error';
  text: string;
  /** 1-based source line of the console call, when known */
  line?: number;
  /** characters cut from the end of this line (limits.ts MAX_LINE_CHARS / MAX_CONSOLE_CHARS) */
  cut?: number;
  /** how many trace events there were when it was printed: the timeline shows it from that point on */
  at?: number;
}

/** One socket call the program made, linking the simulator's callId to the reader's source line. */
export interface CallRecord {
  callId: number;
  host: string;
  /** 1-based line in the reader's source (the original TypeScript, not the stripped output) */
  line: number | null;
}

export type RunStatus =
  /** the program ran to its end */
  | 'ok'
  /** a call failed (errno) or the program threw */
  | 'error'
  /** the source does not parse */
  | 'syntax-error'
  /** a blocking call could never complete */
  | 'blocked'
  /** the program ran past its time limit and was stopped (worker only) */
  | 'timeout';

export interface RunError {
  /** 'SocketError' for errno failures, 'SyntaxError', 'WouldBlockForever', 'Timeout', or the JS error name */
  name: string;
  /** errno name for socket errors, e.g. 'ECONNREFUSED' */
  errno?: string;
  /** e.g. 'ECONNREFUSED: Connection refused' (English, as the kernel and the runner word it; the page words
   *  blocked calls, the call cap and the time limit in the reader's language from the fields below) */
  message: string;
  /** WouldBlockForever: the call that could never complete, and its descriptor */
  blocked?: {call: string; fd?: number};
  /** TooManyCalls: how many socket calls a run may make */
  limit?: number;
  /** 1-based line and column in the reader's source */
  line?: number;
  column?: number;
  /** characters cut from the end of the message (limits.ts MAX_ERROR_CHARS) */
  cut?: number;
  /** SyntaxError: the parser's or the engine's own words (English), kept beside `message`, which says it for a learner
   *  in the reader's language (syntaxError.ts); the page shows them as the engine's */
  engine?: string;
  /** RunnerFault: what went wrong on the runner's side (the page words it; `message` is for developers) */
  fault?: RunnerFaultKind;
  /** the error ended a process the program spawned (absent: the main program): its pid and host */
  process?: {pid: number; host: string};
}

/** A process still waiting when the run ended (a server left in accept(), as a real one runs until stopped). */
export interface WaitingProcess {
  /** 1 is the main program; spawn() returns the others' */
  pid: number;
  host: string;
  /** the call it waits in ('sleep' for sleep()) */
  call: string;
  /** 1-based line of that call in the reader's source */
  line: number | null;
}

/**
 * The runner itself failed, not the reader's program: its chunk did not load, the worker crashed, the result
 * could not be sent (structured clone) or did not match this contract.
 */
export type RunnerFaultKind = 'load' | 'crash' | 'clone' | 'invalid-result' | 'simulator';

export interface RunResult {
  status: RunStatus;
  error?: RunError;
  console: ConsoleLine[];
  /** true when console output was cut: at maxConsoleLines, or at MAX_CONSOLE_CHARS (limits.ts) */
  truncated: boolean;
  /** trace events left out after MAX_TRACE_EVENTS (the trace kept is a prefix) */
  traceCut?: number;
  /** the simulator's full trace, from world creation to the end of the run (network left to settle) */
  trace: TraceEvent[];
  calls: CallRecord[];
  /** the value of the program's last expression statement is not kept; this is virtual ms at the end */
  endTime: number;
  /** processes still waiting when the run ended (the main program had ended, or failed): where each waits */
  waiting?: WaitingProcess[];
}

/** page -> worker (a worker runs one program and is then discarded: nothing carries over between runs) */
export type ToWorker = {type: 'run'; id: number; request: RunRequest};
/** worker -> page (the page validates `result` before using it: validate.ts) */
export type FromWorker = {type: 'ready'} | {type: 'result'; id: number; result: RunResult};
