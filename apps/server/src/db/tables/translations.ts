import type { ColumnType, Selectable } from 'kysely';

export interface TranslationsTable {
  /** sha256 (hex) of the exact text that was translated. */
  source_hash: string;
  /** Target language: an ISO 639-1 code, or zh-Hant. */
  target: string;
  /** libretranslate, deepl or openai. */
  provider: string;
  translated_text: string;
  /** The source language as stored or as the provider detected it; null when unknown. */
  source_language: string | null;
  created_at: ColumnType<Date, Date, Date>;
}

export type TranslationRow = Selectable<TranslationsTable>;
