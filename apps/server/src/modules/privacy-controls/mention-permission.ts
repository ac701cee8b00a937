import type { Db } from '../../db/database.js';
import type { UserRow } from '../../db/tables/users.js';
import { admits, admittedBy } from './audience.js';

// "Who may mention me": a mention by someone outside that audience stays plain
// text (no link, no notification). Checked when a note or comment is written.

/** The ids among `named` whose mention permission admits `authorId`. */
export function mentionableAmong(db: Db, authorId: string, named: ReadonlyArray<Pick<UserRow, 'id' | 'mention_permission'>>): Promise<Set<string>> {
  return admittedBy(
    db,
    authorId,
    named.map((user) => ({ id: user.id, audience: user.mention_permission })),
  );
}

/**
 * For texts already written (comments), which @handles link: people who exist
 * and whose mention permission admits the text's author as things stand now.
 * Two queries for a whole page: the people named, and the follow edges between
 * them and the authors.
 */
export async function linkableMentions(
  db: Db,
  texts: ReadonlyArray<{ authorId: string; handles: readonly string[] }>,
): Promise<(authorId: string, handle: string) => boolean> {
  const handles = [...new Set(texts.flatMap((text) => text.handles.map((handle) => handle.toLowerCase())))];
  if (handles.length === 0) return () => false;
  const users = await db
    .selectFrom('users')
    .select(['id', 'handle', 'mention_permission', 'display_name'])
    .where((eb) => eb(eb.fn('lower', ['handle']), 'in', handles))
    .execute();
  const byHandle = new Map(users.filter((user) => user.handle && user.display_name !== null).map((user) => [user.handle!.toLowerCase(), user]));
  const picky = users.filter((user) => user.mention_permission === 'followers' || user.mention_permission === 'following').map((user) => user.id);
  const authors = [...new Set(texts.map((text) => text.authorId))];
  const edges =
    picky.length === 0
      ? []
      : await db
          .selectFrom('follows')
          .select(['follower_id', 'followee_id'])
          .where((eb) =>
            eb.or([
              eb.and([eb('follower_id', 'in', authors), eb('followee_id', 'in', picky)]),
              eb.and([eb('follower_id', 'in', picky), eb('followee_id', 'in', authors)]),
            ]),
          )
          .execute();
  const edge = new Set(edges.map((row) => `${row.follower_id}>${row.followee_id}`));
  return (authorId, handle) => {
    const user = byHandle.get(handle.toLowerCase());
    if (!user) return false;
    if (user.id === authorId) return true;
    return admits(user.mention_permission, { otherFollowsOwner: edge.has(`${authorId}>${user.id}`), ownerFollowsOther: edge.has(`${user.id}>${authorId}`) });
  };
}
