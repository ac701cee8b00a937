import type { ColumnType } from 'kysely';

/** The muter stops seeing the muted user's notes and comments; the muted user notices nothing. */
export interface MutesTable {
  muter_id: string;
  muted_id: string;
  created_at: ColumnType<Date, Date, never>;
}
