/**
 * Run packetdrill scripts on the simulator (scripts/packetdrill): `npm run peer -- FILE.pkt…`
 * Prints one line per script (ok / the first failure, as packetdrill words it); `--verbose` also
 * prints every packet and call. Exit status 1 if any script failed.
 */
import {readFileSync} from 'node:fs';
import {relative} from 'node:path';
import {runScript} from './packetdrill/run';

function main(argv: string[]): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const files = argv.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    console.error('usage: npm run peer -- [--verbose] FILE.pkt…');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const name = relative(process.cwd(), file);
    const report = runScript(readFileSync(file, 'utf8'), name);
    if (verbose) for (const l of report.log) console.log(`  ${l}`);
    if (report.ok) console.log(`ok   ${name}`);
    else {
      failed++;
      console.log(`FAIL ${report.error}`);
    }
  }
  console.log(`${files.length - failed} passed, ${failed} failed`);
  return failed > 0 ? 1 : 0;
}

process.exit(main(process.argv.slice(2)));
