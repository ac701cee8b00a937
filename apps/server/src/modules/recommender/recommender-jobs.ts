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
  if (parts.similarities) {
    run.similarities = await updateSimilarities(db, settings);
    await db
      .insertInto('rec_job_state')
      .values({ name: SIMILARITIES_JOB, ran_at: now })
      .onConflict((oc) => oc.column('name').doUpdateSet({ ran_at: now }))
      .execute();
  }
  run.ms = Date.now() - started;
  return run;
}

const SIMILARITIES_JOB = 'similarities';

/**
 * Whether similarities were recomputed within `maxAgeMs` (by any process): a
 * restarting worker then waits for its schedule instead of redoing the
 * heaviest job at boot, while serving traffic.
 */
export async function similaritiesAreFresh(db: Db, now: Date, maxAgeMs: number): Promise<boolean> {
  const row = await db.selectFrom('rec_job_state').select('ran_at').where('name', '=', SIMILARITIES_JOB).executeTakeFirst();
  return Boolean(row?.ran_at && now.getTime() - row.ran_at.getTime() < maxAgeMs);
}
