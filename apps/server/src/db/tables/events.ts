import type { ColumnType, Generated } from 'kysely';

export type EventType = 'impression' | 'play' | 'watch' | 'complete' | 'replay' | 'skip' | 'unmute' | 'share';

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
  client_session: string;
  client_seq: number;
  occurred_at: Date;
  received_at: ColumnType<Date, Date, never>;
}
