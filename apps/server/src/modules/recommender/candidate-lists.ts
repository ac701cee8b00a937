import type { RecommenderSettings } from '../../config/recommender-settings.js';
import { interestReason, popularReason, trendingReason } from './explanations.js';
import type { FreshNote } from './fresh-source.js';
import type { InterestNote } from './interest-source.js';
import type { PoolNote } from './pool-note.js';
import type { Candidate } from './recommender-types.js';
import type { TrendingNote } from './trending-source.js';

// Each source's pool turned into this viewer's candidates: notes they must not
// see are dropped, scores get the viewer's preferences and (mildly) the note's
// quality, and each candidate gets its reason. Follower counts are never read.

export interface ViewerFilter {
  /** True when the note may be shown to this viewer on this page. */
  allows(note: PoolNote): boolean;
  readLanguages: readonly string[];
  /** The viewer's region; null when unknown (signed out). */
  region?: string | null;
  topicWeights: ReadonlyMap<string, number>;
  /** Quality relative to the average, as a score multiplier. */
  qualityFactor(quality: number | null): number;
}

export function qualityFactor(quality: number | null, average: number | null, weight: number): number {
  if (quality === null || average === null || average <= 0 || quality <= 0 || weight === 0) return 1;
  return Math.min(2, Math.max(0.5, (quality / average) ** weight));
}

const candidate = (note: PoolNote, score: number, source: Candidate['source'], reason: Candidate['reason']): Candidate => ({
  noteId: note.noteId,
  authorId: note.authorId,
  topicIds: note.topicIds,
  language: note.language,
  kind: note.kind,
  score,
  source,
  reason,
});

const byScore = (a: Candidate, b: Candidate) => b.score - a.score;

export function interestList(notes: readonly InterestNote[], filter: ViewerFilter, settings: RecommenderSettings, max: number): Candidate[] {
  const maxima = { note: 0, peer: 0, topic: 0 };
  for (const note of notes) {
    maxima.note = Math.max(maxima.note, note.noteScore);
    maxima.peer = Math.max(maxima.peer, note.peerScore);
    maxima.topic = Math.max(maxima.topic, note.topicScore);
  }
  const weights = { user: settings.neighbors.userWeight, topic: settings.topicWeight };
  return notes
    .filter((note) => filter.allows(note))
    .map((note) => candidate(note, note.score * filter.qualityFactor(note.quality), 'interest', interestReason(note, maxima, weights)))
    .sort(byScore)
    .slice(0, max);
}

/**
 * Fresh notes with audience budget left, those in the viewer's liked topics
 * and languages first, and among equals those with the most budget left.
 */
export function freshList(
  notes: readonly FreshNote[],
  filter: ViewerFilter,
  budgetLeft: (note: FreshNote) => number,
  stageBudgets: readonly number[],
  max: number,
): Candidate[] {
  const result: Candidate[] = [];
  for (const note of notes) {
    if (!filter.allows(note)) continue;
    const left = budgetLeft(note);
    if (left <= 0) continue;
    const budget = stageBudgets[note.stage - 1] ?? stageBudgets.at(-1) ?? 1;
    const likesTopic = note.topicIds.some((topic) => filter.topicWeights.has(topic));
    const readsLanguage = note.language !== null && filter.readLanguages.includes(note.language);
    // A note that earned a later stage has beaten comparable notes: it goes first,
    // so promotion means a larger audience, not just a longer queue.
    const stageBoost = 2 ** (note.stage - 1);
    const score = stageBoost * (1 + (likesTopic ? 1 : 0) + (readsLanguage ? 0.5 : 0)) * (0.5 + 0.5 * Math.min(1, left / Math.max(budget, 1)));
    result.push(candidate(note, score, 'fresh', { code: 'fresh' }));
  }
  return result.sort(byScore).slice(0, max);
}

/** Newest first: the score decays with age (a day old scores half). */
export function followingList(notes: readonly PoolNote[], filter: ViewerFilter, now: Date, max: number): Candidate[] {
  return notes
    .filter((note) => filter.allows(note))
    .slice(0, max)
    .map((note) => candidate(note, 1 / (1 + Math.max(0, now.getTime() - note.createdAt.getTime()) / 86_400_000), 'following', { code: 'following' }));
}

export function trendingList(notes: readonly TrendingNote[], filter: ViewerFilter, max: number): Candidate[] {
  return notes
    .filter((note) => filter.allows(note))
    .slice(0, max)
    .map((note) => candidate(note, Math.max(note.trend, 0), 'trending', trendingReason(note.trendTopicId)));
}

export function exploreList(notes: ReadonlyArray<PoolNote & { draw: number }>, filter: ViewerFilter, max: number): Candidate[] {
  return notes
    .filter((note) => filter.allows(note))
    .slice(0, max)
    .map((note) => candidate(note, note.draw, 'explore', { code: 'explore' }));
}

/** Notes in a language the viewer reads first, each tier by quality (the pool's order). */
export function popularList(notes: readonly PoolNote[], filter: ViewerFilter, max: number): Candidate[] {
  const result: Candidate[] = [];
  notes.forEach((note, rank) => {
    if (!filter.allows(note)) return;
    const readsLanguage = note.language !== null && filter.readLanguages.includes(note.language);
    const sameRegion = filter.region != null && note.authorRegion === filter.region;
    const score = (readsLanguage ? 2 : 1) + (sameRegion ? 0.5 : 0) - rank / (notes.length + 1);
    result.push(candidate(note, score, 'popular', popularReason(note.language, filter.readLanguages)));
  });
  return result.sort(byScore).slice(0, max);
}
