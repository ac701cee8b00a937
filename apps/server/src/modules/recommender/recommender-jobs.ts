import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { foldAffinity } from './affinity-job.js';
import { type QualityRun, updateNoteQuality } from './quality-job.js';
import { type SimilarityRun, updateSimilarities } from './similarity-job.js';
import { updatePools } from './pool-job.js';
import { updateTrending } from './trending-job.js';

// The recommender's scheduled work, in dependency order: affinities first
// (everything else reads them), the pools of the people who just acted, then
// quality and stages, trending, and the item model (similarities: a full
// rebuild chooses and trains the model and rebuilds every pool; an
// incremental run only refreshes the notes with new engagement). The server
// runs the cheap parts every 30 s and the similarities every 10 min (a full
// rebuild every FULL_REBUILD_MS); seeding and offline evaluation run it all.

export interface RecommenderJobParts {
  affinity?: boolean;
  /** Rebuild the pools of people whose affinities changed, and of those who asked. */
  pools?: boolean;
  quality?: boolean;
  trending?: boolean;
  similarities?: false | 'full' | 'incremental';
}

export interface RecommenderJobsRun {
  affinityEvents?: number;
  pools?: number;
  quality?: QualityRun;
  trending?: number;
  similarities?: SimilarityRun;
  ms: number;
  /** Milliseconds per part that ran (seeding and the bench report them). */
  partsMs: Partial<Record<'affinity' | 'quality' | 'trending' | 'similarities' | 'pools', number>>;
}

export const CHEAP_JOBS: RecommenderJobParts = { affinity: true, pools: true, quality: true, trending: true, similarities: false };
/** How often the similarity schedule re-chooses and retrains the model from scratch instead of refreshing rows. */
export const FULL_REBUILD_MS = 6 * 60 * 60 * 1000;

export async function runRecommenderJobs(
  db: Db,
  settings: RecommenderSettings,
  now: Date,
  parts: RecommenderJobParts = { affinity: true, quality: true, trending: true, similarities: 'full' },
): Promise<RecommenderJobsRun> {
  const started = Date.now();
  const run: RecommenderJobsRun = { ms: 0, partsMs: {} };
  let at = started;
  const timed = (part: keyof RecommenderJobsRun['partsMs']) => {
    run.partsMs[part] = Date.now() - at;
    at = Date.now();
  };
  const active = new Set<string>();
  if (parts.affinity) {
    const folded = await foldAffinity(db, settings, now);
    run.affinityEvents = folded.events;
    for (const userId of folded.people) active.add(userId);
    timed('affinity');
  }
  if (parts.quality) {
    run.quality = await updateNoteQuality(db, settings, now);
    timed('quality');
  }
  if (parts.trending) {
    run.trending = await updateTrending(db, settings, now);
    timed('trending');
  }
  if (parts.similarities) {
    run.similarities = await updateSimilarities(db, settings, now, { full: parts.similarities === 'full' });
    // People who engaged with the notes that just got new neighbours see them in their pools at once.
    for (const userId of run.similarities.engagers ?? []) active.add(userId);
    timed('similarities');
  }
  // A full rebuild rebuilt every pool already.
  if (parts.pools && run.similarities?.mode !== 'full') {
    run.pools = await updatePools(db, settings, now, active);
    timed('pools');
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

/** What the similarity schedule runs now: a full rebuild when the model was last chosen FULL_REBUILD_MS ago (or never). */
export async function similarityMode(db: Db, now: Date): Promise<'full' | 'incremental'> {
  const row = await db.selectFrom('rec_job_state').select('details').where('name', '=', SIMILARITIES_JOB).executeTakeFirst();
  const chosenAt = (row?.details as { chosenAt?: string } | null | undefined)?.chosenAt;
  return chosenAt && now.getTime() - new Date(chosenAt).getTime() < FULL_REBUILD_MS ? 'incremental' : 'full';
}
