/**
 * A blank Docusaurus site: preset-classic as `create-docusaurus` sets it up (docs, navbar, footer, a code block), no
 * plugins, no patches, no swizzles. The benches build it with the project's own node_modules (same Docusaurus) and
 * compare a chapter page with its docs page in the same run (scripts/bench-browser.mts --blank, bench-startup.mts):
 * the goal "no more JavaScript than, and a Lighthouse score at or above, a blank Docusaurus docs page" is relative to
 * this page measured on the same machine at the same time, never to a number from another day.
 * Build: npx docusaurus build scripts/bench/blank-site --out-dir "$PWD/build-blank"
 */
export default {
  title: 'Blank site',
  tagline: 'Docusaurus as it comes',
  url: 'https://blank.example.org',
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en']},
  presets: [
    [
      'classic',
      {
        docs: {routeBasePath: 'docs', sidebarPath: undefined},
        blog: false,
        theme: {},
      },
    ],
  ],
  themeConfig: {
    navbar: {
      title: 'Blank site',
      items: [{type: 'docSidebar', sidebarId: 'defaultSidebar', position: 'left', label: 'Docs'}],
    },
    footer: {style: 'dark', copyright: 'A blank Docusaurus site, for benchmarks only.'},
  },
};
