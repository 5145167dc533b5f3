/** Stand-in for @docusaurus/useDocusaurusContext in jsdom tests: Korean, the default locale (tests may vi.mock it). */
export default function useDocusaurusContext() {
  return {siteConfig: {}, i18n: {currentLocale: 'ko', defaultLocale: 'ko', locales: ['ko', 'en']}};
}
