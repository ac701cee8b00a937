import type { ColumnType } from 'kysely';

type Counter = ColumnType<string, number | undefined, unknown>;

/** One of N shards of a topic's counters; the true count is the sum over shards. */
export interface TopicCountersTable {
  topic_id: string;
  shard: number;
  views: Counter;
  discussions: Counter;
  participants: Counter;
}
