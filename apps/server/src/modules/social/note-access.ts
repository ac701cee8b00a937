import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { notFound } from '../../lib/errors.js';
import { handleProblem } from '../accounts/handle-rules.js';
import { findUserByHandle } from '../accounts/users-queries.js';
import { isBlockedBetween } from './hidden-authors.js';

// Who may reach what. A block works both ways and hides even the existence of
// the other side's notes: acting on them answers the same 404 as a note that
// never existed, so a blocked user learns nothing.

export interface ReachableNote {
  id: string;
  authorId: string;
  title: string;
}

export const noteNotFound = () => notFound('note_not_found', 'This note does not exist or was deleted.');
export const userNotFound = () => notFound('user_not_found', 'No one has this handle.');

export async function findLiveNote(db: Db, noteId: string): Promise<ReachableNote | undefined> {
  const row = await db.selectFrom('notes').select(['id', 'author_id', 'title']).where('id', '=', noteId).where('deleted_at', 'is', null).executeTakeFirst();
  return row && { id: row.id, authorId: row.author_id, title: row.title };
}

/** A live note the viewer may see and act on, or 404 note_not_found. */
export async function reachableNote(db: Db, noteId: string, viewerId: string | null | undefined): Promise<ReachableNote> {
  const note = await findLiveNote(db, noteId);
  if (!note) throw noteNotFound();
  if (viewerId && viewerId !== note.authorId && (await isBlockedBetween(db, viewerId, note.authorId))) throw noteNotFound();
  return note;
}

/** An onboarded user by handle (any letter case), or 404 user_not_found. */
export async function userByHandle(db: Db, handle: string): Promise<UserRow> {
  const user = handleProblem(handle) === 'invalid' ? undefined : await findUserByHandle(db, handle);
  if (!user || user.handle === null || user.display_name === null) throw userNotFound();
  return user;
}

/** Whether `blockerId` blocked `blockedId` (one direction only). */
export async function hasBlocked(db: Db, blockerId: string, blockedId: string): Promise<boolean> {
  const row = await db.selectFrom('blocks').select('blocker_id').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).executeTakeFirst();
  return row !== undefined;
}

/** A profile as the viewer may see it: someone who blocked the viewer does not exist for them. */
export async function visibleUserByHandle(db: Db, handle: string, viewerId: string | null | undefined): Promise<UserRow> {
  const user = await userByHandle(db, handle);
  if (viewerId && viewerId !== user.id && (await hasBlocked(db, user.id, viewerId))) throw userNotFound();
  return user;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** A row vanished between the check and the write (e.g. the note was purged): answer 404, not 500. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === FOREIGN_KEY_VIOLATION;
}
