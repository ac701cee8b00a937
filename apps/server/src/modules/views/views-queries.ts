import type { Db } from '../../db/database.js';

/** Which of these notes are live, and the topics of those. */
export async function noteTopicPairs(db: Db, noteIds: readonly string[]) {
  if (noteIds.length === 0) return { live: new Set<string>(), topics: [] };
  const live = await db.selectFrom('notes').select('id').where('id', 'in', noteIds).where('deleted_at', 'is', null).execute();
  const liveIds = live.map((row) => row.id);
  const topics = liveIds.length
    ? await db.selectFrom('note_topics').select(['note_id as noteId', 'topic_id as topicId']).where('note_id', 'in', liveIds).execute()
    : [];
  return { live: new Set(liveIds), topics };
}
