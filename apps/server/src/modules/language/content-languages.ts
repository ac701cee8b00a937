import { badRequest } from '../../lib/errors.js';

// The languages a note, comment or bio can be tagged with (ISO 639-1): what the
// detector can tell apart, plus Indonesian, which it reports as Malay (see
// detect-language.ts) but an author may well correct to. A stored language is
// always one of these, so translation, the feed filter and the web's language
// names can rely on the list.

/** Latin-script languages the n-gram model chooses among: the ~30 most written here. */
export const LATIN_LANGUAGES: readonly string[] = [
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'tr',
  'vi',
  'ms',
  'tl',
  'ro',
  'hu',
  'cs',
  'sk',
  'hr',
  'sv',
  'da',
  'no',
  'fi',
  'ca',
  'lt',
  'lv',
  'et',
  'sl',
  'sq',
  'az',
  'is',
];

/** Other scripts several languages share, told apart by the model among these. */
export const SHARED_SCRIPT_LANGUAGES: Readonly<Record<'Cyrillic' | 'Arabic' | 'Devanagari', readonly string[]>> = {
  Cyrillic: ['ru', 'uk', 'bg', 'sr', 'be'],
  Arabic: ['ar', 'fa', 'ur', 'ku'],
  Devanagari: ['hi', 'mr'],
};

/** Scripts written, on this platform in practice, by one language each: the script is the answer. */
export const SINGLE_SCRIPT_LANGUAGES: Readonly<Record<string, string>> = {
  Han: 'zh',
  Japanese: 'ja',
  Hangul: 'ko',
  Thai: 'th',
  Greek: 'el',
  Hebrew: 'he',
  Bengali: 'bn',
  Tamil: 'ta',
  Telugu: 'te',
  Gujarati: 'gu',
  Kannada: 'kn',
  Malayalam: 'ml',
  Gurmukhi: 'pa',
  Oriya: 'or',
  Georgian: 'ka',
  Armenian: 'hy',
  Khmer: 'km',
  Lao: 'lo',
  Myanmar: 'my',
  Sinhala: 'si',
  Ethiopic: 'am',
};

export const CONTENT_LANGUAGES: readonly string[] = [
  ...new Set([...Object.values(SINGLE_SCRIPT_LANGUAGES), ...LATIN_LANGUAGES, ...Object.values(SHARED_SCRIPT_LANGUAGES).flat(), 'id']),
].sort();

const CONTENT_LANGUAGE_SET: ReadonlySet<string> = new Set(CONTENT_LANGUAGES);

export function isContentLanguage(code: unknown): code is string {
  return typeof code === 'string' && CONTENT_LANGUAGE_SET.has(code);
}

export const contentLanguageInvalid = (code: string) =>
  badRequest('content_language_invalid', `"${code}" is not a language code we support (ISO 639-1, e.g. en, zh, ja).`, {
    supported: CONTENT_LANGUAGES,
  });
