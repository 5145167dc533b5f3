/**
 * A copy of a patched build with some start-up patches undone, for bench-startup's leave-one-out comparisons without
 * a rebuild each (builds take minutes here). Only patches whose whole effect is a fixed edit of the built files:
 *  - compileHints: the `//# allFunctionsCalledOnLoad` first line of main.js and runtime~main.js;
 *  - startupChunks: the route chunks' preloads and their places in the start list, out of every page;
 *  - ssrTemplate (takes startupChunks with it): the entry's preloads back to `<script defer>`, the start script out.
 * Each edit must be found in the build, or this stops: an edit that matches nothing would measure nothing.
 * Patches compiled into the bundle (lazyPrism, codeBlockLines, the client swaps) need a build:
 * SOCKETLAB_PATCHES_OFF=… npx docusaurus build --out-dir … (src/patches/index.ts).
 * Usage: npx tsx scripts/bench/unpatch-build.mts <patched build> <new dir> <patch>…
 */
import {cpSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';

const [from, to, ...patches] = process.argv.slice(2);
const KNOWN = ['compileHints', 'startupChunks', 'ssrTemplate'];
if (!from || !to || patches.length === 0 || patches.some((p) => !KNOWN.includes(p))) {
  throw new Error(`usage: unpatch-build.mts <patched build> <new dir> <${KNOWN.join('|')}>…`);
}
rmSync(to, {recursive: true, force: true});
cpSync(from, to, {recursive: true});

const js = readdirSync(path.join(to, 'assets/js')).map((f) => path.join(to, 'assets/js', f));
const pages = (readdirSync(to, {recursive: true, encoding: 'utf8'}) as string[]).filter((f) => f.endsWith('.html')).map((f) => path.join(to, f));
const ENTRY = /\/assets\/js\/(runtime~main|main)\.[0-9a-f]+\.js$/;

/** Rewrites each file; stops unless `edit` changed at least one. */
function editAll(files: string[], what: string, edit: (text: string) => string): void {
  let changed = 0;
  for (const file of files) {
    const before = readFileSync(file, 'utf8');
    const after = edit(before);
    if (after !== before) {
      writeFileSync(file, after);
      changed++;
    }
  }
  if (changed === 0) throw new Error(`unpatch ${what}: nothing to undo in ${to}`);
  console.log(`unpatched ${what}: ${changed} files`);
}

const PRELOAD = /<link rel="preload" as="script" fetchpriority="low" href="([^"]+)"\s*\/?>/g;
/** the start-after-paint script (src/patches/ssrTemplate), minified, with its list of scripts */
const START = /<script>!function\(e\)\{var t=!1;function n\(\)\{[\s\S]*?\}\((\[[^\]]*\])\)<\/script>/;

if (patches.includes('compileHints')) {
  editAll(js.filter((f) => ENTRY.test(f)), 'compileHints', (t) => t.replace(/^\/\/# allFunctionsCalledOnLoad\n/, ''));
}
if (patches.includes('startupChunks') || patches.includes('ssrTemplate')) {
  editAll(pages, 'startupChunks', (html) => {
    const start = START.exec(html);
    if (!start) return html;
    const list = (JSON.parse(start[1]) as string[]).filter((src) => ENTRY.test(src));
    return html
      .replace(PRELOAD, (tag, href: string) => (ENTRY.test(href) ? tag : ''))
      .replace(start[0], start[0].replace(start[1], JSON.stringify(list)));
  });
}
if (patches.includes('ssrTemplate')) {
  editAll(pages, 'ssrTemplate', (html) =>
    html.replace(PRELOAD, (_tag, href: string) => `<script src="${href}" defer="defer"></script>`).replace(START, ''),
  );
}
