import type { ColumnType, Generated, Selectable } from 'kysely';

export type AppealStatus = 'open' | 'upheld' | 'rejected';

/** One appeal per statement, decided by a moderator other than the one who acted. */
export interface AppealsTable {
  id: Generated<string>;
  statement_id: string;
  user_id: string;
  text: string;
  status: ColumnType<AppealStatus, AppealStatus | undefined, AppealStatus>;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  reason: string | null;
}

export type AppealRow = Selectable<AppealsTable>;
