import type { ColumnType, Generated, Selectable } from 'kysely';
import type { ModerationState } from '../../kernel/visibility.js';

export interface CommentsTable {
  id: Generated<string>;
  note_id: string;
  author_id: string;
  /** One level of replies: a reply's parent is always a top-level comment. */
  parent_id: string | null;
  /** Set when replying to a reply: the person answered, shown as "reply to @handle". */
  reply_to_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  body: string;
  /** ISO 639-1; null when unknown, or not detected yet when language_confidence is null too. */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  language_confidence: ColumnType<number | null, number | null | undefined, number | null>;
  like_count: ColumnType<number, number | undefined, unknown>;
  /** Active labels, `label` or `label@rulebook` (the `labels` table holds who set them and why). */
  labels: ColumnType<string[], string[] | undefined, string[]>;
  mod_state: ColumnType<ModerationState, ModerationState | undefined, ModerationState>;
  /** SimHash of the text (signed 64-bit), for near-duplicates across accounts; null for old rows. */
  text_simhash: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: ColumnType<Date, Date, never>;
  deleted_at: Date | null;
}

export type CommentRow = Selectable<CommentsTable>;
