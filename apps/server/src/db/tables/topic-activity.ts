import type { ColumnType } from 'kysely';

type Counter = ColumnType<string, number | undefined, unknown>;

/** A topic's growth per hour, for trending. */
export interface TopicActivityTable {
  topic_id: string;
  hour: Date;
  views: Counter;
  discussions: Counter;
}
