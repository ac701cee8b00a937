import type { ColumnType, Selectable } from 'kysely';
import type { AccountStatus } from '../../kernel/visibility.js';

export interface AccountDeletionsTable {
  user_id: string;
  requested_at: ColumnType<Date, Date, never>;
  /** The erasure job takes the account after this (30 days of grace). */
  erase_after: Date;
  /** Restored when the person signs in again or cancels. */
  previous_status: AccountStatus;
  erasure_queued_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type AccountDeletionRow = Selectable<AccountDeletionsTable>;
