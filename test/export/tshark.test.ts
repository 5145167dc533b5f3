/**
 * Wireshark's own reader (Debian's `tshark`) opens the capture of every runnable chapter example (both locales):
 * no malformed packet, no expert error, and the IPv4 and TCP checksums verified good by tshark itself (all the
 * captures in one multi-section file, one tshark run).
 * Without tshark the test is skipped with a loud message on a developer's machine; in CI (`CI` set) it fails,
 * because .ci/run installs it.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {chapterRunBlocks} from '../content/runBlocks';
import {runInProcess} from '../../src/runner/run';
import {toPcapng} from '../../src/export/pcapng';

const hasTshark = spawnSync('tshark', ['-v'], {stdio: 'ignore'}).status === 0;
if (!hasTshark && !process.env.CI) {
  console.warn('\n*** tshark is not installed: the Wireshark check of the pcapng exports is SKIPPED (apt-get install tshark) ***\n');
}

const work = mkdtempSync(path.join(tmpdir(), 'socketlab-pcapng-'));
afterAll(() => rmSync(work, {recursive: true, force: true}));

/** tshark's verdict on one file: one line per packet: number, IP checksum status, TCP checksum status, expert severities, protocols */
function tsharkFields(file: string): string[][] {
  const out = execFileSync(
    'tshark',
    ['-r', file, '-o', 'tcp.check_checksum:TRUE', '-o', 'ip.check_checksum:TRUE', '-T', 'fields', '-E', 'separator=|',
      '-e', 'frame.number', '-e', 'ip.checksum.status', '-e', 'tcp.checksum.status', '-e', '_ws.expert.severity', '-e', 'frame.protocols', '-e', '_ws.malformed'],
    {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']},
  );
  return out.trim().split('\n').filter(Boolean).map((l) => l.split('|'));
}

/** Wireshark's expert severity values (epan/proto.h): PI_ERROR = 0x00800000 */
const PI_ERROR = 0x00800000;
/** checksum status: 0 bad, 1 good, 2 unverified */
const GOOD = '1';

describe.skipIf(!hasTshark && !process.env.CI)('tshark reads every exported chapter example', () => {
  it('tshark is installed (CI must have it)', () => {
    expect(hasTshark, 'tshark is missing: .ci/run installs the Debian package').toBe(true);
  });

  // one file of many sections (pcapng allows it: each capture's Section Header Block starts a new one), read by one
  // tshark run; each example's packets are the frames between its first and its last
  const blocks = chapterRunBlocks();
  const runs = blocks.map((block) => {
    const result = runInProcess({code: block.code});
    return {block, result, capture: toPcapng(result), segments: result.trace.filter((e) => e.kind === 'segment').length};
  });
  let rows: string[][] = [];
  beforeAll(() => {
    if (!hasTshark) return;
    const file = path.join(work, 'chapters.pcapng');
    writeFileSync(file, Buffer.concat(runs.map((r) => r.capture)));
    rows = tsharkFields(file);
  });

  it('tshark read as many packets as the examples sent segments', () => {
    expect(rows).toHaveLength(runs.reduce((n, r) => n + r.segments, 0));
  });

  let first = 0;
  for (const run of runs) {
    const from = first;
    first += run.segments;
    it(`${run.block.file}:${run.block.line}`, () => {
      for (const [n, ipStatus, tcpStatus, severities, protocols, malformed] of rows.slice(from, from + run.segments)) {
        const where = `${run.block.file}:${run.block.line} packet ${Number(n) - from} (${protocols})`;
        expect(protocols, where).toMatch(/^raw:ip:tcp/);
        expect(ipStatus, where).toBe(GOOD);
        expect(tcpStatus, where).toBe(GOOD);
        expect(malformed, where).toBe('');
        expect(protocols, where).not.toMatch(/malformed/);
        const worst = Math.max(0, ...severities.split(',').filter(Boolean).map(Number));
        expect(worst, `${where}: an expert error`).toBeLessThan(PI_ERROR);
      }
    });
  }
});
