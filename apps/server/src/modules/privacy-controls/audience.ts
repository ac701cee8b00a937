import type { Db } from '../../db/database.js';
import type { Audience } from '../../db/tables/users.js';

// "Who may comment on my notes" and "who may mention me": everyone, my
// followers, people I follow, or nobody. The owner is always in their own audience.

export const AUDIENCES: readonly Audience[] = ['everyone', 'followers', 'following', 'nobody'];

/** Whether `other` is in `owner`'s audience, from the two follow edges between them. */
export function admits(audience: Audience, edges: { otherFollowsOwner: boolean; ownerFollowsOther: boolean }): boolean {
  if (audience === 'everyone') return true;
  if (audience === 'followers') return edges.otherFollowsOwner;
  if (audience === 'following') return edges.ownerFollowsOther;
  return false;
}

/**
 * Of these owners (each with their audience), the ids that admit `otherId`:
 * one query for the follow edges, whatever the number of owners.
 */
export async function admittedBy(db: Db, otherId: string, owners: ReadonlyArray<{ id: string; audience: Audience }>): Promise<Set<string>> {
  const needEdges = owners.filter((owner) => owner.id !== otherId && (owner.audience === 'followers' || owner.audience === 'following'));
  const ids = needEdges.map((owner) => owner.id);
  const edges =
    ids.length === 0
      ? []
      : await db
          .selectFrom('follows')
          .select(['follower_id', 'followee_id'])
          .where((eb) =>
            eb.or([
              eb.and([eb('follower_id', '=', otherId), eb('followee_id', 'in', ids)]),
              eb.and([eb('followee_id', '=', otherId), eb('follower_id', 'in', ids)]),
            ]),
          )
          .execute();
  const followsOwner = new Set(edges.filter((edge) => edge.follower_id === otherId).map((edge) => edge.followee_id));
  const followedByOwner = new Set(edges.filter((edge) => edge.followee_id === otherId).map((edge) => edge.follower_id));
  const result = new Set<string>();
  for (const owner of owners) {
    const ok =
      owner.id === otherId || admits(owner.audience, { otherFollowsOwner: followsOwner.has(owner.id), ownerFollowsOther: followedByOwner.has(owner.id) });
    if (ok) result.add(owner.id);
  }
  return result;
}
