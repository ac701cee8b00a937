import type { ViewerContext } from '../../kernel/viewer-context.js';
// The vocabulary the Recommender speaks to the feed, the web app and the evaluation.

export type CandidateSource = 'interest' | 'fresh' | 'following' | 'trending' | 'explore' | 'popular';

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

/** Why a note was served; `topic` is a topic's name (no #), `language` an ISO 639-1 code. */
export interface Reason {
  code: ReasonCode;
  topic?: string;
  language?: string;
}

/** A reason whose topic is still an id (sources know ids; names are filled in just before a page leaves). */
export type DraftReason = Omit<Reason, 'topic'> & { topicId?: string };

/** A scored note from one source, with what the re-ranker and the explanations need. */
export interface Candidate {
  noteId: string;
  authorId: string;
  topicIds: readonly string[];
  language: string | null;
  kind: 'image' | 'video';
  score: number;
  source: CandidateSource;
  reason: DraftReason;
}

export interface RecommendRequest {
  /** Who asks (viewerId null: a signed-out visitor, cold mix, no served log), their rulebook and the authors they hide. */
  context: ViewerContext;
  now: Date;
  limit: number;
  /** 'video': the swipe feed (video notes only). */
  kind?: 'video';
  /** Signed-out: the language the visitor reads (from the UI language / Accept-Language). */
  readLanguage?: string;
  /** Signed-out: how many notes of the cold mix were already shown (the cursor carries it). */
  offset?: number;
}

export interface Recommendation {
  noteId: string;
  source: CandidateSource;
  reason: Reason;
}
