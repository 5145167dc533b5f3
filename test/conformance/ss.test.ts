/**
 * Recv-Q and Send-Q in the inspectors' socket tables (src/runner/inspect.ts SocketRow) against what
 * `ss -tan` printed on Linux: every `{"observe": "ss"}` step of the kernel recordings (this project's
 * oracle.py copy records them) is compared, row by row, with the socket table the reader sees at that
 * moment of the same scenario run on the simulator.
 */
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {inspectAt} from '../../src/runner/inspect';
import {runScenario, type Scenario} from '../../src/sim/conformance/scenario';

interface SsEntry {
  host: string;
  local: string;
  remote: string;
  state: string;
  recvQ: number;
  sendQ: number;
}

interface Recording extends Scenario {
  results: Record<string, unknown>[];
}

const expectedDir = join(__dirname, 'expected');
const recordings = readdirSync(expectedDir)
  .map((f) => JSON.parse(readFileSync(join(expectedDir, f), 'utf8')) as Recording)
  .filter((r) => r.steps.some((s) => s.observe === 'ss'));

/** "client:ephemeral#1" → "client:ephemeral", "*:8080" → "*:8080", "*:*" → "*:*" */
function endpoint(label: string): string {
  return label.replace(/ephemeral#\d+$/, 'ephemeral');
}

describe('socket tables show Recv-Q/Send-Q as ss -tan does on Linux', () => {
  it('has recordings with ss observations in every state the chapters show', () => {
    const states = new Set(
      recordings.flatMap((r) => r.results.flatMap((res) => ((res.ss as SsEntry[] | undefined) ?? []).map((e) => e.state))),
    );
    for (const s of ['LISTEN', 'SYN-SENT', 'ESTABLISHED', 'FIN-WAIT-2', 'CLOSE-WAIT', 'TIME-WAIT']) expect(states).toContain(s);
  });

  for (const rec of recordings) {
    it(rec.name, () => {
      const seen: {step: number; rows: string[]}[] = [];
      runScenario(rec, 1, (world, step) => {
        if (rec.steps[step].observe !== 'ss') return;
        const ephemeral = (port: number) => port >= world.ephemeralRange[0] && port <= world.ephemeralRange[1];
        const label = (host: string | null, addr: string): string => {
          const [ip, port] = [addr.slice(0, addr.lastIndexOf(':')), addr.slice(addr.lastIndexOf(':') + 1)];
          if (ip === '0.0.0.0') return port === '*' ? '*:*' : `*:${port}`;
          return `${host}:${ephemeral(Number(port)) ? 'ephemeral' : port}`;
        };
        const state = inspectAt(world.trace, world.trace.length);
        const rows = state.hosts.flatMap((h) =>
          h.sockets.map((s) => `${s.host} ${label(s.localHost, s.local)} ${label(s.peerHost, s.peer)} ${s.state} ${s.recvQ}/${s.sendQ}`),
        );
        seen.push({step, rows: rows.sort()});
      });
      for (const {step, rows} of seen) {
        const expected = (rec.results[step].ss as SsEntry[])
          .map((e) => `${e.host} ${endpoint(e.local)} ${endpoint(e.remote)} ${e.state} ${e.recvQ}/${e.sendQ}`)
          .sort();
        expect(rows, `step ${step}`).toEqual(expected);
      }
      expect(seen.length).toBeGreaterThan(0);
    });
  }
});
