/** UI languages the app ships catalogues for; the server accepts the same list. */
export const LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Where an explicit choice is remembered; absent means "follow the browser". */
export const LANGUAGE_STORAGE_KEY = 'qiao.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The catalogue for a browser language tag (BCP 47, any case, "_" tolerated):
 * Traditional Chinese for zh-Hant and Taiwan/Hong Kong/Macau, Simplified for other
 * Chinese, Japanese, Korean and Spanish by language, English for everything else.
 */
export function toSupportedLanguage(tag: string | undefined | null): Language {
  const lower = (tag ?? '').trim().toLowerCase().replace(/_/g, '-');
  const primary = lower.split('-')[0];
  switch (primary) {
    case 'zh':
      return isTraditionalChinese(lower) ? 'zh-TW' : 'zh-CN';
    // Cantonese is written in Traditional characters unless the tag says otherwise.
    case 'yue':
      return lower.split('-').includes('hans') ? 'zh-CN' : 'zh-TW';
    case 'ja':
    case 'ko':
    case 'es':
      return primary;
    default:
      return 'en';
  }
}

function isTraditionalChinese(tag: string): boolean {
  const subtags = tag.split('-').slice(1);
  if (subtags.includes('hant')) return true;
  if (subtags.includes('hans')) return false;
  return subtags.some((subtag) => subtag === 'tw' || subtag === 'hk' || subtag === 'mo');
}

export function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this visit only.
  }
}
