/**
 * Simulator benchmark (npm run bench). Prints, next to each goal (never asserted):
 *   1. segments simulated per second (a bulk transfer, trace off);
 *   2. time and memory to open 10,000 connections, memory per idle connection, time to close them;
 *   3. time to run an HTTP/1.1 exchange: a client fetching /index.html and its images over one
 *      connection to the built-in web server, with the full trace the UI reads;
 *   4. the timeline of a run (src/runner/timeline.ts): building it, and the state at one moment (what a step
 *      recomputes), for a 1 MB transfer;
 *   5. processes (issue 18): a 100-client accept loop, and the cost of the generator rewrite on the chapter blocks.
 */
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';
import {World} from '../src/sim';
import type {SyscallRequest, SyscallResult} from '../src/sim/api';
import {runInProcess} from '../src/runner/run';
import {buildTimeline, stateAtMoment} from '../src/runner/timeline';
import {TRANSFER_1MB} from './bench/transfer1mb';
import {acceptLoop100, rewriteCost} from './bench/processes';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const now = (): number => performance.now();
const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', {maximumFractionDigits: digits, minimumFractionDigits: digits});

function must(r: SyscallResult, what: string): number {
  if (!('ret' in r)) throw new Error(`${what}: ${JSON.stringify(r)}`);
  return r.ret;
}

function line(label: string, value: string, goal: string): void {
  console.log(`${label.padEnd(44)} ${value.padStart(16)}   goal ${goal}`);
}

/**
 * 1. Bulk transfer: one blocking write of 64 MB per round into a sink application on the server that
 * reads whatever arrives (so the loop is the simulator's, not thousands of calls from here).
 */
function segmentsPerSecond(): {wall: number; cpu: number} {
  const w = new World({seed: 1, trace: false, latencyMs: 1});
  w.runApp('server', (ctx) => {
    const s = must(ctx.call({call: 'socket'}), 'socket');
    ctx.call({call: 'bind', fd: s, addr: {ip: '0.0.0.0', port: 9000}});
    ctx.call({call: 'listen', fd: s, backlog: 1});
    ctx.watch(s, () => {
      const a = ctx.call({call: 'accept', fd: s});
      if (!('ret' in a)) return;
      const fd = a.ret;
      ctx.watch(fd, () => {
        for (let r = ctx.call({call: 'read', fd, max: 1 << 20}); 'data' in r && r.data.length > 0; r = ctx.call({call: 'read', fd, max: 1 << 20}));
      });
    });
  });
  const c = must(w.call('client', {call: 'socket'}), 'socket');
  must(w.call('client', {call: 'connect', fd: c, addr: {ip: w.ipOf('server')!, port: 9000}}), 'connect');
  const chunk = new Uint8Array(64 << 20).fill(120);
  const round = (): {segments: number; ms: number; cpuMs: number} => {
    const seg0 = w.segmentsSent;
    const t0 = now();
    const c0 = process.cpuUsage();
    must(w.call('client', {call: 'write', fd: c, data: chunk}), 'write');
    const cpu = process.cpuUsage(c0);
    return {segments: w.segmentsSent - seg0, ms: now() - t0, cpuMs: (cpu.user + cpu.system) / 1000};
  };
  for (let i = 0; i < 3; i++) round(); // warm up the JIT
  const r = [round(), round(), round(), round()];
  const sum = (f: (x: (typeof r)[number]) => number) => r.reduce((a, x) => a + f(x), 0);
  const segments = sum((x) => x.segments);
  return {wall: segments / (sum((x) => x.ms) / 1000), cpu: segments / (sum((x) => x.cpuMs) / 1000)};
}

/** 2. Open N connections (client → server, all accepted), then close them all. */
function manyConnections(n: number): {openMs: number; perConnBytes: number; closeMs: number} {
  const w = new World({seed: 2, trace: false, latencyMs: 1, fdLimit: n + 16});
  const call = (h: string, req: SyscallRequest) => w.call(h, req);
  const s = must(call('server', {call: 'socket'}), 'socket');
  call('server', {call: 'bind', fd: s, addr: {ip: '0.0.0.0', port: 9000}});
  call('server', {call: 'listen', fd: s, backlog: 4096});
  const ip = w.ipOf('server')!;
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = now();
  const clients: number[] = [];
  const accepted: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = must(call('client', {call: 'socket'}), 'socket');
    must(call('client', {call: 'connect', fd: c, addr: {ip, port: 9000}}), 'connect');
    clients.push(c);
    accepted.push(must(call('server', {call: 'accept', fd: s}), 'accept'));
  }
  w.runUntilQuiet();
  const openMs = now() - t0;
  gc();
  const perConnBytes = (process.memoryUsage().heapUsed - heap0) / n;
  const t1 = now();
  for (let i = 0; i < n; i++) {
    call('client', {call: 'close', fd: clients[i]});
    call('server', {call: 'close', fd: accepted[i]});
  }
  w.runUntilQuiet();
  const closeMs = now() - t1;
  return {openMs, perConnBytes, closeMs};
}

/** 3. HTTP/1.1: /index.html, then every image it references, one request at a time on one connection. */
function httpExchange(): {ms: number; images: number; segments: number; events: number} {
  const t0 = now();
  const w = new World({seed: 3, builtins: true});
  const call = (req: SyscallRequest) => w.call('client', req);
  const enc = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
  const fd = must(call({call: 'socket'}), 'socket');
  must(call({call: 'connect', fd, addr: {ip: w.resolve('client', 'www.example.com')!, port: 80}}), 'connect');
  let pending = '';
  const response = (): string => {
    for (;;) {
      const end = pending.indexOf('\r\n\r\n');
      if (end >= 0) {
        const len = Number(/Content-Length: (\d+)/i.exec(pending.slice(0, end))?.[1] ?? 0);
        if (pending.length >= end + 4 + len) {
          const body = pending.slice(end + 4, end + 4 + len);
          pending = pending.slice(end + 4 + len);
          return body;
        }
      }
      const r = call({call: 'read', fd, max: 4096});
      if (!('data' in r) || r.data.length === 0) throw new Error('connection ended early');
      pending += String.fromCharCode(...r.data);
    }
  };
  const get = (path: string): string => {
    call({call: 'write', fd, data: enc(`GET ${path} HTTP/1.1\r\nHost: www.example.com\r\n\r\n`)});
    return response();
  };
  const html = get('/page/10.html');
  const images = [...html.matchAll(/src="([^"]+)"/g)].map((m) => m[1]);
  for (const src of images) get(src);
  call({call: 'close', fd});
  w.runUntilQuiet();
  return {ms: now() - t0, images: images.length, segments: w.segmentsSent, events: w.trace.length};
}

console.log('Socket Lab simulator benchmark (goals are printed, not asserted)\n');
const sps = segmentsPerSecond();
line('segments simulated per second (wall clock)', fmt(sps.wall), '≥ 1,000,000');
line('  the same per second of CPU time', fmt(sps.cpu), '(the machine may be shared)');
const N = 10_000;
const conns = manyConnections(N);
line(`open ${fmt(N)} connections`, `${fmt(conns.openMs)} ms`, '≤ 1000 ms');
line('memory per idle connection (both ends)', `${fmt(conns.perConnBytes / 1024, 2)} KB`, '≤ 2 KB');
line(`close ${fmt(N)} connections`, `${fmt(conns.closeMs)} ms`, '(none)');
const http = httpExchange();
line(`HTTP/1.1 page + ${http.images} images, one connection`, `${fmt(http.ms, 1)} ms`, '(none; trace on)');
console.log(`  (${http.segments} segments, ${http.events} trace events)`);

/** 4. Run the 1 MB transfer, then time the timeline: built once per run, one moment's state per step (medians). */
function timeline1mb(): {runMs: number; events: number; moments: number; buildMs: number; stepMs: number} {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const t0 = now();
  const r = runInProcess({code: TRANSFER_1MB});
  const runMs = now() - t0;
  const builds: number[] = [];
  let tl = buildTimeline(r);
  for (let i = 0; i < 9; i++) {
    const b0 = now();
    tl = buildTimeline(r);
    builds.push(now() - b0);
  }
  const steps: number[] = [];
  for (let i = 0; i < 60; i++) {
    const k = Math.floor(((i % 30) / 30) * tl.moments.length);
    const s0 = now();
    stateAtMoment(r.trace, tl, k, r.calls);
    steps.push(now() - s0);
  }
  return {runMs, events: r.trace.length, moments: tl.moments.length, buildMs: median(builds), stepMs: median(steps.slice(30))};
}
const tl = timeline1mb();
line('1 MB transfer run (runner, trace on)', `${fmt(tl.runMs, 1)} ms`, '(none)');
line('  its timeline built (median)', `${fmt(tl.buildMs, 1)} ms`, '(part of ≤ 300 ms Run → drawn)');
line('  the state at one moment (median)', `${fmt(tl.stepMs, 2)} ms`, '(part of ≤ 16 ms a step)');
console.log(`  (${fmt(tl.events)} trace events, ${fmt(tl.moments)} moments)`);

/** 5. Processes (issue 18): a 100-client accept loop, and what the generator rewrite costs per chapter block. */
const loop = acceptLoop100();
line('accept loop serving 100 client processes', `${fmt(loop.ms, 1)} ms`, '(none; < 2 s worker limit)');
console.log(`  (${fmt(loop.calls)} socket calls, status ${loop.status}, median of 5)`);
const rw = rewriteCost(process.cwd());
line(`compile ${rw.blocks} chapter blocks: sucrase only`, `${fmt(rw.beforeMs, 1)} ms`, '(before processes)');
line('  sucrase + acorn + generator rewrite', `${fmt(rw.afterMs, 1)} ms`, '(none; per block ≪ 16 ms)');
