import { interestReason, popularReason, trendingReason } from './explanations.js';
import type { FreshNote } from './fresh-source.js';
import type { PoolNote } from './pool-note.js';
import type { Candidate } from './recommender-types.js';
import type { TrendingNote } from './trending-source.js';
import type { InterestEntry } from './viewer-state.js';

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

/**
 * The viewer's precomputed interest pool (best first) as candidates: the
 * model's score, mildly weighed by quality. The pool is longer than a page
 * needs; reading stops once there are twice `max` candidates left after the filter.
 */
export function interestList(entries: readonly InterestEntry[], facts: ReadonlyMap<string, PoolNote>, filter: ViewerFilter, max: number): Candidate[] {
  const result: Candidate[] = [];
  for (const entry of entries) {
    const note = facts.get(entry.noteId);
    if (!note || !filter.allows(note)) continue;
    result.push(candidate(note, entry.score * filter.qualityFactor(note.quality), 'interest', interestReason(note, filter.topicWeights)));
    if (result.length >= max * 2) break;
  }
  return result.sort(byScore).slice(0, max);
}

/**
 * Fresh notes with audience budget left, those in the viewer's liked topics
 * and languages first, and among equals those with the most budget left.
 * A page considers a window of twice `max` notes the viewer may see, the
 * highest stage first (a note that earned a later stage has beaten comparable
 * notes: promotion means a larger audience, not just a longer queue) and,
 * within a stage, from the viewer's own starting point `start`: a page costs
 * the same however many new notes there are, and viewers test different ones.
 * With the viewer's interest scores, the fresh notes their pool holds go
 * first within each stage (by that score), wherever they sit: a new note's
 * first audience is then the people the item model expects to like it, which
 * tests it fairly and costs the viewer least.
 */
export function freshList(
  notes: readonly FreshNote[],
  filter: ViewerFilter,
  budgetLeft: (note: FreshNote) => number,
  stageBudgets: readonly number[],
  max: number,
  start = 0,
  interest?: ReadonlyMap<string, number>,
): Candidate[] {
  const result: Candidate[] = [];
  const consider = (note: FreshNote, expected: number | undefined) => {
    const left = budgetLeft(note);
    if (left <= 0 || !filter.allows(note)) return;
    const budget = stageBudgets[note.stage - 1] ?? stageBudgets.at(-1) ?? 1;
    const likesTopic = note.topicIds.some((topic) => filter.topicWeights.has(topic));
    const readsLanguage = note.language !== null && filter.readLanguages.includes(note.language);
    const base = (1 + (likesTopic ? 1 : 0) + (readsLanguage ? 0.5 : 0)) * (0.5 + 0.5 * Math.min(1, left / Math.max(budget, 1)));
    // The stage is the major key; within it, a note in the viewer's pool is above every one that is not (those score at most 2.5).
    const score = 10 * (note.stage - 1) + (expected !== undefined ? 3 + expected / (1 + expected) : base);
    result.push(candidate(note, score, 'fresh', { code: 'fresh' }));
  };
  for (const stage of byStage(notes)) {
    const n = stage.length;
    // A map look-up per note: the pool's picks are found wherever they sit in the stage.
    if (interest && interest.size > 0) {
      for (const note of stage) {
        const expected = interest.get(note.noteId);
        if (expected !== undefined) consider(note, expected);
      }
    }
    for (let i = 0; i < n && result.length < max * 2; i += 1) {
      const note = stage[(start + i) % n]!;
      if (!interest?.has(note.noteId)) consider(note, undefined);
    }
  }
  return result.sort(byScore).slice(0, max);
}

const stageGroups = new WeakMap<readonly FreshNote[], FreshNote[][]>();

/** The fresh pool split by stage, highest first (each in the pool's order), once per pool. */
function byStage(notes: readonly FreshNote[]): FreshNote[][] {
  let groups = stageGroups.get(notes);
  if (!groups) {
    const stages = new Map<number, FreshNote[]>();
    for (const note of notes) {
      const group = stages.get(note.stage);
      if (group) group.push(note);
      else stages.set(note.stage, [note]);
    }
    groups = [...stages.entries()].sort((a, b) => b[0] - a[0]).map(([, group]) => group);
    stageGroups.set(notes, groups);
  }
  return groups;
}

/** Newest first: the score decays with age (a day old scores half). */
export function followingList(notes: readonly PoolNote[], filter: ViewerFilter, now: Date, max: number): Candidate[] {
  const result: Candidate[] = [];
  for (const note of notes) {
    if (result.length >= max) break;
    if (!filter.allows(note)) continue;
    result.push(candidate(note, 1 / (1 + Math.max(0, now.getTime() - note.createdAt.getTime()) / 86_400_000), 'following', { code: 'following' }));
  }
  return result;
}

/**
 * Trending notes (best first), those the viewer's interest pool also holds first
 * (by that score: what is hot among what they like), then the rest by how fast they rise.
 */
export function trendingList(notes: readonly TrendingNote[], filter: ViewerFilter, max: number, interest?: ReadonlyMap<string, number>): Candidate[] {
  const liked: TrendingNote[] = [];
  const others: TrendingNote[] = [];
  let top = 0;
  for (const note of notes) {
    const inInterest = interest?.has(note.noteId) ?? false;
    // Past `max` of each kind nothing more can make the list.
    if (inInterest ? liked.length >= max : others.length >= max) {
      if (liked.length >= max) break;
      continue;
    }
    if (!filter.allows(note)) continue;
    top = Math.max(top, note.trend);
    (inInterest ? liked : others).push(note);
  }
  liked.sort((a, b) => interest!.get(b.noteId)! - interest!.get(a.noteId)!);
  // Scores only order notes within a source: the liked ones sit above every other trend.
  return [
    ...liked.map((note, rank) => candidate(note, 2 * top + 1 - rank / (liked.length + 1), 'trending', trendingReason(note.trendTopicId))),
    ...others.map((note) => candidate(note, Math.max(note.trend, 0), 'trending', trendingReason(note.trendTopicId))),
  ].slice(0, max);
}

/** The shared explore sample from the viewer's own starting point `start`, so viewers explore different corners of it. */
export function exploreList(notes: ReadonlyArray<PoolNote & { draw: number }>, filter: ViewerFilter, max: number, start = 0): Candidate[] {
  const result: Candidate[] = [];
  const n = notes.length;
  for (let i = 0; i < n && result.length < max; i += 1) {
    const note = notes[(start + i) % n]!;
    if (filter.allows(note)) result.push(candidate(note, note.draw, 'explore', { code: 'explore' }));
  }
  return result;
}

/**
 * A segment's pool: the best notes (the shared popular pool, by quality) with
 * those in the segment's read languages first and its own region's next.
 * Computed once per segment and popular pool (kept while the pool object
 * lives), so a newcomer's page only filters a ready list.
 */
const segments = new WeakMap<readonly PoolNote[], Map<string, Array<{ note: PoolNote; score: number }>>>();

export function segmentPool(notes: readonly PoolNote[], readLanguages: readonly string[], region: string | null | undefined) {
  let bySegment = segments.get(notes);
  if (!bySegment) {
    bySegment = new Map();
    segments.set(notes, bySegment);
  }
  const key = `${readLanguages.join(',')}|${region ?? ''}`;
  let pool = bySegment.get(key);
  if (!pool) {
    pool = notes
      .map((note, rank) => {
        const readsLanguage = note.language !== null && readLanguages.includes(note.language);
        const sameRegion = region != null && note.authorRegion === region;
        return { note, score: (readsLanguage ? 2 : 1) + (sameRegion ? 0.5 : 0) - rank / (notes.length + 1) };
      })
      .sort((a, b) => b.score - a.score);
    // Segments are few (languages × regions) but unbounded in principle: keep the most recent hundreds.
    if (bySegment.size >= 500) bySegment.clear();
    bySegment.set(key, pool);
  }
  return pool;
}

/** Notes of the viewer's segment pool that they may see, best first. */
export function popularList(notes: readonly PoolNote[], filter: ViewerFilter, max: number): Candidate[] {
  const result: Candidate[] = [];
  for (const { note, score } of segmentPool(notes, filter.readLanguages, filter.region)) {
    if (!filter.allows(note)) continue;
    result.push(candidate(note, score, 'popular', popularReason(note.language, filter.readLanguages)));
    if (result.length >= max) break;
  }
  return result;
}
