/**
 * A parser for the part of packetdrill's script language that plain-TCP scripts use (see
 * ../shared/peer/packetdrill/README.md): `--flag=value` lines, a back-quoted shell line (read as
 * "apply the baseline"), `//` and `/* … *\/` comments, and one event per line — a time, then a
 * packet (`<` injected by the scripted peer, `>` expected from the stack) or a system call.
 *
 * Times are turned into absolute milliseconds here, with packetdrill's rule for blocking calls:
 * `a...b call()` starts at `a` and returns at `b`, both relative to the previous event, and the event
 * after it is relative to the call's start.
 */

export type Direction = 'in' | 'out';

/** One TCP option as a script writes it. `ts` values are never checked. */
export type ScriptOption =
  | {kind: 'mss'; value: number}
  | {kind: 'wscale'; value: number}
  | {kind: 'sackOK'}
  | {kind: 'nop'}
  | {kind: 'ts'; val: number; ecr: number}
  | {kind: 'eol'}
  /** SACK blocks (relative sequence numbers); the simulator reads none */
  | {kind: 'sack'; blocks: [number, number][]};

export interface ScriptPacket {
  dir: Direction;
  /** flag letters as written: "S", "S.", ".", "P.", "F.", "R", "R." … */
  flags: string;
  /** relative start and end sequence numbers and the data length */
  start: number;
  end: number;
  len: number;
  /** relative ack number, when the packet has `ack N` */
  ack: number | null;
  /** the window as written (inbound only; scaled by the peer's window scale after its SYN) */
  win: number | null;
  /** the options, or 'any' for `<...>`, or null when the packet has none */
  options: ScriptOption[] | 'any' | null;
}

export interface ScriptCall {
  name: string;
  /** arguments as written, split at top-level commas ('...' for an elided one) */
  args: string[];
  /** the expected return value */
  ret: number;
  /** the expected errno name when ret is -1 */
  errno: string | null;
}

export interface ScriptEvent {
  line: number;
  /** absolute start time, ms; null for `*` (any time) */
  at: number | null;
  /** a blocking call's absolute return time (`a...b`), ms */
  returnsAt: number | null;
  /** `a~b`: the latest allowed time, ms */
  latest: number | null;
  packet?: ScriptPacket;
  call?: ScriptCall;
  /** the text of the line, for reports */
  text: string;
}

export interface Script {
  /** `--name=value` options at the top (tolerance_usecs, mss …) */
  flags: Record<string, string>;
  events: ScriptEvent[];
}

export class ScriptError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** Remove comments, keeping line numbers. */
function stripComments(text: string): string[] {
  const noBlock = text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '));
  return noBlock.split('\n').map((l) => l.replace(/\/\/.*$/, '').trim());
}

/** Seconds as a script writes them ("0", ".1", "0.200", "1.5") → ms. */
function seconds(text: string, line: number): number {
  if (!/^\d*\.?\d+$|^\d+\.$/.test(text)) throw new ScriptError(line, `bad time ${JSON.stringify(text)}`);
  return Math.round(parseFloat(text) * 1e6) / 1e3;
}

/** A time as written: `+x` is relative to `base`, `x` absolute. */
function timeValue(text: string, base: number, line: number): number {
  return text.startsWith('+') ? base + seconds(text.slice(1), line) : seconds(text, line);
}

export function parseScript(text: string): Script {
  const flags: Record<string, string> = {};
  const events: ScriptEvent[] = [];
  /** the time later relative times count from */
  let base = 0;
  const lines = stripComments(text);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (raw === '') return;
    if (raw.startsWith('--')) {
      const m = /^--([\w-]+)(?:=(.*))?$/.exec(raw);
      if (!m) throw new ScriptError(line, `bad flag ${raw}`);
      flags[m[1]] = m[2] ?? 'true';
      return;
    }
    if (raw.startsWith('`')) return; // the baseline shell line: the simulator's defaults are that baseline
    const m = /^(\*|[+]?[\d.]+(?:\.\.\.[+]?[\d.]+|~[+]?[\d.]+)?)\s+(.*)$/.exec(raw);
    if (!m) throw new ScriptError(line, `expected a time and an event: ${raw}`);
    const [, time, rest] = m;
    let at: number | null = null;
    let returnsAt: number | null = null;
    let latest: number | null = null;
    if (time !== '*') {
      if (time.includes('...')) {
        // both ends count from the previous event, with or without a '+' before the second
        const [a, b] = time.split('...');
        at = timeValue(a, base, line);
        returnsAt = base + seconds(b.replace(/^\+/, ''), line);
      } else if (time.includes('~')) {
        const [a, b] = time.split('~');
        at = timeValue(a, base, line);
        latest = timeValue(b, base, line);
      } else {
        at = timeValue(time, base, line);
      }
      base = at;
    }
    const ev: ScriptEvent = {line, at, returnsAt, latest, text: raw};
    if (rest.startsWith('<') || rest.startsWith('>')) ev.packet = parsePacket(rest, line);
    else ev.call = parseCall(rest, line);
    if (returnsAt !== null && !ev.call) throw new ScriptError(line, 'only a system call can block (a...b)');
    events.push(ev);
  });
  return {flags, events};
}

function parsePacket(text: string, line: number): ScriptPacket {
  const m = /^([<>])\s+([SFRP.EW]+)\s+(\d+):(\d+)\((\d+)\)(.*)$/.exec(text);
  if (!m) throw new ScriptError(line, `bad packet ${text}`);
  const [, dir, flags, start, end, len, tail] = m;
  let rest = tail.trim();
  let ack: number | null = null;
  let win: number | null = null;
  let options: ScriptPacket['options'] = null;
  const optAt = rest.indexOf('<');
  if (optAt >= 0) {
    options = parseOptions(rest.slice(optAt), line);
    rest = rest.slice(0, optAt).trim();
  }
  const words = rest.split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i += 2) {
    const value = Number(words[i + 1]);
    if (!Number.isInteger(value)) throw new ScriptError(line, `bad value after ${words[i]}`);
    if (words[i] === 'ack') ack = value;
    else if (words[i] === 'win') win = value;
    else throw new ScriptError(line, `unknown packet field ${words[i]}`);
  }
  if (Number(end) - Number(start) !== Number(len)) throw new ScriptError(line, `${start}:${end} is not ${len} bytes`);
  return {
    dir: dir === '<' ? 'in' : 'out',
    flags,
    start: Number(start),
    end: Number(end),
    len: Number(len),
    ack,
    win,
    options,
  };
}

function parseOptions(text: string, line: number): ScriptOption[] | 'any' {
  const m = /^<(.*)>$/.exec(text.trim());
  if (!m) throw new ScriptError(line, `bad options ${text}`);
  if (m[1].trim() === '...') return 'any';
  return m[1].split(',').map((part): ScriptOption => {
    const w = part.trim().split(/\s+/);
    switch (w[0]) {
      case 'mss':
        return {kind: 'mss', value: Number(w[1])};
      case 'wscale':
        return {kind: 'wscale', value: Number(w[1])};
      case 'sackOK':
        return {kind: 'sackOK'};
      case 'nop':
        return {kind: 'nop'};
      case 'eol':
        return {kind: 'eol'};
      case 'sack': {
        const blocks = w.slice(1).map((b): [number, number] => {
          const m = /^(\d+):(\d+)$/.exec(b);
          if (!m) throw new ScriptError(line, `bad SACK block ${b}`);
          return [Number(m[1]), Number(m[2])];
        });
        return {kind: 'sack', blocks};
      }
      case 'TS':
        if (w[1] !== 'val' || w[3] !== 'ecr') break;
        return {kind: 'ts', val: Number(w[2]), ecr: Number(w[4])};
    }
    throw new ScriptError(line, `unsupported option ${part.trim()}`);
  });
}

function parseCall(text: string, line: number): ScriptCall {
  const m = /^(\w+)\((.*)\)\s*=\s*(-?\d+)(?:\s+(E[A-Z0-9]+)(?:\s*\(.*\))?)?\s*$/.exec(text);
  if (!m) throw new ScriptError(line, `bad system call ${text}`);
  const [, name, argText, ret, errno] = m;
  return {name, args: splitArgs(argText), ret: Number(ret), errno: errno ?? null};
}

/** Split at commas outside brackets and braces. */
function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '[' || ch === '{' || ch === '(') depth++;
    if (ch === ']' || ch === '}' || ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() !== '') out.push(cur.trim());
  return out;
}
