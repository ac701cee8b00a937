import type { NoteRow } from '../../db/tables/notes.js';
import { detectLanguage } from './detect-language.js';

// What the write paths store: the detector's answer as columns. A confidence is
// stored even when the language is unknown, so the backfill (which looks for a
// null confidence) knows the row was already looked at.

export interface LanguageColumns {
  language: string | null;
  language_confidence: number | null;
}

export function detectedColumns(text: string): LanguageColumns {
  const { language, confidence } = detectLanguage(text);
  return { language, language_confidence: confidence };
}

/** A note's language is that of its title and body together. */
export function noteText(title: string, body: string): string {
  return `${title}\n${body}`;
}

/**
 * A note's language after a create (no current row) or an edit: detected again
 * from the new text, unless the author chose it (then left as it is: undefined).
 */
export function noteLanguageColumns(title: string, body: string, current?: Pick<NoteRow, 'language_source'>): LanguageColumns | undefined {
  if (current?.language_source === 'author') return undefined;
  return detectedColumns(noteText(title, body));
}
