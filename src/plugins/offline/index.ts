/**
 * After each locale's build: that locale's search index (search-index.json beside its pages, src/search), then the
 * service worker at the root (build/sw.js, src/offline/sw.js) with the list of every file the build holds, both
 * locales. Each locale's postBuild rewrites sw.js from what is on disk, so after the last locale it lists everything;
 * the list carries a hash of every file's content, so any change to the site is a new worker and a new cache.
 * The client module (src/offline/register.ts) loads src/offline/registerWorker.ts once the page has hydrated and
 * settled, which registers the worker.
 *
 * Runs last among the plugins (docusaurus.config.ts), so its precache list sees every file the build wrote.
 */
import {createHash} from 'node:crypto';
import {readdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {pageDoc} from '../../search/pageText';
import {SEARCH_INDEX_FILE, SEARCH_OPTIONS, type SearchDoc, type SearchIndexFile} from '../../search/tokenize';

export const SW_FILE = 'sw.js';
/** what a reader never needs offline */
const NOT_PRECACHED = /(^|\/)(sitemap\.xml|\.nojekyll|\.DS_Store)$/;

function filesUnder(dir: string, skip: (rel: string) => boolean = () => false, root = dir): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    const rel = path.relative(root, full).split(path.sep).join('/');
    if (skip(rel)) continue;
    if (entry.isDirectory()) out.push(...filesUnder(full, skip, root));
    else out.push(rel);
  }
  return out.sort();
}

/** a built file's address as the site links it: docs/socket.html → /docs/socket, en/index.html → /en/ */
export function addressOf(rel: string): string {
  if (rel === 'index.html') return '/';
  if (rel.endsWith('/index.html')) return `/${rel.slice(0, -'index.html'.length)}`;
  return `/${rel.replace(/\.html$/, '')}`;
}

/** The locale's search index from its built pages (other locales' folders, built into this one, are skipped). */
export function searchIndex(outDir: string, baseUrl: string, otherLocales: string[]): SearchIndexFile {
  const docs: SearchDoc[] = [];
  const pages = filesUnder(outDir, (rel) => otherLocales.includes(rel)).filter((f) => f.endsWith('.html'));
  for (const rel of pages) {
    const doc = pageDoc(readFileSync(path.join(outDir, rel), 'utf8'), baseUrl.replace(/\/$/, '') + addressOf(rel));
    if (doc && !rel.endsWith('404.html')) docs.push(doc);
  }
  const index = new MiniSearch<SearchDoc>(SEARCH_OPTIONS);
  index.addAll(docs);
  return {version: 1, index: index.toJSON(), docs};
}

/** sw.js: the worker's code after its precache list (every file under root, keyed by the address pages use). */
export function serviceWorker(root: string, workerSource: string): string {
  const files = filesUnder(root, (rel) => rel === SW_FILE || NOT_PRECACHED.test(rel));
  const hash = createHash('sha256');
  for (const rel of files) hash.update(rel).update(readFileSync(path.join(root, rel)));
  const list = files.map((rel) => [rel.endsWith('.html') ? addressOf(rel) : `/${rel}`, `/${rel}`]);
  const version = hash.digest('hex').slice(0, 16);
  return `self.PRECACHE = ${JSON.stringify({version, files: list})};\n${workerSource}`;
}

export default function offline(context: LoadContext): Plugin {
  const {i18n} = context;
  return {
    name: 'socket-lab-offline',
    getClientModules() {
      return [path.resolve(__dirname, '../../offline/register.ts')];
    },
    async postBuild({outDir, baseUrl}) {
      const others = i18n.locales.filter((l) => l !== i18n.currentLocale);
      writeFileSync(path.join(outDir, SEARCH_INDEX_FILE), JSON.stringify(searchIndex(outDir, baseUrl, others)));
      // the default locale is the root; another locale is built into <root>/<locale>
      const root = i18n.currentLocale === i18n.defaultLocale ? outDir : path.dirname(outDir);
      const source = readFileSync(path.resolve(__dirname, '../../offline/sw.js'), 'utf8');
      writeFileSync(path.join(root, SW_FILE), serviceWorker(root, source));
    },
  };
}
