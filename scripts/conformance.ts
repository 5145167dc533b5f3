/**
 * Run conformance scenarios on the simulator and write NAME.actual.json files for compare.py:
 *
 *   npm run --silent conformance -- --out DIR test/conformance/scenarios/*.json
 *   python3 test/conformance/compare.py --seq test/conformance/expected DIR
 */
import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {basename, join} from 'node:path';
import {runScenario, type Scenario} from '../src/sim/conformance/scenario';

function main(argv: string[]): number {
  let out = '.';
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = argv[++i];
    else files.push(argv[i]);
  }
  if (files.length === 0) {
    console.error('usage: conformance --out DIR SCENARIO.json...');
    return 2;
  }
  mkdirSync(out, {recursive: true});
  for (const file of files) {
    const sc = JSON.parse(readFileSync(file, 'utf8')) as Scenario;
    const name = sc.name ?? basename(file, '.json');
    const results = runScenario(sc);
    writeFileSync(join(out, `${name}.actual.json`), JSON.stringify({name, results}, null, 1) + '\n');
  }
  return 0;
}

process.exit(main(process.argv.slice(2)));
