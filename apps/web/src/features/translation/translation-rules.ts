/**
 * When a text gets a Translate button, into which language, and how languages are named.
 * Content languages are ISO 639-1 codes ('en', 'zh', …) as the server detects them; UI
 * locales are the catalogue names ('en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es').
 */

/** Languages offered in "Languages I read" and in the note-language picker. */
export const CONTENT_LANGUAGES = ['en', 'zh', 'ja', 'ko', 'es', 'fr', 'de', 'pt', 'it', 'ru', 'ar', 'hi', 'id', 'vi', 'th', 'tr'] as const;

/** 'zh-Hant' → 'zh', 'EN_us' → 'en': languages compare by their primary subtag. */
export function baseLanguage(code: string): string {
  return code.trim().toLowerCase().replace(/_/g, '-').split('-')[0] ?? '';
}

/** What the viewer's interface language means for content: zh-CN and zh-TW both read 'zh'. */
export function contentLanguageOfLocale(locale: string): string {
  return baseLanguage(locale) || 'en';
}

/**
 * The target sent to the server. Chinese keeps its script (zh-CN Simplified, zh-TW
 * Traditional), which the server maps to its providers' codes; others are the language.
 */
export function translationTarget(locale: string): string {
  const base = contentLanguageOfLocale(locale);
  if (base !== 'zh') return base;
  return /-(tw|hk|mo|hant)\b/i.test(locale) ? 'zh-TW' : 'zh-CN';
}

/**
 * The languages the viewer reads: the account's list when signed in, and always the
 * interface's own language (translating into the language one reads the app in is moot).
 */
export function viewerReadLanguages(readLanguages: readonly string[] | undefined | null, locale: string): string[] {
  const languages = new Set((readLanguages ?? []).map(baseLanguage).filter(Boolean));
  languages.add(contentLanguageOfLocale(locale));
  return [...languages];
}

export interface OfferInput {
  /** The server has a translation provider (GET /api/meta). */
  enabled: boolean;
  /** The content's detected or author-set language; null or absent when unknown. */
  language: string | null | undefined;
  readLanguages: readonly string[];
  locale: string;
}

/** A Translate button only where it can help: known language, one the viewer does not read. */
export function shouldOfferTranslation({ enabled, language, readLanguages, locale }: OfferInput): boolean {
  if (!enabled || !language) return false;
  const base = baseLanguage(language);
  if (!base || base === 'und') return false;
  return !viewerReadLanguages(readLanguages, locale).includes(base);
}

/** A card's language label shows only on notes in a language the viewer does not read. */
export function shouldLabelLanguage(language: string | null | undefined, readLanguages: readonly string[], locale: string): boolean {
  if (!language) return false;
  const base = baseLanguage(language);
  return Boolean(base) && base !== 'und' && !viewerReadLanguages(readLanguages, locale).includes(base);
}

function displayNames(locale: string, style: 'long' | 'short'): Intl.DisplayNames | null {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'language', style, fallback: 'none' });
  } catch {
    return null;
  }
}

/** A language's name in the interface's language ("Chinese", "中文", "chino"); the code if unnamed. */
export function languageName(code: string, locale: string, style: 'long' | 'short' = 'long'): string {
  try {
    const name = displayNames(locale, style)?.of(code);
    if (name && name.toLowerCase() !== code.toLowerCase()) return name;
  } catch {
    // An invalid tag: fall through to the code itself.
  }
  return code.toUpperCase();
}

/** A language's name in itself ("中文", "Español", "日本語"), first letter capitalised as in a menu. */
export function nativeLanguageName(code: string): string {
  const name = languageName(code, code);
  const first = name.codePointAt(0);
  if (first === undefined) return name;
  const head = String.fromCodePoint(first);
  return head.toLocaleUpperCase(code) + name.slice(head.length);
}

/** Brand names stay as they are in every language; the generic LLM provider is described. */
const PROVIDER_BRANDS: Record<string, string> = { libretranslate: 'LibreTranslate', deepl: 'DeepL' };

export function providerBrand(provider: string): string | null {
  const key = provider.trim().toLowerCase();
  if (key in PROVIDER_BRANDS) return PROVIDER_BRANDS[key] ?? null;
  return key === 'openai' || key === 'llm' ? null : provider;
}

/**
 * A short, stable fingerprint of a text, used to key cached translations per text
 * version: when the text changes, the old translation is not reused.
 */
export function textVersion(text: string): string {
  // 32-bit FNV-1a over UTF-16 code units; collisions only cost a stale translation.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length}:${hash.toString(36)}`;
}
