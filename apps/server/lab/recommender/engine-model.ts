import { DEFAULT_POLICY } from '../../src/config/moderation-policy.js';
import { ViewerContexts } from '../../src/kernel/viewer-context.js';
import type { RecommenderSettings } from '../../src/config/recommender-settings.js';
import type { Insertable } from 'kysely';
import type { Db } from '../../src/db/database.js';
import type { RecSeenTable } from '../../src/db/tables/recommender.js';
import { Recommender, runRecommenderJobs } from '../../src/modules/recommender/engine.js';
import type { Ingested } from './ingest.js';

// The `qiao` model: the real engine on the ingested training data. Jobs run at
// the clock just after the last training interaction, then each test user asks
// the same Recommender the For you feed uses for one page of k notes.

export interface EngineVariant {
  name: string;
  settings: RecommenderSettings;
}

export interface EngineRun {
  /** Item indices per evaluated user, in the order served. */
  recommendations: number[][];
  /** How many served notes each candidate source produced. */
  sources: Record<string, number>;
}

const CONCURRENCY = 4;
/** Per database: its seen filters as the first variant's jobs left them. */
const seenSnapshots = new WeakMap<Db, Insertable<RecSeenTable>[]>();

export async function runEngine(db: Db, ingested: Ingested, settings: RecommenderSettings, users: readonly number[], k: number): Promise<EngineRun> {
  // Each variant starts from the same state: nothing served yet (a page served
  // under other settings would otherwise be excluded as already seen). Serving
  // writes the served log and the seen filters (rec_seen) together: both go
  // back to what the first variant's jobs left, before any page was served.
  await db.deleteFrom('rec_served').execute();
  const snapshot = seenSnapshots.get(db);
  if (snapshot) {
    await db.deleteFrom('rec_seen').execute();
    for (let start = 0; start < snapshot.length; start += 500)
      await db
        .insertInto('rec_seen')
        .values(snapshot.slice(start, start + 500))
        .execute();
  }
  await runRecommenderJobs(db, settings, ingested.now);
  if (!snapshot) seenSnapshots.set(db, await db.selectFrom('rec_seen').selectAll().execute());
  const recommender = new Recommender(db, settings, { cacheMs: 0 });
  const contexts = new ViewerContexts(db, DEFAULT_POLICY);
  const recommendations: number[][] = new Array(users.length);
  const sources: Record<string, number> = {};
  let next = 0;
  const worker = async () => {
    while (next < users.length) {
      const index = next;
      next += 1;
      const context = (await contexts.forUserId(ingested.userIds[users[index]!]!, ingested.now)) ?? contexts.anonymous();
      const page = await recommender.recommend({ context, now: ingested.now, limit: k });
      recommendations[index] = page.flatMap((item) => {
        sources[item.source] = (sources[item.source] ?? 0) + 1;
        const found = ingested.itemByNoteId.get(item.noteId);
        return found === undefined ? [] : [found];
      });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await recommender.stop();
  return { recommendations, sources };
}
