import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

// Likes and collects rows. Each write reports whether it changed anything, so
// the caller adjusts the sharded counters only for real changes: a repeated
// like or a repeated unlike is a no-op, never a double count.

export async function insertLike(db: Db, userId: string, noteId: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('likes')
    .values({ user_id: userId, note_id: noteId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'note_id']).doNothing())
    .returning('note_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteLike(db: Db, userId: string, noteId: string): Promise<boolean> {
  const row = await db.deleteFrom('likes').where('user_id', '=', userId).where('note_id', '=', noteId).returning('note_id').executeTakeFirst();
  return row !== undefined;
}

/**
 * Collects a note, or moves an existing collect to another board. `boardId`
 * undefined keeps the current board. Returns whether the collect is new and
 * the board it ended in.
 */
export async function upsertCollect(
  db: Db,
  input: { userId: string; noteId: string; boardId: string | null | undefined; now: Date },
): Promise<{ inserted: boolean; boardId: string | null }> {
  const row = await db
    .insertInto('collects')
    .values({ user_id: input.userId, note_id: input.noteId, board_id: input.boardId ?? null, created_at: input.now })
    .onConflict((oc) =>
      oc.columns(['user_id', 'note_id']).doUpdateSet(input.boardId === undefined ? { board_id: sql`collects.board_id` } : { board_id: sql`excluded.board_id` }),
    )
    // xmax is 0 only on a freshly inserted row version: tells insert from update in one statement.
    .returning(['board_id', sql<boolean>`(xmax = 0)`.as('inserted')])
    .executeTakeFirstOrThrow();
  return { inserted: row.inserted, boardId: row.board_id };
}

export async function deleteCollect(db: Db, userId: string, noteId: string): Promise<boolean> {
  const row = await db.deleteFrom('collects').where('user_id', '=', userId).where('note_id', '=', noteId).returning('note_id').executeTakeFirst();
  return row !== undefined;
}

export async function viewerEngagement(db: Db, userId: string, noteIds: readonly string[]) {
  if (noteIds.length === 0) return { liked: new Set<string>(), collected: new Map<string, string | null>() };
  const [likes, collects] = await Promise.all([
    db.selectFrom('likes').select('note_id').where('user_id', '=', userId).where('note_id', 'in', noteIds).execute(),
    db.selectFrom('collects').select(['note_id', 'board_id']).where('user_id', '=', userId).where('note_id', 'in', noteIds).execute(),
  ]);
  return {
    liked: new Set(likes.map((row) => row.note_id)),
    collected: new Map(collects.map((row) => [row.note_id, row.board_id] as const)),
  };
}
