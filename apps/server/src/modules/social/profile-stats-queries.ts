import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { PREPARED } from '../../db/prepared.js';
import type { Relation } from './people-queries.js';

export interface ProfileStats {
  followers: number;
  following: number;
  /** Likes plus collects received on the user's live notes (RedNote's 获赞与收藏). */
  likesAndCollects: number;
  notes: number;
}

/**
 * A profile page's counts and, for a signed-in viewer, how they stand with the
 * person (follow edges, block, mute, a pending follow request) in one prepared
 * round trip: the profile is opened as often as the notes on it.
 */
export async function profileFacts(
  db: Db,
  userId: string,
  viewerId: string | null,
): Promise<{ stats: ProfileStats; relation: (Relation & { requested: boolean }) | null }> {
  const viewer = viewerId ?? '0';
  const result = await sql<{
    followers: number;
    following: number;
    likes_and_collects: string;
    notes: number;
    v_following: boolean;
    v_followed_by: boolean;
    v_blocked: boolean;
    v_muted: boolean;
    v_requested: boolean;
  }>`${PREPARED}
    select
      (select count(*)::int from follows where followee_id = ${userId}) as followers,
      (select count(*)::int from follows where follower_id = ${userId}) as following,
      (select coalesce(sum(c.likes + c.collects), 0)::text from note_counters c
        join notes n on n.id = c.note_id where n.author_id = ${userId} and n.deleted_at is null) as likes_and_collects,
      (select count(*)::int from notes where author_id = ${userId} and deleted_at is null) as notes,
      exists(select 1 from follows where follower_id = ${viewer} and followee_id = ${userId}) as v_following,
      exists(select 1 from follows where follower_id = ${userId} and followee_id = ${viewer}) as v_followed_by,
      exists(select 1 from blocks where blocker_id = ${viewer} and blocked_id = ${userId}) as v_blocked,
      exists(select 1 from mutes where muter_id = ${viewer} and muted_id = ${userId}) as v_muted,
      exists(select 1 from follow_requests where requester_id = ${viewer} and target_id = ${userId}) as v_requested`.execute(db);
  const row = result.rows[0]!;
  return {
    stats: { followers: row.followers, following: row.following, likesAndCollects: Number(row.likes_and_collects), notes: row.notes },
    relation:
      viewerId === null
        ? null
        : { following: row.v_following, followedBy: row.v_followed_by, blocked: row.v_blocked, muted: row.v_muted, requested: row.v_requested },
  };
}
