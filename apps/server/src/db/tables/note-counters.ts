import type { ColumnType } from 'kysely';

type Counter = ColumnType<string, number | undefined, unknown>;

/** One of N shards of a note's counters; the true count is the sum over shards. */
export interface NoteCountersTable {
  note_id: string;
  shard: number;
  likes: Counter;
  collects: Counter;
  comments: Counter;
  views: Counter;
}
