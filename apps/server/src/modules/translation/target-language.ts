// Languages a text can be translated into. Content languages are ISO 639-1
// codes ('zh' is Simplified Chinese); Traditional Chinese is 'zh-Hant'. A UI
// locale (zh-CN, zh-TW, en-US, pt-BR…) is accepted and reduced to one of these.

/** English names, for the LLM prompt and the admin page. */
export const TARGET_LANGUAGES: Record<string, string> = {
  en: 'English',
  zh: 'Simplified Chinese',
  'zh-Hant': 'Traditional Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  es: 'Spanish',
  fr: 'French',
  de: 'German',
  pt: 'Portuguese',
  it: 'Italian',
  ru: 'Russian',
  uk: 'Ukrainian',
  pl: 'Polish',
  nl: 'Dutch',
  sv: 'Swedish',
  da: 'Danish',
  nb: 'Norwegian Bokmål',
  fi: 'Finnish',
  cs: 'Czech',
  ro: 'Romanian',
  hu: 'Hungarian',
  el: 'Greek',
  tr: 'Turkish',
  ar: 'Arabic',
  he: 'Hebrew',
  fa: 'Persian',
  hi: 'Hindi',
  bn: 'Bengali',
  ur: 'Urdu',
  id: 'Indonesian',
  ms: 'Malay',
  vi: 'Vietnamese',
  th: 'Thai',
  tl: 'Tagalog',
  sw: 'Swahili',
};

const TRADITIONAL_REGIONS = new Set(['tw', 'hk', 'mo', 'hant']);

/** The target language for a requested code or UI locale, or null when we do not translate into it. */
export function normaliseTarget(requested: string): string | null {
  const [base = '', ...rest] = requested.trim().replace(/_/g, '-').toLowerCase().split('-');
  let code = base;
  if (base === 'zh') code = rest.some((subtag) => TRADITIONAL_REGIONS.has(subtag)) ? 'zh-Hant' : 'zh';
  else if (base === 'no' || base === 'nn') code = 'nb';
  else if (base === 'iw') code = 'he';
  else if (base === 'in') code = 'id';
  else if (base === 'fil') code = 'tl';
  return code in TARGET_LANGUAGES ? code : null;
}

/** A source language as stored or detected ('zh', 'zh-Hant', 'ZH', 'zt'…) in the same form as a target. */
export function normaliseSource(language: string | null | undefined): string | null {
  if (!language) return null;
  if (language.toLowerCase() === 'zt') return 'zh-Hant';
  return normaliseTarget(language) ?? language.toLowerCase();
}

export function isSameLanguage(source: string | null, target: string): boolean {
  return source !== null && normaliseSource(source) === target;
}

export function languageName(code: string): string {
  return TARGET_LANGUAGES[code] ?? code;
}
