import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { decide, decideLabels, decideProfile, decideProfileContent, type Surface } from '../../kernel/visibility.js';
import { AppError, notFound } from '../../lib/errors.js';
import { handleProblem } from '../accounts/handle-rules.js';
import { findUserByHandle } from '../accounts/users-queries.js';
import { findLiveComment } from './comments-queries.js';

// Who may reach what, for paths that act on a note or a person. The answer is
// the visibility decision's (kernel/visibility.ts): a note hidden from the
// viewer (a block either way, a moderator's removal, their region's rulebook)
// answers the same 404 as a note that never existed, so they learn nothing.

export interface ReachableNote {
  id: string;
  authorId: string;
  title: string;
}

export const noteNotFound = () => notFound('note_not_found', 'This note does not exist or was deleted.');
export const userNotFound = () => notFound('user_not_found', 'No one has this handle.');
export const commentNotFound = () => notFound('comment_not_found', 'This comment does not exist or was deleted.');

export async function findLiveNote(db: Db, noteId: string) {
  const row = await db
    .selectFrom('notes')
    .innerJoin('users', 'users.id', 'notes.author_id')
    .select([
      'notes.id',
      'notes.author_id',
      'notes.title',
      'notes.labels',
      'notes.mod_state',
      'notes.reach_limited',
      'users.status as author_status',
      'users.is_private as author_private',
    ])
    .where('notes.id', '=', noteId)
    .where('notes.deleted_at', 'is', null)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      authorId: row.author_id,
      title: row.title,
      item: {
        authorId: row.author_id,
        authorStatus: row.author_status,
        authorPrivate: row.author_private,
        labels: row.labels,
        state: row.mod_state,
        limited: row.reach_limited,
      },
    }
  );
}

/** A live note the viewer may see and act on, or 404 note_not_found. */
export async function reachableNote(db: Db, noteId: string, context: ViewerContext, surface: Surface = 'direct'): Promise<ReachableNote> {
  const note = await findLiveNote(db, noteId);
  if (!note || !decide(note.item, context, surface).visible) throw noteNotFound();
  return { id: note.id, authorId: note.authorId, title: note.title };
}

/**
 * A live comment the viewer may see, with its note, or 404 comment_not_found:
 * its own moderation (held, removed, labels under the viewer's rulebook), a
 * block with its author, and everything that hides its note.
 */
export async function visibleComment(db: Db, commentId: string, context: ViewerContext) {
  const comment = await findLiveComment(db, commentId);
  if (!comment) throw commentNotFound();
  if (comment.author_id !== context.viewerId) {
    if (context.blocked.has(comment.author_id) || comment.mod_state !== 'live' || !decideLabels(comment.labels, context).visible) throw commentNotFound();
  }
  const note = await findLiveNote(db, comment.note_id);
  // A comment on a note the viewer cannot reach is not there for them either.
  if (!note || !decide(note.item, context, 'direct').visible) throw commentNotFound();
  return { comment, note: { id: note.id, authorId: note.authorId, title: note.title } };
}

/** An onboarded user by handle (any letter case), or 404 user_not_found. */
export async function userByHandle(db: Db, handle: string): Promise<UserRow> {
  const user = handleProblem(handle) === 'invalid' ? undefined : await findUserByHandle(db, handle);
  if (!user || user.handle === null || user.display_name === null) throw userNotFound();
  return user;
}

/** A profile as the viewer may see it (kernel/visibility.ts decideProfile), or 404 user_not_found. */
export async function visibleUserByHandle(db: Db, handle: string, context: ViewerContext): Promise<UserRow> {
  const user = await userByHandle(db, handle);
  if (!decideProfile(user, context).visible) throw userNotFound();
  return user;
}

export const accountPrivate = () => new AppError(403, 'account_private', 'This account is private. Follow it to see its notes.');

/**
 * A profile whose notes, collects, likes, boards and people lists the viewer
 * may open: 404 as visibleUserByHandle, and 403 account_private for a private
 * account the viewer does not follow (they see its header, not its content).
 */
export async function readableUserByHandle(db: Db, handle: string, context: ViewerContext): Promise<UserRow> {
  const user = await visibleUserByHandle(db, handle, context);
  if (!decideProfileContent(user, context).visible) throw accountPrivate();
  return user;
}

const FOREIGN_KEY_VIOLATION = '23503';

/** A row vanished between the check and the write (e.g. the note was purged): answer 404, not 500. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (error as { code?: string }).code === FOREIGN_KEY_VIOLATION;
}
