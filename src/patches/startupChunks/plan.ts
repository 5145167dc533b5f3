/**
 * Which script chunks a page's route needs before it can hydrate, worked out at build time the way the client does
 * it at run time (@docusaurus/core's client/preload.js and ComponentCreator): match the URL against the route tree,
 * take every chunk name of every matched route, and each chunk name's chunks from webpack's client manifest.
 * Pure functions on the generated files' contents, so they are tested on small hand-made inputs.
 */
import {matchRoutes, type RouteConfig} from 'react-router-config';

/** A route of @generated/routes, with the key ComponentCreator(path, hash) looks its chunk names up by. */
export interface RouteNode extends RouteConfig {
  path?: string;
  exact?: boolean;
  chunkKey: string;
  routes?: RouteNode[];
}

/** The parts of react-loadable-ssr-addon's client-manifest.json used here. */
export interface ClientManifest {
  entrypoints: string[];
  /** chunk name (a webpackChunkName, or an entry) → ids of the chunks loaded with it */
  origins: Record<string, (string | number)[]>;
  /** chunk id → its files */
  assets: Record<string, {js?: {file: string}[]}>;
}

/** @generated/routes is a module of literals and ComponentCreator(path, hash) calls: evaluate just that. */
export function parseRoutes(routesJs: string): RouteNode[] {
  const body = routesJs
    .replace(/^\s*import\s.*$/gm, '')
    .replace(/\bexport\s+default\b/, 'return');
  // eslint-disable-next-line no-new-func -- the build's own generated file, not outside input
  const evaluate = new Function('ComponentCreator', body) as (
    creator: (path: string, hash: string) => string,
  ) => (Omit<RouteNode, 'chunkKey'> & {component: string})[];
  const keyed = (routes: (Omit<RouteNode, 'chunkKey'> & {component: string})[]): RouteNode[] =>
    routes.map(({component, routes: children, ...rest}) => ({
      ...rest,
      chunkKey: component,
      ...(children ? {routes: keyed(children as never)} : {}),
    }));
  return keyed(evaluate((path, hash) => `${path}-${hash}`));
}

/** Leaf values of a (nested) chunk-names record, as the client's `flat` walks it. */
function chunkNamesOf(tree: unknown): string[] {
  if (typeof tree === 'string') return [tree];
  if (tree && typeof tree === 'object') return Object.values(tree).flatMap(chunkNamesOf);
  return [];
}

/**
 * Files (relative to the site root, e.g. `assets/js/17896441.1a2b.js`) of the chunks that `pathname`'s routes load
 * at start-up, minus those of the entry (already on the page), in the order the client asks for them.
 */
export function startupChunkFiles(
  pathname: string,
  routes: RouteNode[],
  routesChunkNames: Record<string, unknown>,
  manifest: ClientManifest,
): string[] {
  const entryChunks = new Set(
    manifest.entrypoints.flatMap((name) => [...(manifest.origins[name] ?? []), ...(manifest.origins[`runtime~${name}`] ?? [])]).map(String),
  );
  const files: string[] = [];
  for (const {route} of matchRoutes(routes, pathname) as {route: RouteNode}[]) {
    for (const chunkName of chunkNamesOf(routesChunkNames[route.chunkKey])) {
      for (const id of manifest.origins[chunkName] ?? []) {
        if (entryChunks.has(String(id))) continue;
        for (const {file} of manifest.assets[String(id)]?.js ?? []) if (!files.includes(file)) files.push(file);
      }
    }
  }
  return files;
}

/**
 * Adds `files` to a page built with src/patches/ssrTemplate: a low-priority preload each, next to the entry's, and
 * at the head of the list of scripts started after the first paint (a chunk only registers its modules, so it may
 * run before the webpack runtime; the runtime picks them up). Throws if the page lacks the template's markers.
 */
export function addStartupScripts(html: string, files: string[], baseUrl: string): string {
  if (files.length === 0) return html;
  const urls = files.map((f) => baseUrl + f);
  const firstPreload = html.indexOf('<link rel="preload" as="script"');
  const list = html.indexOf(`(["${baseUrl}assets/js/runtime~main.`);
  if (firstPreload < 0 || list < firstPreload) throw new Error('startupChunks: the page does not have the markers of src/patches/ssrTemplate');
  const preloads = urls.map((u) => `<link rel="preload" as="script" fetchpriority="low" href="${u}">`).join('');
  const listStart = list + 2; // just inside `([`
  return (
    html.slice(0, firstPreload) +
    preloads +
    html.slice(firstPreload, listStart) +
    urls.map((u) => JSON.stringify(u) + ',').join('') +
    html.slice(listStart)
  );
}
