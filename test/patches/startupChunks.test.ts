/**
 * src/patches/startupChunks/plan.ts on small hand-made generated files, shaped like Docusaurus 3.10's
 * (.docusaurus/routes.js, routesChunkNames.json, client-manifest.json). The expected chunks follow from the inputs by
 * the client's own rules (core/lib/client/preload.js: every route matched on the way down, every chunk name of each).
 */
import {describe, expect, it} from 'vitest';
import {addStartupScripts, parseRoutes, startupChunkFiles, type ClientManifest} from '../../src/patches/startupChunks/plan';
import {sha256, stockSource} from './stockSource';

const routesJs = `import React from 'react';
import ComponentCreator from '@docusaurus/ComponentCreator';

export default [
  {
    path: '/docs',
    component: ComponentCreator('/docs', 'a1'),
    routes: [
      {
        path: '/docs',
        component: ComponentCreator('/docs', 'b2'),
        routes: [
          {path: '/docs/close', component: ComponentCreator('/docs/close', 'c3'), exact: true, sidebar: "book"},
          {path: '/docs/connect', component: ComponentCreator('/docs/connect', 'd4'), exact: true}
        ]
      }
    ]
  },
  {path: '/', component: ComponentCreator('/', 'e5'), exact: true},
  {path: '*', component: ComponentCreator('*')}
];
`;

const routesChunkNames = {
  '/docs-a1': {__comp: 'layout', __props: 'version'},
  '/docs-b2': {__comp: 'sidebarRoot', config: {sidebar: 'sidebarData'}},
  '/docs/close-c3': {__comp: 'docItem', content: 'closeDoc'},
  '/docs/connect-d4': {__comp: 'docItem', content: 'connectDoc'},
  '/-e5': {__comp: 'home'},
};

const manifest: ClientManifest = {
  entrypoints: ['main'],
  origins: {
    main: [354, 869, 792],
    'runtime~main': [792, 869, 354],
    layout: [48],
    version: [98],
    sidebarRoot: [869, 742], // 869 is part of the entry: already on the page
    sidebarData: [849],
    docItem: [584, 869, 401], // shared by both docs
    closeDoc: [202],
    connectDoc: [930],
    home: [583],
  },
  assets: {
    48: {js: [{file: 'assets/js/layout.js'}]},
    98: {js: [{file: 'assets/js/version.js'}]},
    742: {js: [{file: 'assets/js/sidebarRoot.js'}]},
    849: {js: [{file: 'assets/js/sidebarData.js'}]},
    584: {js: [{file: 'assets/js/584.js'}]},
    401: {js: [{file: 'assets/js/docItem.js'}]},
    202: {js: [{file: 'assets/js/close.js'}]},
    930: {js: [{file: 'assets/js/connect.js'}]},
    583: {js: [{file: 'assets/js/home.js'}]},
    869: {js: [{file: 'assets/js/869.js'}]},
  },
};

describe('startup chunks of a route', () => {
  const routes = parseRoutes(routesJs);

  it('reads the route tree with the key ComponentCreator looks chunk names up by', () => {
    expect(routes.map((r) => [r.path, r.chunkKey, r.exact])).toEqual([
      ['/docs', '/docs-a1', undefined],
      ['/', '/-e5', true],
      ['*', '*-undefined', undefined],
    ]);
    expect(routes[0].routes![0].routes!.map((r) => r.chunkKey)).toEqual(['/docs/close-c3', '/docs/connect-d4']);
  });

  it('a doc page: the chunks of every route on the way down, in order, none twice, none of the entry', () => {
    expect(startupChunkFiles('/docs/close', routes, routesChunkNames, manifest)).toEqual([
      'assets/js/layout.js',
      'assets/js/version.js',
      'assets/js/sidebarRoot.js',
      'assets/js/sidebarData.js',
      'assets/js/584.js',
      'assets/js/docItem.js',
      'assets/js/close.js',
    ]);
    expect(startupChunkFiles('/docs/connect', routes, routesChunkNames, manifest).at(-1)).toBe('assets/js/connect.js');
  });

  it('the home page matches only its exact route; a route without chunk names (the 404 page) adds nothing', () => {
    expect(startupChunkFiles('/', routes, routesChunkNames, manifest)).toEqual(['assets/js/home.js']);
    expect(startupChunkFiles('/404.html', routes, routesChunkNames, manifest)).toEqual([]);
  });
});

describe('adding them to a page of src/patches/ssrTemplate', () => {
  const page =
    '<head><link rel="preload" as="script" fetchpriority="low" href="/en/assets/js/runtime~main.1.js"><link rel="preload" as="script" fetchpriority="low" href="/en/assets/js/main.2.js"></head>' +
    '<body><div id="__docusaurus"></div><script>!function(n){}(["/en/assets/js/runtime~main.1.js","/en/assets/js/main.2.js"])</script></body>';

  it('preloads each next to the entry and starts each before the runtime, under the locale\'s base URL', () => {
    const html = addStartupScripts(page, ['assets/js/a.js', 'assets/js/b.js'], '/en/');
    expect(html).toContain(
      '<head><link rel="preload" as="script" fetchpriority="low" href="/en/assets/js/a.js"><link rel="preload" as="script" fetchpriority="low" href="/en/assets/js/b.js"><link rel="preload" as="script" fetchpriority="low" href="/en/assets/js/runtime~main.1.js">',
    );
    expect(html).toContain('(["/en/assets/js/a.js","/en/assets/js/b.js","/en/assets/js/runtime~main.1.js","/en/assets/js/main.2.js"])');
  });

  it('leaves a page alone when there is nothing to add, and refuses a page without the template\'s markers', () => {
    expect(addStartupScripts(page, [], '/en/')).toBe(page);
    expect(() => addStartupScripts('<html><script src="/assets/js/main.js" defer></script></html>', ['assets/js/a.js'], '/')).toThrow(/ssrTemplate/);
  });
});

/**
 * Guard: the Docusaurus internals plan.ts re-does at build time, read from the installed packages. If one changes,
 * this fails, and plan.ts is checked against the new client before it lists wrong chunks (or none) silently.
 */
describe('the installed Docusaurus still finds a route\'s chunks the way plan.ts does', () => {
  it('routes.js is generated as literals with ComponentCreator(path, hash) calls', () => {
    expect(stockSource('@docusaurus/core', 'lib/server/codegen/codegenRoutes.js')).toContain("`component: ComponentCreator('${routePath}', '${routeHash}')`");
  });

  it('the client looks a route\'s chunk names up by `${path}-${hash}` and flattens them', () => {
    const creator = stockSource('@docusaurus/core', 'lib/client/exports/ComponentCreator.js');
    expect(creator).toContain('const chunkNames = routesChunkNames[`${path}-${hash}`];');
    expect(creator).toContain('const flatChunkNames = flat(chunkNames);');
  });

  it('the client preloads every route matched on the way down, with react-router-config', () => {
    expect(sha256(stockSource('@docusaurus/core', 'lib/client/preload.js'))).toBe('8c1e3de18d307e2fb4aee43f765f1d06b05357889b9923467bef44a358683542');
  });

  it('client-manifest.json is react-loadable-ssr-addon\'s, with entrypoints, origins and assets', () => {
    expect(stockSource('@docusaurus/core', 'lib/webpack/client.js')).toContain("path_1.default.join(generatedFilesDir, 'client-manifest.json')");
    const addon = stockSource('react-loadable-ssr-addon-v5-slorber', 'lib/ReactLoadableSSRAddon.js');
    expect(addon).toMatch(/this\.manifest = \{\s*entrypoints: [^,]+,\s*origins: [^,]+,\s*assets: /);
  });
});
