import type { ColumnType } from 'kysely';

export interface CollectsTable {
  user_id: string;
  note_id: string;
  board_id: string | null;
  created_at: ColumnType<Date, Date, never>;
}
