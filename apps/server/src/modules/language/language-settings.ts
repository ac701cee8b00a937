import type { UserRow } from '../../db/tables/users.js';
import { badRequest } from '../../lib/errors.js';
import type { UserPatch } from '../accounts/users-queries.js';
import { contentLanguageInvalid, isContentLanguage } from './content-languages.js';
import { detectLanguage } from './detect-language.js';
import { MAX_READ_LANGUAGES } from './viewer-languages.js';

// The language half of PATCH /api/me: what I read, whether to translate
// without a tap, whether feeds keep to my languages, and my bio's language
// (detected whenever the bio changes; set by hand, it holds until the next bio edit).

export interface LanguageSettingsUpdate {
  bio?: string;
  bioLanguage?: string | null;
  readLanguages?: string[];
  autoTranslate?: boolean;
  feedLanguagesOnly?: boolean;
}

type LanguagePatch = Pick<UserPatch, 'bio_language' | 'read_languages' | 'auto_translate' | 'feed_languages_only'>;

function readLanguages(codes: readonly string[]): string[] {
  const unique = [...new Set(codes.map((code) => code.trim().toLowerCase()))];
  const unknown = unique.filter((code) => !isContentLanguage(code));
  if (unique.length === 0 || unique.length > MAX_READ_LANGUAGES || unknown.length > 0) {
    throw badRequest(
      'read_languages_invalid',
      unknown.length > 0
        ? `Unknown language codes: ${unknown.join(', ')}. Use ISO 639-1 codes such as en, zh, ja.`
        : `Choose 1 to ${MAX_READ_LANGUAGES} languages you read.`,
      { unknown },
    );
  }
  return unique;
}

export function languageSettingsPatch(user: Pick<UserRow, 'bio'>, update: LanguageSettingsUpdate): LanguagePatch {
  const patch: LanguagePatch = {};
  if (update.bioLanguage !== undefined && update.bioLanguage !== null) {
    if (!isContentLanguage(update.bioLanguage)) throw contentLanguageInvalid(update.bioLanguage);
    patch.bio_language = update.bioLanguage;
  } else if (update.bio !== undefined || update.bioLanguage === null) {
    patch.bio_language = detectLanguage((update.bio ?? user.bio).trim()).language;
  }
  if (update.readLanguages !== undefined) patch.read_languages = readLanguages(update.readLanguages);
  if (update.autoTranslate !== undefined) patch.auto_translate = update.autoTranslate;
  if (update.feedLanguagesOnly !== undefined) patch.feed_languages_only = update.feedLanguagesOnly;
  return patch;
}
