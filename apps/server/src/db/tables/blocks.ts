import type { ColumnType } from 'kysely';

/** The blocked user can no longer see or reach the blocker, and the blocker stops seeing them. */
export interface BlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: ColumnType<Date, Date, never>;
}
