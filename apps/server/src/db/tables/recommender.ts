import type { ColumnType } from 'kysely';

// Row types of the recommender's tables (migration 2026-11-25T01-00-00Z-recommender).
// They live together because they are one feature's derived state.

export interface RecAffinityTable {
  user_id: string;
  note_id: string;
  /** Sum of positive engagement weights (see recommender config `signalWeights`). */
  strength: number;
  last_at: Date;
}

/** A note's neighbours under the chosen item model, strongest first (migration 2026-12-07T15-30-00Z-precomputed-pools). */
export interface RecNoteSimilarTable {
  note_id: string;
  neighbor_ids: string[];
  weights: number[];
}

/** A person's interest candidates, best first, built by the pool job. */
export interface RecPoolsTable {
  user_id: string;
  kind: 'all' | 'video';
  note_ids: string[];
  scores: number[];
  built_at: Date;
  wanted_at: Date | null;
}

/** What a person was served or engaged with: two Bloom filter generations (kernel of served-filter.ts). */
export interface RecSeenTable {
  user_id: string;
  current: Buffer;
  previous: Buffer | null;
  current_count: ColumnType<number, number | undefined, number>;
  current_since: Date;
}

export interface RecUserTopicsTable {
  user_id: string;
  topic_id: string;
  weight: number;
}

/** testing: in a stage's first audience; promoted: passed and moved up; settled: failed, stays in normal competition; open: past the last stage. */
export type StageStatus = 'testing' | 'promoted' | 'settled' | 'open';

export interface RecNoteQualityTable {
  note_id: string;
  impressions: ColumnType<number, number | undefined, number>;
  /** Sum of CES weights (like 1, collect 1, comment 4, share 4, follow 8, completion…). */
  engagement: ColumnType<number, number | undefined, number>;
  /** "Not interested" and reports. */
  negatives: ColumnType<number, number | undefined, number>;
  /** Mean completion of plays, videos only. */
  watch_completion: number | null;
  /** Posterior mean engagement per impression, smoothed towards comparable notes. */
  quality: ColumnType<number, number | undefined, number>;
  stage: ColumnType<number, number | undefined, number>;
  stage_impressions: ColumnType<number, number | undefined, number>;
  stage_status: ColumnType<StageStatus, StageStatus | undefined, StageStatus>;
  stage_changed_at: Date;
  updated_at: Date;
}

export interface RecTrendingTable {
  note_id: string;
  score: number;
  topic_id: string | null;
  computed_at: Date;
}

export interface RecServedTable {
  user_id: string;
  note_id: string;
  source: string;
  served_at: Date;
}

export interface NotInterestedTable {
  user_id: string;
  note_id: string;
  created_at: Date;
}

export interface RecJobStateTable {
  name: string;
  last_event_id: ColumnType<string, string | undefined, string>;
  ran_at: Date | null;
  /** What the job decided last time (the similarity job: the model it chose and its validation). */
  details: ColumnType<unknown, string | undefined, string> | null;
}
