/** Stand-in for @docusaurus/theme-common in jsdom tests: the site's light Prism theme. */
import {themes} from 'prism-react-renderer';

export function usePrismTheme() {
  return themes.github;
}

export function useColorMode() {
  return {colorMode: 'light' as const, setColorMode: () => {}};
}
