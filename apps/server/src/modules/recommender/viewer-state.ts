import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { effectiveReadLanguages } from '../language/viewer-languages.js';
import { followingNotes } from './following-source.js';
import type { PoolNote } from './pool-note.js';
import { SeenNotes } from './seen-filter.js';

// What the Recommender keeps per signed-in viewer between pages: who they
// are, what they must not be shown again, and their precomputed interest pool.
// A first page costs two indexed reads (this row with its seen filter, and the
// pool), plus the latest notes of the people they follow when they follow anyone.

export interface ViewerBase {
  userId: string;
  personalised: boolean;
  readLanguages: string[];
  region: string;
  /** "Show me notes only in these languages": the read languages, else null (no filter). */
  onlyLanguages: string[] | null;
  /** Served or engaged with (the stored filter) … */
  seen: SeenNotes;
  /** … and served by this process since (not yet in the stored filter, or written after it was read). */
  servedSince: Set<string>;
  /** Marked "not interested" (kept apart from the seen filter: it can be undone). */
  dismissed: Set<string>;
  /** The viewer's liked topics (rec_user_topics), strongest first. */
  topicWeights: Map<string, number>;
  followsAnyone: boolean;
}

export interface InterestEntry {
  noteId: string;
  score: number;
}

export interface ViewerPools {
  interest: InterestEntry[];
  /** The same entries by note id. */
  interestScores: Map<string, number>;
  following: PoolNote[];
  /** When the interest pool was built (null: there is none yet). */
  builtAt: Date | null;
  /** This process asked the pool job to rebuild it (wantPool). */
  rebuildAsked?: boolean;
}

/** "Not interested" marks read per session: the latest ones (older ones are long served and seen). */
const DISMISSED_CAP = 1000;

export async function loadViewerBase(db: Db, viewerId: string, unwritten: readonly string[]): Promise<ViewerBase | null> {
  const { rows } = await sql<{
    feed_personalised: boolean;
    feed_languages_only: boolean;
    read_languages: string[];
    language: string;
    region: string;
    current: Buffer | null;
    previous: Buffer | null;
    follows_anyone: boolean;
    topic_ids: string[];
    topic_weights: number[];
    dismissed: string[];
  }>`
    select u.feed_personalised, u.feed_languages_only, u.read_languages, u.language, u.region, s.current, s.previous,
      exists (select 1 from follows f where f.follower_id = u.id) as follows_anyone,
      coalesce(t.ids, '{}') as topic_ids, coalesce(t.weights, '{}') as topic_weights,
      array(select ni.note_id::text from not_interested ni where ni.user_id = u.id order by ni.created_at desc limit ${DISMISSED_CAP}) as dismissed
    from users u
    left join rec_seen s on s.user_id = u.id
    left join lateral (
      select array_agg(x.topic_id::text order by x.weight desc) as ids, array_agg(x.weight::float8 order by x.weight desc) as weights
      from (select topic_id, weight from rec_user_topics where user_id = u.id and weight > 0 order by weight desc limit 50) x
    ) t on true
    where u.id = ${viewerId}`.execute(db);
  const user = rows[0];
  if (!user) return null;
  const readLanguages = effectiveReadLanguages(user);
  return {
    userId: viewerId,
    personalised: user.feed_personalised,
    readLanguages,
    region: user.region,
    onlyLanguages: user.feed_languages_only ? readLanguages : null,
    seen: SeenNotes.fromRow(user.current, user.previous),
    servedSince: new Set(unwritten),
    dismissed: new Set(user.dismissed),
    topicWeights: new Map(user.topic_ids.map((id, i) => [id, Number(user.topic_weights[i])])),
    followsAnyone: user.follows_anyone,
  };
}

export async function loadViewerPools(db: Db, base: ViewerBase, options: { now: Date; kind?: 'video' }): Promise<ViewerPools> {
  const [pool, following] = await Promise.all([
    base.personalised
      ? db
          .selectFrom('rec_pools')
          .select(['note_ids', 'scores', 'built_at'])
          .where('user_id', '=', base.userId)
          .where('kind', '=', options.kind ?? 'all')
          .executeTakeFirst()
      : Promise.resolve(undefined),
    base.followsAnyone ? followingNotes(db, base.userId, options) : Promise.resolve([]),
  ]);
  const interest = (pool?.note_ids ?? []).map((noteId, i) => ({ noteId: String(noteId), score: Number(pool!.scores[i]) }));
  return {
    interest,
    interestScores: new Map(interest.map((entry) => [entry.noteId, entry.score])),
    following,
    builtAt: pool?.built_at ?? null,
  };
}

/** Asks the pool job to rebuild a pool the viewer has mostly used up (one write per pool and rebuild). */
export async function wantPool(db: Db, viewerId: string, kind: 'video' | undefined, now: Date): Promise<void> {
  await db
    .updateTable('rec_pools')
    .set({ wanted_at: now })
    .where('user_id', '=', viewerId)
    .where('kind', '=', kind ?? 'all')
    .where('wanted_at', 'is', null)
    .execute();
}
