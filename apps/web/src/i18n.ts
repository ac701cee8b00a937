import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, toSupportedLanguage } from './lib/languages';
import { resources } from './locales/resources';

function syncDocumentLanguage(language: string): void {
  document.documentElement.lang = language;
}

i18n.on('languageChanged', syncDocumentLanguage);

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    // Catalogues are bundled, so init is synchronous and the first render is translated.
    initAsync: false,
    interpolation: { escapeValue: false },
    // Keeps the browser console and test output free of the library's promotional notice.
    showSupportNotice: false,
    detection: {
      // An explicit choice (stored by the app) wins; otherwise follow the browser.
      order: ['localStorage', 'navigator'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      // Only explicit choices are stored (see storeLanguage), never a detected language.
      caches: [],
      convertDetectedLanguage: (lng: string) => toSupportedLanguage(lng),
    },
  });

// "安妮等13人": Chinese counts everyone while English counts the others, from one `count`.
i18n.services.formatter?.add('plusOne', (value: unknown) => String(Number(value) + 1));

syncDocumentLanguage(i18n.resolvedLanguage ?? i18n.language);

export { i18n };
