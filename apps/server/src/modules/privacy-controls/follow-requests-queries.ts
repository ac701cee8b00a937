import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserSummaryRow } from '../../kernel/user-summary.js';

// Pending requests to follow a private account (follow_requests): one row per
// requester and account; approving turns it into a follows row, denying or
// cancelling deletes it.

export async function insertFollowRequest(db: Db, requesterId: string, targetId: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('follow_requests')
    .values({ requester_id: requesterId, target_id: targetId, created_at: now })
    .onConflict((oc) => oc.columns(['requester_id', 'target_id']).doNothing())
    .returning('target_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteFollowRequest(db: Db, requesterId: string, targetId: string): Promise<boolean> {
  const row = await db
    .deleteFrom('follow_requests')
    .where('requester_id', '=', requesterId)
    .where('target_id', '=', targetId)
    .returning('target_id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A block ends any request either way, as it ends follows. */
export async function deleteFollowRequestsBetween(db: Db, a: string, b: string): Promise<void> {
  await db
    .deleteFrom('follow_requests')
    .where((eb) => eb.or([eb.and([eb('requester_id', '=', a), eb('target_id', '=', b)]), eb.and([eb('requester_id', '=', b), eb('target_id', '=', a)])]))
    .execute();
}

export type RequestRow = UserSummaryRow & { requested_at: Date };

/** Requests waiting for this account, newest first (keyset on requested_at, requester id). */
export async function incomingRequestsPage(db: Db, targetId: string, before: { at: Date; id: string } | undefined, limit: number): Promise<RequestRow[]> {
  let query = db
    .selectFrom('follow_requests as r')
    .innerJoin('users as u', 'u.id', 'r.requester_id')
    .select(['u.id', 'u.handle', 'u.display_name', 'u.bio', 'u.region', 'r.created_at as requested_at'])
    .where('r.target_id', '=', targetId)
    .where('u.status', '<>', 'banned');
  if (before) {
    query = query.where((eb) =>
      eb.or([eb('r.created_at', '<', before.at), eb.and([eb('r.created_at', '=', before.at), eb('r.requester_id', '<', before.id)])]),
    );
  }
  return query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.requester_id', 'desc')
    .limit(limit + 1)
    .execute();
}

export async function countIncomingRequests(db: Db, targetId: string): Promise<number> {
  const row = await db.selectFrom('follow_requests').select(sql<string>`count(*)`.as('n')).where('target_id', '=', targetId).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Every pending request becomes a follow (the account went public, as
 * Instagram does it); returns the requesters, so each hears they were approved.
 */
export async function approveAllRequests(db: Db, targetId: string, now: Date): Promise<string[]> {
  const { rows } = await sql<{ requester_id: string }>`
    with taken as (delete from follow_requests where target_id = ${targetId} returning requester_id),
    added as (
      insert into follows (follower_id, followee_id, created_at)
      select requester_id, ${targetId}, ${now} from taken
      on conflict (follower_id, followee_id) do nothing
      returning follower_id
    )
    select follower_id::text as requester_id from added`.execute(db);
  return rows.map((row) => row.requester_id);
}
