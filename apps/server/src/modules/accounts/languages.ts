// Interface languages with complete catalogues in apps/web/src/locales.
export const SUPPORTED_LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

const CHINESE_SPEAKING = new Set(['CN', 'TW', 'HK', 'MO', 'SG']);

/** A first guess for a new account; the user confirms or changes it at onboarding. */
export function suggestLanguage(region: string, acceptLanguage?: string): Language {
  const preferred = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (preferred.startsWith('zh')) return 'zh-CN';
  if (preferred.startsWith('en')) return 'en';
  return CHINESE_SPEAKING.has(region) ? 'zh-CN' : 'en';
}
