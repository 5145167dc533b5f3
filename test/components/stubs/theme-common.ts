/** Stand-in for @docusaurus/theme-common in jsdom tests: the site's Prism themes. */
import {themes} from 'prism-react-renderer';

export function usePrismTheme() {
  return themes.github;
}

export function useThemeConfig() {
  return {prism: {theme: themes.github, darkTheme: themes.dracula}};
}

export function useColorMode() {
  return {colorMode: 'light' as const, setColorMode: () => {}};
}
