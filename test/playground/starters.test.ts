// @vitest-environment node
/**
 * The starter programs: each runs on the simulator and shows what its name promises (outcomes from the kernel's
 * behaviour the chapters teach, not pasted from a run); comments are in the reader's language. The echo server
 * runs as a spawned process (concurrent processes, issue #18 part 1).
 */
import {describe, expect, test} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {STARTER_IDS, starterCode} from '../../src/playground/starters';
import type {TraceEvent} from '../../src/sim/api';

const HANGUL = /[\uac00-\ud7a3]/;

/** each socket's last state at the end of the run, by host */
function finalStates(trace: TraceEvent[]): Map<string, string> {
  const states = new Map<string, string>();
  for (const e of trace) {
    if (e.kind === 'sock') states.set(`${e.host}:${e.sock}`, `${e.host} ${e.local.port} ${e.state}`);
    if (e.kind === 'sock-gone') states.delete(`${e.host}:${e.sock}`);
  }
  return states;
}

describe.each(['ko', 'en'] as const)('starters (%s)', (locale) => {
  test('every comment line is in the reader language', () => {
    for (const id of STARTER_IDS) {
      const comments = starterCode(id, locale).match(/\/\/.*$/gm) ?? [];
      expect(comments.length, id).toBeGreaterThan(0);
      for (const c of comments) expect(HANGUL.test(c), `${id}: ${c}`).toBe(locale === 'ko');
    }
  });

  test('the HTTP client reads the whole response of www.example.com', () => {
    const r = runInProcess({code: starterCode('http-client', locale), locale});
    expect(r.status).toBe('ok');
    expect(r.console[0].text).toBe('HTTP/1.1 200 OK');
  });

  test('EADDRINUSE: the second bind of the same port fails with EADDRINUSE', () => {
    const r = runInProcess({code: starterCode('eaddrinuse', locale), locale});
    expect(r.status).toBe('ok');
    expect(r.console.map((l) => l.text)).toEqual(['EADDRINUSE']);
  });

  test('port scan: only port 80 of www.example.com is open, the others refuse', () => {
    const r = runInProcess({code: starterCode('port-scan', locale), locale});
    expect(r.status).toBe('ok');
    expect(r.console.map((l) => l.text)).toEqual([
      '21 ECONNREFUSED',
      '22 ECONNREFUSED',
      '25 ECONNREFUSED',
      '80 open',
      '443 ECONNREFUSED',
      '8080 ECONNREFUSED',
    ]);
  });

  test('CLOSE-WAIT leak: the server reads the data, then EOF, and its socket stays in CLOSE-WAIT', () => {
    const r = runInProcess({code: starterCode('close-wait-leak', locale), locale});
    expect(r.status).toBe('ok');
    expect(r.console.map((l) => l.text)).toEqual(['server read: "bye\\n"', 'server read: ""']);
    expect([...finalStates(r.trace).values()]).toContain('server 8080 CLOSE-WAIT');
  });

  test('echo server: a spawned accept loop sends each message back, the client sees EOF after it, and the server is left waiting in accept()', () => {
    const code = starterCode('echo-server', locale);
    expect(code).toMatch(/spawn\('server', \(port\) => \{[\s\S]*while \(true\) \{[\s\S]*accept\(l\)/);
    const r = runInProcess({code, locale});
    // a server still waiting for the next connection is how a real server ends a session: the run is a success
    expect(r.status).toBe('ok');
    expect(r.console.map((l) => l.text)).toEqual(['echo: hello', 'EOF: ""', 'echo: world', 'EOF: ""']);
    expect(r.waiting?.map((w) => [w.host, w.call])).toEqual([['server', 'accept']]);
  });
});
