// The renderer's side of the one string catalog (locales/*.json, shared with main). react-i18next
// over the same JSON files; the language follows the OS unless Settings overrides it.
import i18next, { type i18n as I18n, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language, Settings } from '../../../preload/models';

// The catalog lives outside renderer/ (main reads it too); Vite bundles it. A glob rather than a
// plain import keeps these JSON files out of the renderer's TypeScript project, which owns only
// renderer/ (tsconfig.renderer.json).
const catalogs = import.meta.glob<ResourceLanguage>('../../../locales/*.json', { eager: true, import: 'default' });
const catalog = (language: Language): ResourceLanguage => catalogs[`../../../locales/${language}.json`] ?? {};

export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: catalog('en') }, 'pt-BR': { translation: catalog('pt-BR') } },
  lng: systemLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'pt-BR'],
  // Resources are bundled, so init can finish before the first render.
  initAsync: false,
  // React escapes what it renders; escaping here would double-escape.
  interpolation: { escapeValue: false },
  returnNull: false,
});
syncDocument();
i18n.on('languageChanged', syncDocument);

/** The OS language as the browser reports it, narrowed to the ones we speak. */
export function systemLanguage(locales: readonly string[] = typeof navigator === 'undefined' ? [] : navigator.languages): Language {
  for (const locale of locales) {
    const lower = locale.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function resolveLanguage(setting: Settings['language'] | undefined): Language {
  return setting === undefined || setting === 'system' ? systemLanguage() : setting;
}

/** Switches the UI when the setting (or the OS language, for "system") says so. */
export function applyLanguageSetting(setting: Settings['language'] | undefined): void {
  const language = resolveLanguage(setting);
  if (i18n.language !== language) void i18n.changeLanguage(language);
}

/** Screen readers pick their voice from <html lang>; the window title is localized too. */
function syncDocument(): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = i18n.language;
}
