/**
 * Share-link length (npm run bench): every runnable block of the chapters (both locales) encoded as the link its
 * "Open in playground" makes (src/playground/shareLink.ts), and the playground's starters. Printed next to a goal,
 * never asserted: links under 2,000 characters paste whole into chats, mail and issue trackers.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {encodeShareFragment} from '../src/playground/shareLink';
import {DEFAULT_SETTINGS} from '../src/playground/settings';
import {STARTER_IDS, starterCode} from '../src/playground/starters';

const ROOT = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const ORIGIN = 'https://socketlab.example';

function runBlocks(dir: string): {file: string; title: string; code: string}[] {
  const out: {file: string; title: string; code: string}[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx') || f.endsWith('.md'))) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    for (const m of text.matchAll(/^```ts run([^\n]*)\n([\s\S]*?)^```$/gm)) {
      out.push({file, title: /title="([^"]*)"/.exec(m[1])?.[1] ?? '', code: m[2].replace(/\n$/, '')});
    }
  }
  return out;
}

async function lengths(blocks: {code: string}[], prefix: string): Promise<number[]> {
  return Promise.all(
    blocks.map(async (b) => `${ORIGIN}${prefix}playground#${await encodeShareFragment({code: b.code, settings: DEFAULT_SETTINGS})}`.length),
  );
}

function line(label: string, value: string, goal: string): void {
  console.log(`${label.padEnd(44)} ${value.padStart(16)}   goal ${goal}`);
}

const ko = runBlocks(path.join(ROOT, 'docs'));
const en = runBlocks(path.join(ROOT, 'i18n/en/docusaurus-plugin-content-docs/current'));
const all = [...(await lengths(ko, '/')), ...(await lengths(en, '/en/'))];
const codeBytes = [...ko, ...en].map((b) => Buffer.byteLength(b.code, 'utf8'));
const prefixOf = (i: number) => `${ORIGIN}${i < ko.length ? '/' : '/en/'}playground#`.length;
const sorted = [...all].sort((a, b) => a - b);
console.log('\nShare links (src/playground/shareLink.ts, deflate-raw + base64url)');
line(`chapter blocks (${all.length}, both locales): longest`, `${sorted[sorted.length - 1]} chars`, '≤ 2,000');
line('  median', `${sorted[Math.floor(sorted.length / 2)]} chars`, '(none)');
line(
  '  fragment chars / code UTF-8 bytes (median)',
  ((all.map((l, i) => (l - prefixOf(i)) / codeBytes[i]).sort((a, b) => a - b)[Math.floor(all.length / 2)]) ?? 0).toFixed(2),
  '(< 1: compressed)',
);
const starters = await lengths(
  STARTER_IDS.map((id) => ({code: starterCode(id, 'ko')})),
  '/',
);
line('starter programs (ko): longest', `${Math.max(...starters)} chars`, '≤ 2,000');
