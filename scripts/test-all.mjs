#!/usr/bin/env node
/**
 * The one test command (`npm test`): unit tests, a production build of both locales, then the browser
 * tests against that build. Ends with a single line `N passed, M failed` totalled over every runner; above it, a
 * `retried:` line for each test that passed only on a second attempt (the browser project retries once) and a
 * `problem: failed:` line, with its first error lines, for each test that failed.
 *
 * Flags: --skip-build (reuse ./build), --unit-only, --browser-only.
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const tmp = path.resolve('.tmp/test-results');
rmSync(tmp, {recursive: true, force: true});
mkdirSync(tmp, {recursive: true});

let passed = 0;
let failed = 0;
const problems = [];
const retried = [];

function run(cmd, cmdArgs, env = {}) {
  console.log(`\n$ ${cmd} ${cmdArgs.join(' ')}`);
  const r = spawnSync(cmd, cmdArgs, {stdio: 'inherit', env: {...process.env, ...env}});
  return r.status ?? 1;
}

/** Run one vitest project and add its counts from the JSON report. */
function vitest(project) {
  const out = path.join(tmp, `${project}.json`);
  const status = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) {
    failed += 1;
    problems.push(`vitest ${project}: no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  // A file that fails to load has no failed tests but fails the suite: count it, never hide it.
  const brokenFiles = report.testResults.filter((f) => f.status === 'failed' && f.assertionResults.every((a) => a.status !== 'failed'));
  failed += brokenFiles.length;
  for (const f of brokenFiles) problems.push(`${path.relative(process.cwd(), f.name)}: ${f.message || 'failed to run'}`);
  if (report.numFailedTests > 0) problems.push(`vitest ${project}: ${report.numFailedTests} failed`);
  // Each failed test by name with its first error lines, here at the end (CI keeps only the tail of the output); and
  // each test that passed on a retry (vitest.config.mts), which keeps its first attempt's error.
  for (const f of report.testResults) {
    const file = path.relative(process.cwd(), f.name);
    for (const a of f.assertionResults) {
      if (a.status === 'failed') {
        const first = (a.failureMessages[0] ?? '').split('\n').slice(0, 3).join(' | ');
        problems.push(`failed: ${file} > ${a.fullName}: ${first.slice(0, 600)}`);
      } else if (a.status === 'passed' && a.failureMessages.length > 0) {
        const first = a.failureMessages[0].split('\n')[0];
        retried.push(`${file} > ${a.fullName}: passed on attempt ${a.failureMessages.length + 1}; first: ${first}`);
      }
    }
  }
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (existsSync(chromium)) return true;
  if (process.getuid?.() === 0) {
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium']);
  }
  if (existsSync(chromium)) return true;
  problems.push(`Chromium not found at ${chromium}: install Debian's chromium (apt-get install -y chromium)`);
  return false;
}

if (!args.has('--browser-only')) {
  // The type check counts as one test: the site's code, the simulator, scripts and tests all type-check.
  if (run('npx', ['tsc', '--noEmit', '-p', '.']) === 0) passed += 1;
  else {
    failed += 1;
    problems.push('typecheck (tsc --noEmit) failed');
  }
  vitest('unit');
}

if (!args.has('--unit-only')) {
  let built = args.has('--skip-build') && existsSync('build/index.html');
  if (!built) {
    const status = run('npx', ['docusaurus', 'build']);
    built = status === 0;
    if (built) passed += 1;
    else {
      failed += 1;
      problems.push('site build failed');
    }
  }
  if (built && ensureChromium()) vitest('browser');
  else if (built) failed += 1;
}

console.log('');
for (const r of retried) console.log(`retried: ${r}`);
for (const p of problems) console.log(`problem: ${p}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
