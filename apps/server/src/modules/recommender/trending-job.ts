import { sql } from 'kysely';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { ENGAGEMENT_TYPES, engagementDelta, typeIn } from './signal-weights.js';

// Trending: the notes gaining engagement fastest, from the last two days of
// signals with a six-hour half-life (so an hour-old burst beats last night's),
// each tagged with its hottest topic for "trending in #…". Recomputed whole
// and swapped in one transaction.

const WINDOW_HOURS = 48;
const HALF_LIFE_HOURS = 6;
const SIZE = 1000;

export async function updateTrending(db: Db, settings: RecommenderSettings, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    // Another worker is replacing the list right now: its list will do.
    const lock = await sql<{ ok: boolean }>`select pg_try_advisory_xact_lock(hashtext('qiao:rec_trending')) as ok`.execute(trx);
    if (!lock.rows[0]?.ok) return 0;
    await sql`delete from rec_trending`.execute(trx);
    const inserted = await sql`
      with recent as (
        select e.note_id,
          sum(${engagementDelta(settings, 'e')} * exp(-ln(2) * extract(epoch from (${now}::timestamptz - e.occurred_at)) / ${HALF_LIFE_HOURS * 3600}::float8)) as score
        from events e
        where ${typeIn('e', ENGAGEMENT_TYPES)}
          and e.occurred_at > ${now}::timestamptz - ${`${WINDOW_HOURS} hours`}::interval and e.occurred_at <= ${now}
        group by e.note_id
      ), top as (
        select r.note_id, r.score from recent r join notes n on n.id = r.note_id
        where r.score > 0 and n.deleted_at is null
          and (n.kind <> 'video' or exists (select 1 from videos v where v.note_id = n.id and v.status = 'ready'))
        order by r.score desc, r.note_id desc
        limit ${SIZE}
      ), topic_heat as (
        select nt.topic_id, sum(t.score) as heat from top t join note_topics nt on nt.note_id = t.note_id group by nt.topic_id
      )
      insert into rec_trending (note_id, score, topic_id, computed_at)
      select t.note_id, t.score::real,
        (select nt.topic_id from note_topics nt join topic_heat h on h.topic_id = nt.topic_id where nt.note_id = t.note_id order by h.heat desc, nt.topic_id limit 1),
        ${now}
      from top t`.execute(trx);
    return Number(inserted.numAffectedRows ?? 0);
  });
}
