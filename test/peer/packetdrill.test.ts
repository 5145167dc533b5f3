/**
 * Linux's own TCP tests on the simulator: every packetdrill script in ../shared/peer/packetdrill
 * (read at test time, never copied here) must pass the interpreter in scripts/packetdrill, as it
 * passed on Linux 6.18 with packetdrill. Our own scripts in test/peer/scripts (each names the RFC its
 * expectation comes from) must pass too.
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {runScript} from '../../scripts/packetdrill/run';

const ROOT = path.resolve(__dirname, '../../../shared/peer/packetdrill');

function scripts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? scripts(p) : name.endsWith('.pkt') ? [p] : [];
  });
}

describe('packetdrill scripts from ../shared/peer/packetdrill', () => {
  const files = scripts(ROOT).sort();

  it('finds the public scripts (16 when this test was written)', () => {
    expect(files.length).toBeGreaterThanOrEqual(16);
  });

  for (const file of files) {
    const name = path.relative(ROOT, file);
    it(name, () => {
      const report = runScript(readFileSync(file, 'utf8'), name);
      expect(report.error, report.log.join('\n')).toBeNull();
    });
  }
});

describe('our own scripts in test/peer/scripts', () => {
  const dir = path.join(__dirname, 'scripts');
  for (const file of scripts(dir).sort()) {
    const name = path.relative(dir, file);
    it(name, () => {
      const report = runScript(readFileSync(file, 'utf8'), name);
      expect(report.error, report.log.join('\n')).toBeNull();
    });
  }
});
