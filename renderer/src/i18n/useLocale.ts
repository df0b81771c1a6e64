import { useTranslation } from 'react-i18next';

/** The BCP 47 locale for Intl formatters (preload/format.ts): the UI language. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language ?? 'en';
}
