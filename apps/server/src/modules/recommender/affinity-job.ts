import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { foldEvents } from './event-cursor.js';
import { addToSeen } from './seen-filter.js';
import { ENGAGEMENT_TYPES, engagementDelta, typeIn } from './signal-weights.js';

// Folds new signed-in engagement from `events` into rec_affinity (how much
// each person cares about each note) and rec_user_topics (about each topic).
// Incremental: every event is added exactly once, so running twice changes
// nothing and an unlike takes back what the like gave. Strength can fall to 0
// or below ("not interested", reports): the note stays known as seen, and the
// similarity jobs read only positive strength.

const SEEN_TYPES = ENGAGEMENT_TYPES.filter((type) => type !== 'not_interested');

export interface AffinityRun {
  events: number;
  /** People whose affinities changed: their pools are rebuilt next. */
  people: Set<string>;
}

export async function foldAffinity(db: Db, settings: RecommenderSettings, now: Date): Promise<AffinityRun> {
  const people = new Set<string>();
  const events = await foldEvents(db, 'affinity', now, async (trx, slice) => {
    await sql`
      with batch as (
        select e.user_id, e.note_id, sum(${engagementDelta(settings, 'e')})::real as delta, max(e.occurred_at) as last_at
        from events e
        where e.id > ${slice.afterId} and e.id <= ${slice.upToId} and e.user_id is not null and ${typeIn('e', ENGAGEMENT_TYPES)}
        group by e.user_id, e.note_id
      ), affinity as (
        insert into rec_affinity (user_id, note_id, strength, last_at)
        -- In key order: the primary key and the per-person index then grow in runs instead of at random pages.
        select user_id, note_id, delta, last_at from batch order by user_id, note_id
        on conflict (user_id, note_id) do update
          set strength = rec_affinity.strength + excluded.strength, last_at = greatest(rec_affinity.last_at, excluded.last_at)
      )
      insert into rec_user_topics (user_id, topic_id, weight)
      select b.user_id, nt.topic_id, sum(b.delta) from batch b join note_topics nt on nt.note_id = b.note_id
      group by b.user_id, nt.topic_id
      on conflict (user_id, topic_id) do update set weight = rec_user_topics.weight + excluded.weight`.execute(trx);
    // What someone engaged with (or reported) is seen: For you never offers it again. "Not
    // interested" can be undone, so it stays out of the filter (the viewer state reads it).
    const engaged = await sql<{ user_id: string; note_ids: string[] }>`
      select e.user_id::text as user_id, array_agg(distinct e.note_id)::text[] as note_ids from events e
      where e.id > ${slice.afterId} and e.id <= ${slice.upToId} and e.user_id is not null and e.note_id is not null
        and ${typeIn('e', SEEN_TYPES)}
      group by e.user_id`.execute(trx);
    const byUser = new Map(engaged.rows.map((row) => [row.user_id, row.note_ids]));
    await addToSeen(trx, byUser, now, settings.seenDays);
    for (const userId of byUser.keys()) people.add(userId);
  });
  return { events, people };
}
