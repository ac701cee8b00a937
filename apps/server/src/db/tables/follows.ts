import type { ColumnType } from 'kysely';

export interface FollowsTable {
  follower_id: string;
  followee_id: string;
  created_at: ColumnType<Date, Date, never>;
}
