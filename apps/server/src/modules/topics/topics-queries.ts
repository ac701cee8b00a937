import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { TopicRow } from '../../db/tables/topics.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { topicKey } from '../notes/note-text.js';

export function findTopicByName(db: Db, name: string): Promise<TopicRow | undefined> {
  return db.selectFrom('topics').selectAll().where('name_key', '=', topicKey(name)).executeTakeFirst();
}

/**
 * Trending = growth, not size: activity (views, and discussions weighted 20×)
 * in the last 24 hours minus the 24 hours before. A huge old topic that is flat
 * ranks below a small one taking off.
 */
export async function trendingTopics(db: Db, now: Date, limit: number): Promise<Array<TopicRow & { growth: number }>> {
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const twoDaysAgo = new Date(now.getTime() - 48 * 3_600_000);
  const rows = await sql<TopicRow & { growth: string; recent: string }>`
    select t.*, a.recent - a.previous as growth, a.recent
    from (
      select topic_id,
             coalesce(sum(views + 20 * discussions) filter (where hour >= ${dayAgo}), 0) as recent,
             coalesce(sum(views + 20 * discussions) filter (where hour < ${dayAgo}), 0) as previous
      from topic_activity
      where hour >= ${twoDaysAgo} and hour <= ${now}
      group by topic_id
    ) a
    join topics t on t.id = a.topic_id
    where a.recent > 0
    order by a.recent - a.previous desc, a.recent desc, t.id desc
    limit ${limit}`.execute(db);
  return rows.rows.map((row) => ({ ...row, id: String(row.id), growth: Number(row.growth) }));
}

export function topicsByPrefix(db: Db, prefix: string, limit: number): Promise<TopicRow[]> {
  const escaped = topicKey(prefix).replace(/[\\%_]/g, (c) => `\\${c}`);
  return db.selectFrom('topics').selectAll().where('name_key', 'like', `${escaped}%`).orderBy('name_key').limit(limit).execute();
}

/**
 * The topics among these the viewer may know of: a topic only private
 * accounts the viewer does not follow use does not exist for them, so its
 * name and counts leak nothing. Topics without notes, or with any note by
 * someone else, stay (their counters are aggregates of everyone).
 */
export async function topicsWithVisibleNotes(db: Db, topicIds: readonly string[], context: ViewerContext): Promise<Set<string>> {
  if (topicIds.length === 0) return new Set();
  const approved = sql.val([...context.approvedPrivate, ...(context.viewerId ? [context.viewerId] : [])]);
  const closed = sql`u.is_private and u.id <> all(${approved}::bigint[])`;
  const { rows } = await sql<{ id: string }>`
    select t.id::text as id from unnest(${sql.val([...topicIds])}::bigint[]) as t(id)
    where not exists (
        select 1 from note_topics nt join notes n on n.id = nt.note_id join users u on u.id = n.author_id
        where nt.topic_id = t.id and n.deleted_at is null and ${closed})
      or exists (
        select 1 from note_topics nt join notes n on n.id = nt.note_id join users u on u.id = n.author_id
        where nt.topic_id = t.id and n.deleted_at is null and not (${closed}))`.execute(db);
  return new Set(rows.map((row) => row.id));
}
