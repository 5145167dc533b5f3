// @vitest-environment node
/**
 * The starter programs: each runs on the simulator and shows what its name promises (outcomes from the kernel's
 * behaviour the chapters teach, not pasted from a run); comments are in the reader's language. The echo server
 * needs `spawn` (concurrent processes, issue #18 part 1): until the runner has it, only its shape is checked.
 */
import {describe, expect, test} from 'vitest';
import {runInProcess} from '../../src/runner/run';
import {NEEDS_SPAWN, STARTER_IDS, starterCode} from '../../src/playground/starters';
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

  test('the echo server is a spawned process with an accept loop that takes its port as an argument', () => {
    expect([...NEEDS_SPAWN]).toEqual(['echo-server']);
    const code = starterCode('echo-server', locale);
    expect(code).toMatch(/spawn\('server', \(port\) => \{[\s\S]*while \(true\) \{[\s\S]*accept\(l\)[\s\S]*\}, 7007\);/);
    // it parses as a program (whether it runs waits for spawn)
    expect(() => new Function(code)).not.toThrow();
  });
});
