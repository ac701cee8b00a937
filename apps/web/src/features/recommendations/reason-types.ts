/** Why the recommender served a note (the server's `reason` on For-you cards and swipe-feed items). */
export type ReasonCode =
  | 'liked_topic'
  | 'similar_notes'
  | 'people_like_you'
  | 'fresh'
  | 'following'
  | 'trending_topic'
  | 'trending'
  | 'explore'
  | 'popular_in_language'
  | 'popular';

export interface Reason {
  code: ReasonCode;
  /** The topic's name without '#', for liked_topic and trending_topic. */
  topic?: string;
  /** ISO 639-1, for popular_in_language. */
  language?: string;
}

export type ExposureStatus = 'testing' | 'promoted' | 'settled' | 'open';

/** Staged exposure of one's own note, shown to its author only. */
export interface NoteExposure {
  stage: number;
  stages: number;
  status: ExposureStatus;
  impressions: number;
  stageImpressions: number;
  stageBudget: number;
}
