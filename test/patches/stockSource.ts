/**
 * The guards' view of the installed Docusaurus: a file of one of its packages, and its sha256. A patch that is a
 * rewritten copy of a stock module pins the hash of the module it was written from, so any change to that module
 * (an upgrade) fails the guard and someone reads the new one before the copy drifts.
 */
import {createHash} from 'node:crypto';
import {readFileSync} from 'node:fs';
import path from 'node:path';

/** where the site's build resolves packages from */
const NODE_MODULES = path.resolve(__dirname, '../../node_modules');

/** Absolute path of `rel` inside the installed package `pkg` (e.g. '@docusaurus/core', 'lib/client/preload.js'). */
export function stockFile(pkg: string, rel: string): string {
  return path.join(NODE_MODULES, pkg, rel);
}

export const stockSource = (pkg: string, rel: string): string => readFileSync(stockFile(pkg, rel), 'utf8');

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
