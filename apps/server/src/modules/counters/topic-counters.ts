import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { COUNTER_SHARDS } from './note-counters.js';

// A topic's counters: views (note impressions within the topic), discussions
// (its notes plus their comments) and participants (distinct people who posted
// or commented). Sharded like note counters; the hourly activity rows feed trending.

export interface TopicCounts {
  views: number;
  discussions: number;
  participants: number;
}

const hourOf = (now: Date) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);

async function topicsOfNote(db: Db, noteId: string): Promise<string[]> {
  const rows = await db.selectFrom('note_topics').select('topic_id').where('note_id', '=', noteId).execute();
  return rows.map((row) => row.topic_id);
}

/**
 * A note or comment joined the discussion of the note's topics: counts it and,
 * the first time, its author as a participant. Call inside the write's transaction.
 */
export async function recordDiscussion(db: Db, input: { noteId: string; userId: string; now: Date; topicIds?: string[] }): Promise<void> {
  const topicIds = input.topicIds ?? (await topicsOfNote(db, input.noteId));
  if (topicIds.length === 0) return;
  const newParticipantIn = new Set(
    (
      await db
        .insertInto('topic_participants')
        .values(topicIds.map((topicId) => ({ topic_id: topicId, user_id: input.userId, first_at: input.now })))
        .onConflict((oc) => oc.doNothing())
        .returning('topic_id')
        .execute()
    ).map((row) => row.topic_id),
  );
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  await db
    .insertInto('topic_counters')
    .values(topicIds.map((topicId) => ({ topic_id: topicId, shard, discussions: 1, participants: newParticipantIn.has(topicId) ? 1 : 0 })))
    .onConflict((oc) =>
      oc.columns(['topic_id', 'shard']).doUpdateSet({
        discussions: sql`topic_counters.discussions + excluded.discussions`,
        participants: sql`topic_counters.participants + excluded.participants`,
      }),
    )
    .execute();
  await addTopicActivity(db, 'discussions', new Map(topicIds.map((id) => [id, 1])), input.now);
}

/** A note or comment left the discussion (deleted). Participants stay: they did take part. */
export async function removeDiscussion(db: Db, input: { noteId: string; count?: number; topicIds?: string[] }): Promise<void> {
  const topicIds = input.topicIds ?? (await topicsOfNote(db, input.noteId));
  if (topicIds.length === 0) return;
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  const delta = -(input.count ?? 1);
  await db
    .insertInto('topic_counters')
    .values(topicIds.map((topicId) => ({ topic_id: topicId, shard, discussions: delta })))
    .onConflict((oc) => oc.columns(['topic_id', 'shard']).doUpdateSet({ discussions: sql`topic_counters.discussions + excluded.discussions` }))
    .execute();
}

/** Adds many topics' view deltas in one statement (used by the view buffer). */
export async function addTopicViews(db: Db, deltas: Map<string, number>, now: Date): Promise<void> {
  if (deltas.size === 0) return;
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  await db
    .insertInto('topic_counters')
    .values([...deltas].map(([topicId, views]) => ({ topic_id: topicId, shard, views })))
    .onConflict((oc) => oc.columns(['topic_id', 'shard']).doUpdateSet({ views: sql`topic_counters.views + excluded.views` }))
    .execute();
  await addTopicActivity(db, 'views', deltas, now);
}

async function addTopicActivity(db: Db, counter: 'views' | 'discussions', deltas: Map<string, number>, now: Date): Promise<void> {
  const hour = hourOf(now);
  await db
    .insertInto('topic_activity')
    .values([...deltas].map(([topicId, delta]) => ({ topic_id: topicId, hour, [counter]: delta })))
    .onConflict((oc) => oc.columns(['topic_id', 'hour']).doUpdateSet({ [counter]: sql`topic_activity.${sql.ref(counter)} + excluded.${sql.ref(counter)}` }))
    .execute();
}

export async function topicCounts(db: Db, topicIds: readonly string[]): Promise<Map<string, TopicCounts>> {
  const result = new Map<string, TopicCounts>(topicIds.map((id) => [id, { views: 0, discussions: 0, participants: 0 }]));
  if (topicIds.length === 0) return result;
  const rows = await db
    .selectFrom('topic_counters')
    .select([
      'topic_id',
      sql<string>`sum(views)`.as('views'),
      sql<string>`sum(discussions)`.as('discussions'),
      sql<string>`sum(participants)`.as('participants'),
    ])
    .where('topic_id', 'in', topicIds)
    .groupBy('topic_id')
    .execute();
  for (const row of rows) {
    result.set(row.topic_id, { views: Number(row.views), discussions: Number(row.discussions), participants: Number(row.participants) });
  }
  return result;
}
