import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// Sharded counters: a like on a viral note adds to one of SHARDS rows picked at
// random, so thousands of concurrent likers do not queue on one row lock. The
// increment runs in the same transaction as the write it counts, so a count is
// never lost or doubled; readers sum the shards.

export const COUNTER_SHARDS = 8;

export type NoteCounter = 'likes' | 'collects' | 'comments' | 'views';

export interface NoteCounts {
  likes: number;
  collects: number;
  comments: number;
  views: number;
}

export const ZERO_COUNTS: Readonly<NoteCounts> = { likes: 0, collects: 0, comments: 0, views: 0 };

export async function addToNoteCounter(db: Db, noteId: string, counter: NoteCounter, delta: number): Promise<void> {
  if (delta === 0) return;
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  await db
    .insertInto('note_counters')
    .values({ note_id: noteId, shard, [counter]: delta })
    .onConflict((oc) => oc.columns(['note_id', 'shard']).doUpdateSet({ [counter]: sql`note_counters.${sql.ref(counter)} + excluded.${sql.ref(counter)}` }))
    .execute();
}

/** Adds many notes' deltas of one counter in one statement (used by the view buffer). */
export async function addToNoteCounters(db: Db, counter: NoteCounter, deltas: Map<string, number>): Promise<void> {
  if (deltas.size === 0) return;
  const shard = Math.floor(Math.random() * COUNTER_SHARDS);
  await db
    .insertInto('note_counters')
    .values([...deltas].map(([noteId, delta]) => ({ note_id: noteId, shard, [counter]: delta })))
    .onConflict((oc) => oc.columns(['note_id', 'shard']).doUpdateSet({ [counter]: sql`note_counters.${sql.ref(counter)} + excluded.${sql.ref(counter)}` }))
    .execute();
}

export async function noteCounts(db: Db, noteIds: readonly string[]): Promise<Map<string, NoteCounts>> {
  const result = new Map<string, NoteCounts>(noteIds.map((id) => [id, { ...ZERO_COUNTS }]));
  if (noteIds.length === 0) return result;
  const rows = await db
    .selectFrom('note_counters')
    .select([
      'note_id',
      sql<string>`sum(likes)`.as('likes'),
      sql<string>`sum(collects)`.as('collects'),
      sql<string>`sum(comments)`.as('comments'),
      sql<string>`sum(views)`.as('views'),
    ])
    .where('note_id', 'in', noteIds)
    .groupBy('note_id')
    .execute();
  for (const row of rows) {
    result.set(row.note_id, { likes: Number(row.likes), collects: Number(row.collects), comments: Number(row.comments), views: Number(row.views) });
  }
  return result;
}
