import type { ColumnType } from 'kysely';

/** A pending request to follow a private account; approving it makes a `follows` row, denying deletes it. */
export interface FollowRequestsTable {
  requester_id: string;
  target_id: string;
  created_at: ColumnType<Date, Date, never>;
}
