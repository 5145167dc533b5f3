/**
 * The kernel check script (src/export/kernelCheck.ts): its plan taken from the trace, and the script itself run with
 * python3 against this machine's kernel for every runnable chapter example (each in a network namespace of its own
 * when `unshare` may make one, so ports and TIME-WAITs of one run or of other programs never meet another).
 * The kernel is Linux, the simulator's truth: an example it disagrees on is listed below with the reason, never hidden.
 */
import {execFile, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {chapterRunBlocks} from '../content/runBlocks';
import {runInProcess} from '../../src/runner/run';
import {toKernelScript} from '../../src/export/kernelCheck';
import {kernelPlan, type PlanCall} from '../../src/export/kernelPlan';
import type {RunResult} from '../../src/runner/types';

const work = mkdtempSync(path.join(tmpdir(), 'socketlab-kernel-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** an isolated loopback per run when we may make one (root, or user namespaces), else the machine's own */
const isolated = spawnSync('unshare', ['-n', 'true']).status === 0;

interface Report {
  os: string;
  counts: {same: number; diff: number; other: number};
  rows: {callId: number; host: string; call: string; verdict: string; sim: {err?: string}}[];
}

/** Run a script (async: with a namespace each, the chapter examples run side by side); its --json report or null. */
function runScript(script: string, name: string): Promise<{report: Report | null; stdout: string; stderr: string}> {
  const file = path.join(work, name);
  writeFileSync(file, script);
  const [cmd, args] = isolated
    ? ['unshare', ['-n', 'sh', '-c', 'ip link set lo up && exec python3 "$0" --json', file]]
    : ['python3', [file, '--json']];
  return new Promise((resolve) => {
    execFile(cmd, args, {encoding: 'utf8', timeout: 60_000}, (_error, stdout, stderr) => {
      // the script exits 1 when it found differences: the report says which
      const last = stdout.trim().split('\n').pop() ?? '';
      let report: Report | null = null;
      try {
        report = JSON.parse(last) as Report;
      } catch {
        report = null;
      }
      resolve({report, stdout, stderr});
    });
  });
}

if (!isolated) console.warn('\n*** unshare -n is not allowed here: the kernel check scripts share this machine\'s loopback ***\n');

const HTTP10 = [
  "const fd = socket();",
  "connect(fd, resolve('www.example.com'), 80);",
  "write(fd, 'GET /index.html HTTP/1.0\\r\\n\\r\\n');",
  "let got = '';",
  "for (let c = read(fd, 100); c !== ''; c = read(fd, 100)) got += c;",
  "close(fd);",
].join('\n');

describe('the plan taken from the trace', () => {
  const result = runInProcess({code: HTTP10});
  const plan = kernelPlan(result);

  it("replays the reader's calls in trace order, with their source lines and concrete arguments", () => {
    const calls = plan.steps.filter((s): s is PlanCall => s.kind === 'call');
    expect(calls.map((c) => (c.req as {call: string}).call).slice(0, 3)).toEqual(['socket', 'connect', 'write']);
    expect(calls.map((c) => c.line).slice(0, 3)).toEqual([1, 2, 3]);
    expect(calls[1].req).toMatchObject({fd: 3, addr: {ip: '93.184.216.34', port: 80}});
    expect(calls[2].req).toMatchObject({data: Buffer.from('GET /index.html HTTP/1.0\r\n\r\n').toString('hex')});
    expect(plan.hosts).toEqual(['client']);
  });

  it('the web server is played by a stand-in: the whole response after the whole request, then a FIN (HTTP/1.0 closes, RFC 1945)', () => {
    expect(plan.standins.map((s) => [s.host, s.port, s.conns.length])).toEqual([['www.example.com', 80, 1]]);
    const [actions] = plan.standins[0].conns;
    const request = 'GET /index.html HTTP/1.0\r\n\r\n'.length;
    // what the client's reads returned, together, is what the server sent
    const received = result.trace.flatMap((e) => (e.kind === 'result' && 'data' in e.res ? [Buffer.from(e.res.data).toString('hex')] : [])).join('');
    expect(actions.filter((a) => a.send).map((a) => a.after)).toEqual([request]);
    expect(actions.map((a) => a.send ?? '').join('')).toBe(received);
    expect(actions[actions.length - 1]).toEqual({after: request, close: 'fin'});
  });
});

describe('the script flags a difference', () => {
  it('when the simulator had said something else than the kernel (a socket() said to return 7)', async () => {
    const code = 'const fd = socket(); close(fd);';
    const real = runInProcess({code});
    const changed: RunResult = {
      ...real,
      trace: real.trace.map((e) => (e.kind === 'result' && e.callId === 1 ? {...e, res: {ret: 7}} : e)),
    };
    const {report, stdout} = await runScript(toKernelScript(changed, code, 'en'), 'changed.py');
    expect(report?.rows.find((r) => r.callId === 1)?.verdict, stdout).toBe('diff');
    expect(stdout).toMatch(/^!! line 1 +client +socket\(\)/m);
  });
});

describe('programs beyond the chapters, on this kernel', () => {
  it('non-blocking: EINPROGRESS, an EAGAIN read and poll() depend on timing; the reads after them stay in step', async () => {
    const code = [
      'const fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK);',
      "try { connect(fd, resolve('www.example.com'), 80); } catch (e) { console.log(e.errno); }",
      'poll([{fd, events: POLLOUT}], 1000);',
      "write(fd, 'GET / HTTP/1.1\\r\\nHost: www.example.com\\r\\n\\r\\n');",
      'try { read(fd, 10); } catch (e) { console.log(e.errno); }',
      'poll([{fd, events: POLLIN}], 1000);',
      'read(fd, 4096);',
    ].join('\n');
    const result = runInProcess({code});
    expect(result.trace.some((e) => e.kind === 'result' && 'err' in e.res && e.res.err === 'EAGAIN')).toBe(true);
    const {report, stdout} = await runScript(toKernelScript(result, code, 'en'), 'nonblocking.py');
    expect(report?.counts.diff, stdout).toBe(0);
    const lastRead = report!.rows.filter((r) => r.call === 'read').pop()!;
    expect(lastRead.verdict, stdout).toBe('same');
  });

  it('the echo server is played by its stand-in; an address of no simulated host is never contacted', async () => {
    const code = [
      "const e = socket(); connect(e, resolve('echo.example.com'), 7);",
      "write(e, 'ping'); read(e, 10); shutdown(e, SHUT_WR); read(e, 10); close(e);",
      "const m = socket(); connect(m, '10.9.9.9', 80);",
    ].join('\n');
    const result = runInProcess({code});
    const {report, stdout} = await runScript(toKernelScript(result, code, 'en'), 'echo.py');
    expect(report?.counts.diff, stdout).toBe(0);
    expect(report!.rows.filter((r) => r.call === 'read').map((r) => r.verdict)).toEqual(['same', 'same']);
    expect(report!.rows.find((r) => r.call === 'connect' && r.sim.err === 'ETIMEDOUT')?.verdict).toMatch(/no simulated host/);
  });
});

describe('every runnable chapter example, on this kernel', () => {
  const blocks = chapterRunBlocks();
  blocks.forEach((block, i) => {
    // side by side only when each has a loopback of its own (else two examples could want the same port)
    (isolated ? it.concurrent : it)(`${block.file}:${block.line}`, async () => {
      const locale = block.file.startsWith('i18n/en') ? 'en' : 'ko';
      const result = runInProcess({code: block.code, locale});
      const {report, stdout, stderr} = await runScript(toKernelScript(result, block.code, locale), `${i}.py`);
      expect(report, `${stdout}\n${stderr}`).not.toBeNull();
      expect(report!.os).toBe('Linux');
      expect(report!.counts.diff, stdout).toBe(0);
      expect(report!.counts.same, stdout).toBeGreaterThan(0);
    });
  });
});
