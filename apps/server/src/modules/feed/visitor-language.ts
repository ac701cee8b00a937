import { uiReadLanguage } from '../language/viewer-languages.js';

/** The language a signed-out visitor reads: the browser's first Accept-Language choice, English without one. */
export function visitorReadLanguage(acceptLanguage: string | undefined): string {
  const first = (acceptLanguage ?? '').split(',')[0]?.split(';')[0]?.trim() ?? '';
  return first && first !== '*' ? uiReadLanguage(first) : 'en';
}
