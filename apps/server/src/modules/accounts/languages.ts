// Interface languages with complete catalogues in apps/web/src/locales.
export const SUPPORTED_LANGUAGES = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'es'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

export function isSupportedLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

// Traditional characters are the norm in Taiwan, Hong Kong and Macau.
const TRADITIONAL_CHINESE_REGIONS = new Set(['TW', 'HK', 'MO']);
const SIMPLIFIED_CHINESE_REGIONS = new Set(['CN', 'SG']);
const SPANISH_SPEAKING = new Set([
  'ES',
  'MX',
  'AR',
  'CO',
  'PE',
  'VE',
  'CL',
  'EC',
  'GT',
  'CU',
  'BO',
  'DO',
  'HN',
  'PY',
  'SV',
  'NI',
  'CR',
  'PA',
  'UY',
  'PR',
  'GQ',
  'EA',
  'IC',
]);

/** The interface language most people in a region read, English where we have none. */
export function regionLanguage(region: string): Language {
  const upper = region.toUpperCase();
  if (TRADITIONAL_CHINESE_REGIONS.has(upper)) return 'zh-TW';
  if (SIMPLIFIED_CHINESE_REGIONS.has(upper)) return 'zh-CN';
  if (upper === 'JP') return 'ja';
  if (upper === 'KR') return 'ko';
  if (SPANISH_SPEAKING.has(upper)) return 'es';
  return 'en';
}

/**
 * The supported language for one BCP 47 tag, or undefined when we have no catalogue for
 * it. A bare "zh" takes its script from the region (a Taipei phone reads 繁體).
 */
export function languageForTag(tag: string, region = ''): Language | undefined {
  const subtags = tag.trim().toLowerCase().replace(/_/g, '-').split('-');
  const [primary, ...rest] = subtags;
  switch (primary) {
    case 'en':
    case 'ja':
    case 'ko':
    case 'es':
      return primary;
    case 'zh':
    case 'yue': {
      if (rest.includes('hant')) return 'zh-TW';
      if (rest.includes('hans')) return 'zh-CN';
      const tagRegion = rest.find((subtag) => /^[a-z]{2}$/.test(subtag))?.toUpperCase();
      if (tagRegion) return TRADITIONAL_CHINESE_REGIONS.has(tagRegion) ? 'zh-TW' : 'zh-CN';
      if (primary === 'yue') return 'zh-TW';
      return TRADITIONAL_CHINESE_REGIONS.has(region.toUpperCase()) ? 'zh-TW' : 'zh-CN';
    }
    default:
      return undefined;
  }
}

/** Accept-Language entries, most preferred first ("q=0" means "not this one"). */
function preferredTags(acceptLanguage: string): string[] {
  return acceptLanguage
    .split(',')
    .map((entry, index) => {
      const [tag = '', ...params] = entry.split(';').map((part) => part.trim());
      const q = params.find((param) => param.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { tag, quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

/**
 * A first guess for a new account; the user confirms or changes it at onboarding. The
 * browser's own list wins over the phone's region: a Mexican number with an English
 * browser gets English, a US number with a Korean browser gets Korean.
 */
export function suggestLanguage(region: string, acceptLanguage?: string): Language {
  for (const tag of preferredTags(acceptLanguage ?? '')) {
    const language = languageForTag(tag, region);
    if (language) return language;
  }
  return regionLanguage(region);
}
