import type { ColumnType, Generated, Selectable } from 'kysely';

export interface TopicsTable {
  id: Generated<string>;
  /** As first written, e.g. TikTokRefugee. */
  name: string;
  /** NFKC, lower-cased: #tiktokrefugee and #TikTokRefugee are one topic. */
  name_key: string;
  created_at: ColumnType<Date, Date, never>;
}

export type TopicRow = Selectable<TopicsTable>;
