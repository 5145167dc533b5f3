/**
 * Lists in each page's HTML the script chunks its route needs to hydrate (see plan.ts for how they are found).
 *
 * Why: Docusaurus's pages name only the entry (runtime~main, main). The route's chunks (the doc, the layout, the
 * sidebar …, ~8 on a chapter) were asked for by main.js as it ran: one round trip later, and inside main.js's task,
 * the longest of a page load, where inserting their script elements cost ~7 ms (measured, Chromium, chapter page).
 * Listed in the HTML, they are fetched alongside main.js and run before it, each in a task of its own.
 * After the build, when webpack's client manifest and the generated route files are final, for each locale.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {addStartupScripts, parseRoutes, startupChunkFiles, type ClientManifest} from './plan';

/** The page a route path was written to (trailingSlash: false writes `docs/x.html`, the home page `index.html`). */
function htmlFileOf(outDir: string, baseUrl: string, routePath: string): string | null {
  const rel = routePath.slice(baseUrl.length).replace(/\/$/, '');
  for (const candidate of [rel.endsWith('.html') ? rel : `${rel}.html`, path.join(rel, 'index.html')]) {
    const file = path.join(outDir, candidate);
    if (existsSync(file)) return file;
  }
  return null;
}

export default function startupChunks(context: LoadContext): Plugin {
  return {
    name: 'socket-lab-startup-chunks',
    async postBuild({routesPaths, outDir, baseUrl}) {
      const generated = (name: string) => readFileSync(path.join(context.generatedFilesDir, name), 'utf8');
      const routes = parseRoutes(generated('routes.js'));
      const routesChunkNames = JSON.parse(generated('routesChunkNames.json')) as Record<string, unknown>;
      const manifest = JSON.parse(generated('client-manifest.json')) as ClientManifest;
      for (const routePath of routesPaths) {
        const file = htmlFileOf(outDir, baseUrl, routePath);
        if (!file) continue;
        const files = startupChunkFiles(routePath, routes, routesChunkNames, manifest);
        writeFileSync(file, addStartupScripts(readFileSync(file, 'utf8'), files, baseUrl));
      }
    },
  };
}
