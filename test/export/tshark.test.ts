/**
 * Wireshark's own reader (Debian's `tshark`) opens the capture of every runnable chapter example (both locales):
 * no malformed packet, no expert error, and the IPv4 and TCP checksums verified good by tshark itself.
 * Without tshark the test is skipped with a loud message on a developer's machine; in CI (`CI` set) it fails,
 * because .ci/run installs it.
 */
import {execFileSync, spawnSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
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

  const blocks = chapterRunBlocks();
  blocks.forEach((block, i) => {
    it(`${block.file}:${block.line}`, () => {
      const result = runInProcess({code: block.code});
      const file = path.join(work, `${i}.pcapng`);
      writeFileSync(file, toPcapng(result));
      const rows = tsharkFields(file);
      const segments = result.trace.filter((e) => e.kind === 'segment').length;
      expect(rows).toHaveLength(segments);
      for (const [n, ipStatus, tcpStatus, severities, protocols, malformed] of rows) {
        const where = `${block.file}:${block.line} packet ${n} (${protocols})`;
        expect(protocols, where).toMatch(/^raw:ip:tcp/);
        expect(ipStatus, where).toBe(GOOD);
        expect(tcpStatus, where).toBe(GOOD);
        expect(malformed, where).toBe('');
        expect(protocols, where).not.toMatch(/malformed/);
        const worst = Math.max(0, ...severities.split(',').filter(Boolean).map(Number));
        expect(worst, `${where}: an expert error`).toBeLessThan(PI_ERROR);
      }
    });
  });
});
