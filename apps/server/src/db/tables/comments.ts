import type { ColumnType, Generated, Selectable } from 'kysely';

export interface CommentsTable {
  id: Generated<string>;
  note_id: string;
  author_id: string;
  /** One level of replies: a reply's parent is always a top-level comment. */
  parent_id: string | null;
  /** Set when replying to a reply: the person answered, shown as "reply to @handle". */
  reply_to_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  body: string;
  like_count: ColumnType<number, number | undefined, unknown>;
  created_at: ColumnType<Date, Date, never>;
  deleted_at: Date | null;
}

export type CommentRow = Selectable<CommentsTable>;
