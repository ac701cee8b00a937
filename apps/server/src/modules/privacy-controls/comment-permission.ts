import type { Db } from '../../db/database.js';
import type { Audience } from '../../db/tables/users.js';
import { AppError } from '../../lib/errors.js';
import { admittedBy } from './audience.js';

// "Who may comment on my notes", enforced where comments are written and
// shown to the composer beforehand (the note page says why instead of an input).

const MESSAGES: Record<Exclude<Audience, 'everyone'>, string> = {
  followers: 'Only people who follow the author can comment on this note.',
  following: 'Only people the author follows can comment on this note.',
  nobody: 'The author turned comments off.',
};

/** The audience that keeps this viewer out of the comments under the author's notes, or null when they may comment. */
export async function commentRestriction(db: Db, viewerId: string, authorId: string): Promise<Exclude<Audience, 'everyone'> | null> {
  if (viewerId === authorId) return null;
  const author = await db.selectFrom('users').select('comment_permission').where('id', '=', authorId).executeTakeFirst();
  const audience = author?.comment_permission ?? 'everyone';
  if (audience === 'everyone') return null;
  const admitted = await admittedBy(db, viewerId, [{ id: authorId, audience }]);
  return admitted.has(authorId) ? null : audience;
}

/** 403 comments_restricted, with the audience, unless the viewer may comment under the author's notes. */
export async function assertMayComment(db: Db, viewerId: string, authorId: string): Promise<void> {
  const restriction = await commentRestriction(db, viewerId, authorId);
  if (restriction) throw new AppError(403, 'comments_restricted', MESSAGES[restriction], { extra: { audience: restriction } });
}
