import type { ColumnType, Generated, Selectable } from 'kysely';

export type NoteKind = 'image' | 'video';

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
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
  /** Soft delete: the note disappears from every read at once, rows are reaped later. */
  deleted_at: Date | null;
}

export type NoteRow = Selectable<NotesTable>;
