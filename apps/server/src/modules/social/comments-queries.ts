import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CommentRow } from '../../db/tables/comments.js';
import type { LanguageColumns } from '../language/language-columns.js';

export type CommentSort = 'top' | 'newest';

export function findLiveComment(db: Db, commentId: string): Promise<CommentRow | undefined> {
  return db.selectFrom('comments').selectAll().where('id', '=', commentId).where('deleted_at', 'is', null).executeTakeFirst();
}

export function insertComment(
  db: Db,
  input: {
    noteId: string;
    authorId: string;
    parentId: string | null;
    replyToUserId: string | null;
    body: string;
    language?: LanguageColumns;
    now: Date;
  },
): Promise<CommentRow> {
  return db
    .insertInto('comments')
    .values({
      note_id: input.noteId,
      author_id: input.authorId,
      parent_id: input.parentId,
      reply_to_user_id: input.replyToUserId,
      body: input.body,
      ...input.language,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A note's top-level comments: most liked first (then newest), or newest first. */
export function topLevelCommentsPage(
  db: Db,
  input: {
    noteId: string;
    sort: CommentSort;
    /** The viewer's visibility filter (kernel/visible-rows-sql.ts visibleComments). */
    visible: RawBuilder<boolean>;
    before?: { likes?: number; at: Date; id: string };
    limit: number;
  },
): Promise<CommentRow[]> {
  let query = db.selectFrom('comments').selectAll().where('note_id', '=', input.noteId).where('parent_id', 'is', null).where(input.visible);
  const before = input.before;
  if (input.sort === 'top') {
    if (before) query = query.where(sql<boolean>`(like_count, created_at, id) < (${before.likes ?? 0}::int, ${before.at}::timestamptz, ${before.id}::bigint)`);
    query = query.orderBy('like_count', 'desc');
  } else if (before) {
    query = query.where(sql<boolean>`(created_at, id) < (${before.at}::timestamptz, ${before.id}::bigint)`);
  }
  return query
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit + 1)
    .execute();
}

/** The first `perParent` replies (oldest first) of each parent, and each parent's visible reply count. */
export async function firstReplies(
  db: Db,
  input: { parentIds: readonly string[]; visible: RawBuilder<boolean>; perParent: number },
): Promise<{ replies: CommentRow[]; counts: Map<string, number> }> {
  if (input.parentIds.length === 0) return { replies: [], counts: new Map() };
  const rows = await db
    .selectFrom((eb) =>
      eb
        .selectFrom('comments')
        .selectAll()
        .select([
          sql<number>`row_number() over (partition by parent_id order by created_at, id)::int`.as('position'),
          sql<number>`count(*) over (partition by parent_id)::int`.as('total'),
        ])
        .where('parent_id', 'in', input.parentIds)
        .where(input.visible)
        .as('ranked'),
    )
    .selectAll()
    .where('position', '<=', input.perParent)
    .orderBy('parent_id')
    .orderBy('position')
    .execute();
  const counts = new Map<string, number>();
  const replies: CommentRow[] = [];
  for (const { position: _position, total, ...reply } of rows) {
    counts.set(reply.parent_id!, total);
    replies.push(reply);
  }
  return { replies, counts };
}

/** Replies of one top-level comment, oldest first. */
export function repliesPage(
  db: Db,
  input: { parentId: string; visible: RawBuilder<boolean>; after?: { at: Date; id: string }; limit: number },
): Promise<CommentRow[]> {
  let query = db.selectFrom('comments').selectAll().where('parent_id', '=', input.parentId).where(input.visible);
  if (input.after) query = query.where(sql<boolean>`(created_at, id) > (${input.after.at}::timestamptz, ${input.after.id}::bigint)`);
  return query
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .limit(input.limit + 1)
    .execute();
}

/**
 * Soft-deletes a comment and, for a top-level one, its live replies (they make
 * no sense alone). Returns how many visible comments went away (0 when someone
 * else deleted it first).
 */
export async function softDeleteComment(db: Db, commentId: string, now: Date): Promise<number> {
  const deleted = await db
    .updateTable('comments')
    .set({ deleted_at: now })
    .where('id', '=', commentId)
    .where('deleted_at', 'is', null)
    .returning('parent_id')
    .executeTakeFirst();
  if (!deleted) return 0;
  if (deleted.parent_id !== null) return 1;
  const replies = await db
    .updateTable('comments')
    .set({ deleted_at: now })
    .where('parent_id', '=', commentId)
    .where('deleted_at', 'is', null)
    .returning('id')
    .execute();
  return 1 + replies.length;
}

export async function insertCommentLike(db: Db, userId: string, commentId: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('comment_likes')
    .values({ user_id: userId, comment_id: commentId, created_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'comment_id']).doNothing())
    .returning('comment_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteCommentLike(db: Db, userId: string, commentId: string): Promise<boolean> {
  const row = await db.deleteFrom('comment_likes').where('user_id', '=', userId).where('comment_id', '=', commentId).returning('comment_id').executeTakeFirst();
  return row !== undefined;
}

/** Adds to the comment's like count and returns the new count (the row lock orders concurrent likers). */
export async function addToCommentLikes(db: Db, commentId: string, delta: number): Promise<number> {
  const row = await db
    .updateTable('comments')
    .set({ like_count: sql`greatest(like_count + ${delta}, 0)` })
    .where('id', '=', commentId)
    .returning('like_count')
    .executeTakeFirstOrThrow();
  return row.like_count;
}

export async function likedCommentIds(db: Db, userId: string, commentIds: readonly string[]): Promise<Set<string>> {
  if (commentIds.length === 0) return new Set();
  const rows = await db.selectFrom('comment_likes').select('comment_id').where('user_id', '=', userId).where('comment_id', 'in', commentIds).execute();
  return new Set(rows.map((row) => row.comment_id));
}
