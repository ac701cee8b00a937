import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ModerationState } from '../../kernel/visibility.js';

export type NoteKind = 'image' | 'video';
export type LanguageSource = 'detected' | 'author';

export interface NotesTable {
  id: Generated<string>;
  author_id: string;
  kind: ColumnType<NoteKind, NoteKind | undefined, NoteKind>;
  /** Up to 100 characters; cards show the first 20 in bold. */
  title: string;
  body: string;
  /** A coarse place name the author typed; never coordinates. */
  place: string | null;
  /** Words, CJK bigrams and prefixes of title, body, topics and author (see search-tokens.ts). */
  search_tokens: ColumnType<string[], string[] | undefined, string[]>;
  /** ISO 639-1 of title and body; null when unknown, or not detected yet when language_confidence is null too. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  /** The detector's confidence in [0, 1]; null when the author chose the language or nothing was detected yet. */
  language_confidence: ColumnType<number | null, number | null | undefined, number | null>;
  /** 'author': the author set the language, and edits keep it instead of detecting again. */
  language_source: ColumnType<LanguageSource, LanguageSource | undefined, LanguageSource>;
  /** Active labels, `label` or `label@rulebook` (the `labels` table holds who set them and why). */
  labels: ColumnType<string[], string[] | undefined, string[]>;
  mod_state: ColumnType<ModerationState, ModerationState | undefined, ModerationState>;
  /** SimHash of the text (signed 64-bit), for near-duplicates across accounts; null for old rows. */
  text_simhash: ColumnType<string | null, string | null | undefined, string | null>;
  /** A moderator limited its reach: visible, but out of recommendations and search. */
  reach_limited: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
  /** Soft delete: the note disappears from every read at once, rows are reaped later. */
  deleted_at: Date | null;
}

export type NoteRow = Selectable<NotesTable>;
