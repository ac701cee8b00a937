import type { UserRow } from '../../db/tables/users.js';
import { isContentLanguage } from './content-languages.js';

// Which languages a person reads: what they chose, or else the language of the
// interface they use (zh-CN and zh-TW read Chinese: 'zh' covers both scripts).
// Translate buttons appear on what is in none of these; "these languages only"
// narrows the feeds to them.

export const MAX_READ_LANGUAGES = 10;

/** The content language a UI language reads (a BCP 47 tag's primary subtag), English when we have no better guess. */
export function uiReadLanguage(uiLanguage: string): string {
  const primary = uiLanguage.split('-')[0]!.toLowerCase();
  return isContentLanguage(primary) ? primary : 'en';
}

export function effectiveReadLanguages(user: Pick<UserRow, 'read_languages' | 'language'>): string[] {
  return user.read_languages.length > 0 ? [...user.read_languages] : [uiReadLanguage(user.language)];
}
