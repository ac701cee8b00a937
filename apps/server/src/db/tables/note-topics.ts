import type { ColumnType } from 'kysely';

export interface NoteTopicsTable {
  topic_id: string;
  note_id: string;
  created_at: ColumnType<Date, Date, never>;
}
