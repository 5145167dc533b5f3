/**
 * The simulator against the kernel recordings: every scenario in test/conformance/scenarios is run by
 * the conformance runner and compared by compare.py with --seq (packet traces, pure ACKs and relative
 * sequence numbers included). A difference fails with compare.py's own diff.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {runScenario, type Scenario} from '../../src/sim/conformance/scenario';

const here = join(__dirname);
const scenarioDir = join(here, 'scenarios');
const expectedDir = join(here, 'expected');
const outDir = mkdtempSync(join(tmpdir(), 'sim-conformance-'));
const scenarios = readdirSync(scenarioDir).filter((f) => f.endsWith('.json')).sort();

describe('simulator matches the Linux kernel recordings (compare.py --seq)', () => {
  it('has scenarios to check', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(28);
  });

  for (const file of scenarios) {
    const sc = JSON.parse(readFileSync(join(scenarioDir, file), 'utf8')) as Scenario;
    const expected = join(expectedDir, `${sc.name}.expected.json`);
    it.skipIf(!existsSync(expected))(sc.name, () => {
      const actual = join(outDir, `${sc.name}.actual.json`);
      writeFileSync(actual, JSON.stringify({results: runScenario(sc)}));
      const run = spawnSync('python3', [join(here, 'compare.py'), '--seq', expected, actual], {encoding: 'utf8'});
      const report = `${run.stdout}${run.stderr}`;
      expect(run.status, report).toBe(0);
      expect(report).toMatch(/ 0 failed\s*$/);
    });
  }
});
