import type { Db } from '../../db/database.js';
import { creatorExposure, newNotesByStage } from './fairness-queries.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Small creator" line of the issue: reach that does not come from an existing audience. */
export const SMALL_CREATOR_FOLLOWERS = 1000;

export interface FeedFairness {
  since: string;
  until: string;
  impressions: number;
  /** Creators whose notes were shown at least once in the window. */
  creators: number;
  /** Share of impressions that went to creators with fewer than 1,000 followers. */
  shareUnder1kFollowers: number;
  /** 0 = every creator shown equally often, → 1 = one creator got everything. */
  impressionGini: number;
  /** New notes eligible for recommendation (the stage shares are of these). */
  newNotes: number;
  /** New notes held, removed or limited by moderation, or by suspended accounts: out of the count. */
  moderatedOut: number;
  /** For each stage, how many of the window's new notes got at least that far. */
  stageReach: Array<{ stage: number; notes: number; share: number }>;
}

/**
 * Gini coefficient of non-negative amounts, via the sorted form
 * G = 2·Σ i·x_(i) / (n·Σx) − (n+1)/n with x sorted ascending and i from 1.
 */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((sum, value) => sum + value, 0);
  if (n === 0 || total === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const weighted = sorted.reduce((sum, value, index) => sum + (index + 1) * value, 0);
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/** The last day's exposure fairness, for the admin page: is reach earned, or inherited from fame? */
export async function feedFairness(db: Db, stageCount: number, now: Date): Promise<FeedFairness> {
  const since = new Date(now.getTime() - DAY_MS);
  const [exposure, byStage] = await Promise.all([creatorExposure(db, since, now), newNotesByStage(db, since, now)]);
  const stages = byStage.filter((row) => row.eligible);
  const moderatedOut = byStage.filter((row) => !row.eligible).reduce((sum, row) => sum + row.notes, 0);
  const impressions = exposure.reduce((sum, creator) => sum + creator.impressions, 0);
  const toSmall = exposure.filter((creator) => creator.followers < SMALL_CREATOR_FOLLOWERS).reduce((sum, creator) => sum + creator.impressions, 0);
  const newNotes = stages.reduce((sum, row) => sum + row.notes, 0);
  const stageReach = Array.from({ length: stageCount }, (_, index) => {
    const stage = index + 1;
    const notes = stages.filter((row) => row.stage !== null && row.stage >= stage).reduce((sum, row) => sum + row.notes, 0);
    return { stage, notes, share: newNotes > 0 ? round(notes / newNotes) : 0 };
  });
  return {
    since: since.toISOString(),
    until: now.toISOString(),
    impressions,
    creators: exposure.length,
    shareUnder1kFollowers: impressions > 0 ? round(toSmall / impressions) : 0,
    impressionGini: round(gini(exposure.map((creator) => creator.impressions))),
    newNotes,
    moderatedOut,
    stageReach,
  };
}
