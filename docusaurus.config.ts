import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {accessibleTheme} from './src/theme/prismContrast';
import mermaidStatic from './src/remark/mermaidStatic';
import exampleFiles from './src/remark/exampleFiles';
import serverHighlight from './src/plugins/serverHighlight';
import hangulFont from './src/plugins/hangulFont';
import offline from './src/plugins/offline';
import earlyInput from './src/plugins/earlyInput';
import {PATCHES, startupPatches} from './src/patches';

// Start-up patches of Docusaurus internals, each measured and guarded (src/patches/README.md);
// SOCKETLAB_STOCK=1 builds with none of them
const patches = startupPatches();
if (patches.on.length < PATCHES.length) {
  console.info(`[socket-lab] start-up patches on: ${patches.on.join(', ') || 'none (stock)'}`);
  // webpack's persistent cache does not see plugins come and go (its key is the config file, not what it imports):
  // a variant builds without it, so it neither reads the patched build's modules nor leaves its own for the next build
  process.env.DOCUSAURUS_NO_PERSISTENT_CACHE = '1';
}

// Socket Lab ships everything it needs: no external fonts, scripts, images or analytics,
// so a reader on a train with no signal still gets the whole site once it is cached.
const config: Config = {
  title: 'Socket Lab',
  tagline: '소켓 API로 프로토콜 스택에 데이터 송수신을 맡기는 법을 직접 실행하며 배웁니다',
  favicon: 'img/favicon.svg',
  url: 'https://socket-lab.example.org',
  baseUrl: '/',
  trailingSlash: false,

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',

  markdown: {
    hooks: {onBrokenMarkdownLinks: 'throw'},
  },

  i18n: {
    defaultLocale: 'ko',
    locales: ['ko', 'en'],
    localeConfigs: {
      ko: {label: '한국어', htmlLang: 'ko'},
      en: {label: 'English', htmlLang: 'en'},
    },
  },

  // the server's HTML is painted before the app's scripts run (src/patches/ssrTemplate); undefined: the stock template
  ...(patches.ssrTemplate ? {ssrTemplate: patches.ssrTemplate} : {}),

  // offline last: its postBuild lists every file the build wrote
  plugins: [serverHighlight, ...patches.plugins, hangulFont, earlyInput, offline],

  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'docs',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
          // ```mermaid blocks become SVGs rendered ahead of time (scripts/render-diagrams.mts): no Mermaid in the browser
          // ```python file=examples/…/main.py blocks show the very files test/examples compiles and runs
          remarkPlugins: [mermaidStatic, exampleFiles],
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'Socket Lab',
      // alt is empty: the logo sits next to the title text, so it is decorative there
      logo: {alt: '', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'book', position: 'left', label: '장 목록'},
        {to: '/docs/review', label: '복습', position: 'left'},
        {to: '/docs/glossary', label: '용어집', position: 'left'},
        {to: '/playground', label: '놀이터', position: 'left'},
        {type: 'localeDropdown', position: 'right'},
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: '배우기',
          items: [
            {label: '시작하기', to: '/docs/intro'},
            {label: '1장 송수신 개요', to: '/docs/overview'},
            {label: '용어집', to: '/docs/glossary'},
          ],
        },
      ],
      copyright: 'Socket Lab — 시뮬레이션된 프로토콜 스택으로 배우는 소켓 프로그래밍',
    },
    prism: {
      // the stock themes with too-faint token colours nudged to WCAG AA (see src/theme/prismContrast.ts)
      theme: accessibleTheme(prismThemes.github),
      darkTheme: accessibleTheme(prismThemes.dracula),
      // registered by src/prism/highlight.ts (theme-classic's own loader is swapped out by src/patches/lazyPrism)
      additionalLanguages: ['http', 'bash', 'c'],
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
