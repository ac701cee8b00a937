import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { effectiveReadLanguages } from '../language/viewer-languages.js';
import { exploreNotes, exploreSeed, noteIdRange } from './explore-source.js';
import { followingNotes } from './following-source.js';
import { type InterestNote, interestCandidates } from './interest-source.js';
import type { PoolNote } from './pool-note.js';

// What the Recommender keeps per signed-in viewer between pages: who they are,
// what they must not be shown again, and their personal candidate pools.

export interface ViewerBase {
  userId: string;
  personalised: boolean;
  readLanguages: string[];
  region: string;
  /** "Show me notes only in these languages": the read languages, else null (no filter). */
  onlyLanguages: string[] | null;
  /** Served within seenDays (grows as pages are served). */
  served: Set<string>;
  /** Engaged with (any rec_affinity row) or marked "not interested". */
  excluded: Set<string>;
  /** The viewer's liked topics (rec_user_topics), strongest first. */
  topicWeights: Map<string, number>;
}

export interface ViewerPools {
  interest: InterestNote[];
  following: PoolNote[];
  explore: Array<PoolNote & { draw: number }>;
}

/** Candidates kept per viewer: enough for many pages before the pool is rebuilt. */
const INTEREST_POOL = 400;

export function seenSince(now: Date, settings: RecommenderSettings): Date {
  return new Date(now.getTime() - settings.seenDays * 86_400_000);
}

export async function loadViewerBase(
  db: Db,
  viewerId: string,
  now: Date,
  settings: RecommenderSettings,
  unwritten: readonly string[],
): Promise<ViewerBase | null> {
  const [user, served, excluded, topics] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'feed_personalised', 'feed_languages_only', 'read_languages', 'language', 'region'])
      .where('id', '=', viewerId)
      .executeTakeFirst(),
    db.selectFrom('rec_served').select('note_id').where('user_id', '=', viewerId).where('served_at', '>', seenSince(now, settings)).execute(),
    sql<{ note_id: string }>`
      select note_id from rec_affinity where user_id = ${viewerId}
      union select note_id from not_interested where user_id = ${viewerId}`.execute(db),
    db
      .selectFrom('rec_user_topics')
      .select(['topic_id', 'weight'])
      .where('user_id', '=', viewerId)
      .where('weight', '>', 0)
      .orderBy('weight', 'desc')
      .limit(50)
      .execute(),
  ]);
  if (!user) return null;
  return {
    userId: viewerId,
    personalised: user.feed_personalised,
    readLanguages: effectiveReadLanguages(user),
    region: user.region,
    onlyLanguages: user.feed_languages_only ? effectiveReadLanguages(user) : null,
    served: new Set([...served.map((row) => String(row.note_id)), ...unwritten]),
    excluded: new Set(excluded.rows.map((row) => String(row.note_id))),
    topicWeights: new Map(topics.map((row) => [String(row.topic_id), Number(row.weight)])),
  };
}

export async function loadViewerPools(db: Db, base: ViewerBase, settings: RecommenderSettings, options: { now: Date; kind?: 'video' }): Promise<ViewerPools> {
  const { now, kind } = options;
  const range = await noteIdRange(db);
  const [interest, following, explore] = await Promise.all([
    base.personalised
      ? interestCandidates(db, base.userId, settings, { limit: INTEREST_POOL, kind, seenSince: seenSince(now, settings) })
      : Promise.resolve([]),
    followingNotes(db, base.userId, { now, kind }),
    base.personalised && range ? exploreNotes(db, range, { seed: exploreSeed(base.userId, now), now, kind }) : Promise.resolve([]),
  ]);
  return { interest, following, explore };
}
