import type { ColumnType } from 'kysely';

export interface CommentLikesTable {
  user_id: string;
  comment_id: string;
  created_at: ColumnType<Date, Date, never>;
}
