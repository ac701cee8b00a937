import type { ColumnType, Generated, Selectable } from 'kysely';

export type NotificationKind = 'like' | 'collect' | 'comment' | 'reply' | 'mention' | 'follow' | 'comment_like' | 'follow_request' | 'follow_approved';

export interface NotificationsTable {
  id: Generated<string>;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  note_id: string | null;
  comment_id: string | null;
  created_at: ColumnType<Date, Date, never>;
  read_at: Date | null;
}

export type NotificationRow = Selectable<NotificationsTable>;
