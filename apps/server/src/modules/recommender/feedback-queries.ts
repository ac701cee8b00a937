import type { Transaction } from 'kysely';
import type { Database, Db } from '../../db/database.js';

// Rows people write about notes they were shown: "not interested" (reports live in moderation/).

type Executor = Db | Transaction<Database>;

/** True when the row is new (a repeat changes nothing). */
export async function insertNotInterested(db: Executor, userId: string, noteId: string, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('not_interested')
    .values({ user_id: userId, note_id: noteId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'note_id']).doNothing())
    .returning('note_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function deleteNotInterested(db: Executor, userId: string, noteId: string): Promise<void> {
  await db.deleteFrom('not_interested').where('user_id', '=', userId).where('note_id', '=', noteId).execute();
}
