import type { ColumnType } from 'kysely';

/** Video uploads a person started on a UTC day, and the bytes they declared. */
export interface UploadBudgetsTable {
  user_id: string;
  /** 'YYYY-MM-DD' (UTC). */
  day: string;
  uploads: number;
  bytes: ColumnType<string, number | string, number | string>;
}
