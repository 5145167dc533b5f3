/** Picking the reader's language out of quiz data. */
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import type {Locale, Localized} from './types';

export function pick(text: Localized, locale: Locale): string {
  return text[locale] ?? text.ko;
}

/** The page's locale as quiz data knows it (anything but English reads Korean, the default locale). */
export function useQuizLocale(): Locale {
  const {i18n} = useDocusaurusContext();
  return i18n.currentLocale === 'en' ? 'en' : 'ko';
}
