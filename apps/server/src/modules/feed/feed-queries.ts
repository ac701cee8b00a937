import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { PREPARED } from '../../db/prepared.js';

// Skeletons: ids in feed order plus their sort keys. Hydration happens elsewhere.

export interface RankedId {
  id: string;
  score: number;
}

export interface DatedId {
  id: string;
  at: Date;
}

/** Video notes join feeds once their video is ready; until then only the author's profile shows them. */
export const playableNote = sql<boolean>`(notes.kind <> 'video' or exists (select 1 from videos where videos.note_id = notes.id and videos.status = 'ready'))`;

interface Window<K> {
  after: K | null;
  limit: number;
  /** The viewer's visibility pre-filter over `notes` (kernel/visible-notes-sql.ts). */
  visible: RawBuilder<boolean>;
}

export async function rankedNoteIds(db: Db, window: Window<[number, string]> & { topicId?: string }): Promise<RankedId[]> {
  let query = db
    .selectFrom('note_rank')
    .innerJoin('notes', 'notes.id', 'note_rank.note_id')
    .select(['note_rank.note_id as id', 'note_rank.score'])
    .where(window.visible)
    .where(playableNote);
  if (window.topicId) {
    query = query.where('note_rank.note_id', 'in', (eb) => eb.selectFrom('note_topics').select('note_id').where('topic_id', '=', window.topicId!));
  }
  if (window.after) {
    const [score, id] = window.after;
    query = query.where(sql<boolean>`(note_rank.score, note_rank.note_id) < (${score}, ${id}::bigint)`);
  }
  return query
    .orderBy('note_rank.score', 'desc')
    .orderBy('note_rank.note_id', 'desc')
    .limit(window.limit + 1)
    .execute();
}

/**
 * The Following tab: a top-N merge of per-followee keyset scans. Each followee
 * gives at most a page of its newest visible notes below the cursor (an
 * index-only range scan of notes_author_covering_idx: author, created_at desc,
 * id desc, with the pre-filter's columns), and the merge keeps the newest
 * page of those, so the work is bounded by followees × page and not by how
 * much the followees ever posted.
 */
export async function followingNoteIds(db: Db, viewerId: string, window: Window<[Date, string]>): Promise<DatedId[]> {
  const below = window.after ? sql`and (notes.created_at, notes.id) < (${window.after[0]}, ${window.after[1]}::bigint)` : sql``;
  const { rows } = await sql<DatedId>`${PREPARED}
    select latest.id::text as id, latest.created_at as at
    from follows
    cross join lateral (
      select notes.id, notes.created_at from notes
      where notes.author_id = follows.followee_id and ${window.visible} and ${playableNote} ${below}
      order by notes.created_at desc, notes.id desc
      limit ${window.limit + 1}
    ) latest
    where follows.follower_id = ${viewerId}
    order by latest.created_at desc, latest.id desc
    limit ${window.limit + 1}`.execute(db);
  return rows;
}

export async function authorNoteIds(db: Db, authorId: string, window: Window<[Date, string]> & { includeUnplayable?: boolean }): Promise<DatedId[]> {
  let query = db.selectFrom('notes').modifyFront(PREPARED).select(['id', 'created_at as at']).where(window.visible).where('author_id', '=', authorId);
  if (!window.includeUnplayable) query = query.where(playableNote);
  if (window.after) query = query.where(sql<boolean>`(created_at, id) < (${window.after[0]}, ${window.after[1]}::bigint)`);
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(window.limit + 1)
    .execute();
}

export async function topicLatestNoteIds(db: Db, topicId: string, window: Window<[Date, string]>): Promise<DatedId[]> {
  let query = db
    .selectFrom('note_topics')
    .innerJoin('notes', 'notes.id', 'note_topics.note_id')
    .select(['note_topics.note_id as id', 'note_topics.created_at as at'])
    .where('note_topics.topic_id', '=', topicId)
    .where(window.visible)
    .where(playableNote);
  if (window.after) {
    query = query.where(sql<boolean>`(note_topics.created_at, note_topics.note_id) < (${window.after[0]}, ${window.after[1]}::bigint)`);
  }
  return query
    .orderBy('note_topics.created_at', 'desc')
    .orderBy('note_topics.note_id', 'desc')
    .limit(window.limit + 1)
    .execute();
}

/**
 * The explore order until the recommender lands: engagement per note, decayed
 * by age (likes 1, collects 2, comments 3, plus 1 so new notes start above 0,
 * divided by (hours + 2)^1.5). Recomputed for every live note by a periodic job.
 */
export async function refreshNoteRanks(db: Db, now: Date): Promise<number> {
  const result = await sql`
    insert into note_rank (note_id, score, computed_at)
    select n.id,
           (1 + coalesce(c.likes, 0) + 2 * coalesce(c.collects, 0) + 3 * coalesce(c.comments, 0))
             / power(greatest(extract(epoch from (${now}::timestamptz - n.created_at)) / 3600, 0) + 2, 1.5),
           ${now}::timestamptz
    from notes n
    left join (
      select note_id, sum(likes) as likes, sum(collects) as collects, sum(comments) as comments
      from note_counters group by note_id
    ) c on c.note_id = n.id
    where n.deleted_at is null
    on conflict (note_id) do update set score = excluded.score, computed_at = excluded.computed_at`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
