import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

export interface ProfileStats {
  followers: number;
  following: number;
  /** Likes plus collects received on the user's live notes (RedNote's 获赞与收藏). */
  likesAndCollects: number;
  notes: number;
}

export async function profileStats(db: Db, userId: string): Promise<ProfileStats> {
  const result = await sql<{ followers: number; following: number; likes_and_collects: string; notes: number }>`
    select
      (select count(*)::int from follows where followee_id = ${userId}) as followers,
      (select count(*)::int from follows where follower_id = ${userId}) as following,
      (select coalesce(sum(c.likes + c.collects), 0)::text from note_counters c
        join notes n on n.id = c.note_id where n.author_id = ${userId} and n.deleted_at is null) as likes_and_collects,
      (select count(*)::int from notes where author_id = ${userId} and deleted_at is null) as notes`.execute(db);
  const row = result.rows[0]!;
  return { followers: row.followers, following: row.following, likesAndCollects: Number(row.likes_and_collects), notes: row.notes };
}
