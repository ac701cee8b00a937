import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { foldAffinity } from './affinity-job.js';
import { type QualityRun, updateNoteQuality } from './quality-job.js';
import { type SimilarityRun, updateSimilarities } from './similarity-job.js';
import { updateTrending } from './trending-job.js';

// The recommender's scheduled work, in dependency order: affinities first
// (the similarities read them), then quality and stages, trending, and the
// heavy similarities. The server runs the cheap parts every 30 s and the
// similarities every 10 min; seeding and offline evaluation run them all.

export interface RecommenderJobParts {
  affinity?: boolean;
  quality?: boolean;
  trending?: boolean;
  similarities?: boolean;
}

export interface RecommenderJobsRun {
  affinityEvents?: number;
  quality?: QualityRun;
  trending?: number;
  similarities?: SimilarityRun;
  ms: number;
}

export const CHEAP_JOBS: RecommenderJobParts = { affinity: true, quality: true, trending: true, similarities: false };

export async function runRecommenderJobs(
  db: Db,
  settings: RecommenderSettings,
  now: Date,
  parts: RecommenderJobParts = { affinity: true, quality: true, trending: true, similarities: true },
): Promise<RecommenderJobsRun> {
  const started = Date.now();
  const run: RecommenderJobsRun = { ms: 0 };
  if (parts.affinity) run.affinityEvents = await foldAffinity(db, settings, now);
  if (parts.quality) run.quality = await updateNoteQuality(db, settings, now);
  if (parts.trending) run.trending = await updateTrending(db, settings, now);
  if (parts.similarities) run.similarities = await updateSimilarities(db, settings);
  run.ms = Date.now() - started;
  return run;
}
