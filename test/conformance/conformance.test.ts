/**
 * The simulator against the kernel recordings: every scenario in test/conformance/scenarios is run by
 * the conformance runner and compared by compare.py with --seq (packet traces, pure ACKs and relative
 * sequence numbers included). A difference fails with compare.py's own diff, and so does a scenario
 * without its recording. The copy must hold every scenario ../shared/conformance has, unchanged (our
 * own recordings come on top of those).
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
const sharedScenarioDir = join(here, '../../../shared/conformance/scenarios');
const outDir = mkdtempSync(join(tmpdir(), 'sim-conformance-'));
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const scenarios = jsonFiles(scenarioDir);

describe('simulator matches the Linux kernel recordings (compare.py --seq)', () => {
  it("holds every scenario of ../shared/conformance, unchanged", () => {
    const shared = jsonFiles(sharedScenarioDir);
    expect(shared.length).toBeGreaterThan(0);
    for (const file of shared) {
      expect(scenarios, file).toContain(file);
      expect(readFileSync(join(scenarioDir, file), 'utf8'), file).toBe(readFileSync(join(sharedScenarioDir, file), 'utf8'));
    }
  });

  it('has a scenario for every recording', () => {
    const names = new Set(scenarios.map((f) => f.replace(/\.json$/, '')));
    const orphans = jsonFiles(expectedDir).map((f) => f.replace(/\.expected\.json$/, '')).filter((n) => !names.has(n));
    expect(orphans).toEqual([]);
  });

  for (const file of scenarios) {
    const sc = JSON.parse(readFileSync(join(scenarioDir, file), 'utf8')) as Scenario;
    const expected = join(expectedDir, `${sc.name}.expected.json`);
    it(sc.name, () => {
      expect(existsSync(expected), `${sc.name} has no recording in test/conformance/expected`).toBe(true);
      const actual = join(outDir, `${sc.name}.actual.json`);
      writeFileSync(actual, JSON.stringify({results: runScenario(sc)}));
      const run = spawnSync('python3', [join(here, 'compare.py'), '--seq', expected, actual], {encoding: 'utf8'});
      const report = `${run.stdout}${run.stderr}`;
      expect(run.status, report).toBe(0);
      expect(report).toMatch(/ 0 failed\s*$/);
    });
  }
});
