import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { RecommenderSettings } from '../../config/recommender-settings.js';
import { kindFilter, liveNote, type PoolNote, type PoolNoteRow, poolNoteColumns, toPoolNote } from './pool-note.js';

// Notes close to the viewer's interests, as in the offline prototype:
//   note-neighbour score  s1_j = Σ_{i in recent history} sim(i, j)            (RP3beta, rec_note_neighbors)
//   people-like-you score s2_j = Σ_v sim(u, v)² · [v engaged j] / pop_j^userBeta (rec_user_neighbors)
//   interest_j = s1_j / max s1 + userWeight · s2_j / max s2 + topicWeight · t_j / max t
// where t_j sums the viewer's rec_user_topics weights over the note's topics.
// Maxima are taken before removing what the viewer already engaged with, as
// the prototype does, so the order matches it exactly.

export interface InterestNote extends PoolNote {
  score: number;
  noteScore: number;
  peerScore: number;
  topicScore: number;
  /** The viewer's strongest liked topic among the note's topics. */
  bestTopicId: string | null;
}

/** Neighbour notes counted for pop_j at most: keeps the people-like-you part bounded for heavy users. */
const PEER_NOTES_CAP = 2000;
const LIKED_TOPICS = 5;
/** Best neighbour-scored notes that get topic scores and filters: the pool is cut from these. */
const SHORTLIST = 1000;
const NOTES_PER_TOPIC = 60;

type InterestOptions = { limit: number; kind?: 'video'; seenSince: Date };

export async function interestCandidates(db: Db, viewerId: string, settings: RecommenderSettings, options: InterestOptions): Promise<InterestNote[]> {
  const { rows } = await interestQuery(viewerId, settings, options).execute(db);
  return rows.map((row) => ({
    ...toPoolNote(row),
    score: Number(row.score),
    noteScore: Number(row.note_score),
    peerScore: Number(row.peer_score),
    topicScore: Number(row.topic_score),
    bestTopicId: row.best_topic === null ? null : String(row.best_topic),
  }));
}

/** The statement alone (to inspect its plan). */
export function interestQuery(viewerId: string, settings: RecommenderSettings, options: InterestOptions) {
  const { neighbors } = settings;
  return sql<PoolNoteRow & { note_score: number; peer_score: number; topic_score: number; best_topic: string | null; score: number }>`
    with history as (
      select note_id from rec_affinity where user_id = ${viewerId} and strength > 0 order by last_at desc limit ${neighbors.historyCap}
    ), by_note as (
      select nn.neighbor_id as note_id, sum(nn.score)::float8 as score
      from history h join rec_note_neighbors nn on nn.note_id = h.note_id
      group by nn.neighbor_id
    ), peer_raw as (
      select a.note_id, sum(p.score::float8 * p.score::float8) as score
      from rec_user_neighbors p join rec_affinity a on a.user_id = p.neighbor_id and a.strength > 0
      where p.user_id = ${viewerId}
      group by a.note_id
      order by 2 desc limit ${PEER_NOTES_CAP}
    ), by_peer as (
      -- pop_j counts every row (an index-only count; reading strength would visit the table for each of them).
      select r.note_id, r.score / power(greatest((select count(*) from rec_affinity c where c.note_id = r.note_id), 1), ${neighbors.userBeta}) as score
      from peer_raw r
    ), liked_topics as (
      select topic_id, weight::float8 as weight from rec_user_topics where user_id = ${viewerId} and weight > 0 order by weight desc limit 50
    ), by_topic as (
      select t.note_id from (select topic_id from liked_topics order by weight desc limit ${LIKED_TOPICS}) lt
      cross join lateral (
        select nt.note_id from note_topics nt where nt.topic_id = lt.topic_id order by nt.created_at desc, nt.note_id desc limit ${NOTES_PER_TOPIC}
      ) t
    ), neighbours as (
      select coalesce(b.note_id, p.note_id) as note_id, coalesce(b.score, 0) as note_score, coalesce(p.score, 0) as peer_score
      from by_note b full join by_peer p on p.note_id = b.note_id
    ), neighbour_max as (
      select coalesce(nullif(max(note_score), 0), 1) as n, coalesce(nullif(max(peer_score), 0), 1) as p from neighbours
    ), shortlist as (
      -- Topic scores are looked up for the best neighbours only (and the liked topics' own notes).
      select note_id, max(note_score) as note_score, max(peer_score) as peer_score from (
        (select s.note_id, s.note_score, s.peer_score from neighbours s cross join neighbour_max x
         order by s.note_score / x.n + ${neighbors.userWeight}::float8 * s.peer_score / x.p desc limit ${SHORTLIST})
        union all
        select note_id, 0, 0 from by_topic
      ) candidates group by note_id
    ), with_topics as (
      select m.note_id, max(m.note_score) as note_score, max(m.peer_score) as peer_score,
             coalesce(sum(lt.weight), 0) as topic_score,
             (array_agg(lt.topic_id order by lt.weight desc, lt.topic_id) filter (where lt.topic_id is not null))[1] as best_topic
      from shortlist m
      left join note_topics nt on nt.note_id = m.note_id
      left join liked_topics lt on lt.topic_id = nt.topic_id
      group by m.note_id
    ), maxima as (
      select x.n, x.p, coalesce(nullif(max(w.topic_score), 0), 1) as t from with_topics w cross join neighbour_max x group by x.n, x.p
    ), ranked as (
      select w.note_id as id, w.note_score, w.peer_score, w.topic_score, w.best_topic,
             w.note_score / x.n + ${neighbors.userWeight}::float8 * w.peer_score / x.p + ${settings.topicWeight}::float8 * w.topic_score / x.t as score
      from with_topics w cross join maxima x
      join notes on notes.id = w.note_id
      where ${liveNote} and ${kindFilter(options.kind)}
      and notes.author_id <> ${viewerId}
      and not exists (select 1 from rec_affinity e where e.user_id = ${viewerId} and e.note_id = notes.id)
      and not exists (select 1 from not_interested ni where ni.user_id = ${viewerId} and ni.note_id = notes.id)
      and not exists (select 1 from rec_served s where s.user_id = ${viewerId} and s.note_id = notes.id and s.served_at > ${options.seenSince})
      order by score desc, notes.id
      limit ${options.limit}
    )
    -- Quality and topics are read for the pool only.
    select ${poolNoteColumns}, r.note_score, r.peer_score, r.topic_score, r.best_topic, r.score
    from ranked r join notes on notes.id = r.id left join rec_note_quality q on q.note_id = notes.id
    order by r.score desc, notes.id`;
}
