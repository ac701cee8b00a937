import { GONE_PROFILE_STATUSES } from '../../kernel/visibility.js';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserSummaryRow } from '../../kernel/user-summary.js';

// The social graph: follows, blocks and mutes are all "edges" between two
// users with a time; each write reports whether it changed anything.

export type EdgeList = 'followers' | 'following' | 'blocks' | 'mutes';

const EDGES: Record<EdgeList, { table: 'follows' | 'blocks' | 'mutes'; match: string; other: string }> = {
  followers: { table: 'follows', match: 'followee_id', other: 'follower_id' },
  following: { table: 'follows', match: 'follower_id', other: 'followee_id' },
  blocks: { table: 'blocks', match: 'blocker_id', other: 'blocked_id' },
  mutes: { table: 'mutes', match: 'muter_id', other: 'muted_id' },
};

export async function insertFollow(db: Db, followerId: string, followeeId: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('follows')
    .values({ follower_id: followerId, followee_id: followeeId, created_at: now })
    .onConflict((oc) => oc.columns(['follower_id', 'followee_id']).doNothing())
    .returning('followee_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteFollow(db: Db, followerId: string, followeeId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('follows')
    .where('follower_id', '=', followerId)
    .where('followee_id', '=', followeeId)
    .returning('followee_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Blocking ends following in both directions. */
export async function deleteFollowsBetween(db: Db, a: string, b: string): Promise<void> {
  await db
    .deleteFrom('follows')
    .where((eb) => eb.or([eb.and([eb('follower_id', '=', a), eb('followee_id', '=', b)]), eb.and([eb('follower_id', '=', b), eb('followee_id', '=', a)])]))
    .execute();
}

export async function insertBlock(db: Db, blockerId: string, blockedId: string, now: Date): Promise<void> {
  await db
    .insertInto('blocks')
    .values({ blocker_id: blockerId, blocked_id: blockedId, created_at: now })
    .onConflict((oc) => oc.columns(['blocker_id', 'blocked_id']).doNothing())
    .execute();
}

export async function deleteBlock(db: Db, blockerId: string, blockedId: string): Promise<void> {
  await db.deleteFrom('blocks').where('blocker_id', '=', blockerId).where('blocked_id', '=', blockedId).execute();
}

export async function insertMute(db: Db, muterId: string, mutedId: string, now: Date): Promise<void> {
  await db
    .insertInto('mutes')
    .values({ muter_id: muterId, muted_id: mutedId, created_at: now })
    .onConflict((oc) => oc.columns(['muter_id', 'muted_id']).doNothing())
    .execute();
}

export async function deleteMute(db: Db, muterId: string, mutedId: string): Promise<void> {
  await db.deleteFrom('mutes').where('muter_id', '=', muterId).where('muted_id', '=', mutedId).execute();
}

export async function followCounts(db: Db, userId: string): Promise<{ followers: number; following: number }> {
  const result = await sql<{ followers: number; following: number }>`
    select (select count(*)::int from follows where followee_id = ${userId}) as followers,
           (select count(*)::int from follows where follower_id = ${userId}) as following`.execute(db);
  return result.rows[0] ?? { followers: 0, following: 0 };
}

export interface Relation {
  following: boolean;
  followedBy: boolean;
  blocked: boolean;
  muted: boolean;
}

/** How the viewer stands with another user. */
export async function followedAmong(db: Db, viewerId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await db.selectFrom('follows').select('followee_id').where('follower_id', '=', viewerId).where('followee_id', 'in', userIds).execute();
  return new Set(rows.map((row) => row.followee_id));
}

export type EdgeUserRow = UserSummaryRow & { edge_at: Date };

/** One page of a user's followers, followings, blocks or mutes, newest first. */
export async function edgeUsersPage(
  db: Db,
  input: { list: EdgeList; userId: string; hiddenUserIds: ReadonlySet<string>; before?: { at: Date; id: string }; limit: number },
): Promise<EdgeUserRow[]> {
  const edge = EDGES[input.list];
  const other = sql.ref(`e.${edge.other}`);
  const hidden = [...input.hiddenUserIds];
  const result = await sql<EdgeUserRow>`
    select u.id::text as id, u.handle, u.display_name, u.bio, u.region, e.created_at as edge_at
    from ${sql.table(edge.table)} e join users u on u.id = ${other}
    where ${sql.ref(`e.${edge.match}`)} = ${input.userId}
      and u.handle is not null and u.status <> all(${sql.val([...GONE_PROFILE_STATUSES])}::text[])
      ${hidden.length > 0 ? sql`and u.id not in (${sql.join(hidden)})` : sql``}
      ${input.before ? sql`and (e.created_at, ${other}) < (${input.before.at}::timestamptz, ${input.before.id}::bigint)` : sql``}
    order by e.created_at desc, ${other} desc
    limit ${input.limit + 1}`.execute(db);
  return result.rows;
}
