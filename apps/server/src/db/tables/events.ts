import type { ColumnType, Generated } from 'kysely';

/** What clients report about what they were shown (POST /api/events). */
export type ClientEventType = 'impression' | 'play' | 'watch' | 'complete' | 'replay' | 'skip' | 'unmute' | 'share' | 'dwell';
/** What the server records when people act (likes, follows…); `interaction` is an imported one (offline evaluation). */
export type ServerEventType = 'like' | 'unlike' | 'collect' | 'uncollect' | 'comment' | 'follow' | 'not_interested' | 'report' | 'interaction';
export type EventType = ClientEventType | ServerEventType;

export interface EventsTable {
  id: Generated<string>;
  /** Null for signed-out viewers (and after the account is deleted). */
  user_id: string | null;
  note_id: string;
  type: EventType;
  /** Where the note was shown: video_feed, explore, note… */
  source: string | null;
  /** For `watch`: milliseconds actually played since the previous watch event of this note. */
  watch_ms: number | null;
  position_ms: number | null;
  /** Null for server-side signals. */
  client_session: string | null;
  client_seq: number | null;
  /** Strength of a server-side signal (imports carry their own; unlike/uncollect are -1). */
  weight: number | null;
  /** The slot an impression was shown in (0-based). */
  position: number | null;
  occurred_at: Date;
  received_at: ColumnType<Date, Date, never>;
}
