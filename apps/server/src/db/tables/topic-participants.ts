import type { ColumnType } from 'kysely';

export interface TopicParticipantsTable {
  topic_id: string;
  user_id: string;
  first_at: ColumnType<Date, Date, never>;
}
