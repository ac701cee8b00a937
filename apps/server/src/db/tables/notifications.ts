import type { ColumnType, Generated, Selectable } from 'kysely';

export type NotificationKind =
  | 'like'
  | 'collect'
  | 'comment'
  | 'reply'
  | 'mention'
  | 'follow'
  | 'comment_like'
  | 'follow_request'
  | 'follow_approved'
  | 'new_sign_in';

export interface NotificationDetail {
  device?: string | null;
  browser?: string | null;
  country?: string | null;
}

export interface NotificationsTable {
  id: Generated<string>;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string;
  note_id: string | null;
  comment_id: string | null;
  created_at: ColumnType<Date, Date, never>;
  read_at: Date | null;
  /** Facts a notification carries itself (a new sign-in's device, browser, country). */
  detail: ColumnType<NotificationDetail | null, NotificationDetail | null | undefined, never>;
}

export type NotificationRow = Selectable<NotificationsTable>;
