// Main's side of the one string catalog (locales/*.json, shared with the renderer): notices, tray
// menu and tooltip in the user's language, and the English messages of action outcomes, which the
// local API promises word for word.
import i18next, { type TFunction } from 'i18next';
import en from '../../locales/en.json' with { type: 'json' };
import ptBR from '../../locales/pt-BR.json' with { type: 'json' };
import { LANGUAGES, type Language, type Settings } from '../../preload/models.js';

export const resources = { en: { translation: en }, 'pt-BR': { translation: ptBR } } as const;

export interface Translator {
  readonly language: Language;
  t: TFunction;
}

const cache = new Map<Language, Translator>();

export function translator(language: Language): Translator {
  let found = cache.get(language);
  if (!found) {
    const instance = i18next.createInstance();
    void instance.init({
      resources,
      lng: language,
      fallbackLng: 'en',
      initAsync: false,
      // Notices and menus are plain text, never HTML.
      interpolation: { escapeValue: false },
      returnNull: false,
    });
    found = { language, t: instance.t.bind(instance) };
    cache.set(language, found);
  }
  return found;
}

/** English, for messages whose wording is part of an API. */
export const english = (): Translator => translator('en');

/** The language to speak: the setting, or the OS locale when it says "system". */
export function resolveLanguage(setting: Settings['language'], osLocales: readonly string[]): Language {
  if (setting !== 'system') return setting;
  for (const locale of osLocales) {
    const lower = locale.toLowerCase();
    if (lower.startsWith('pt')) return 'pt-BR';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}
