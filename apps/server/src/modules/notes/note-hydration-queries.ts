import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { type NoteCounts, ZERO_COUNTS } from '../counters/note-counters.js';
import { PREPARED } from '../../db/prepared.js';
import type { NoteRow } from '../../db/tables/notes.js';
import type { Audience, UserRow } from '../../db/tables/users.js';
import type { AccountStatus } from '../../kernel/visibility.js';

/** Live notes by id, in the order of the ids given (their authors come from the author cache). */
export async function liveNotes(db: Db, ids: readonly string[]): Promise<NoteRow[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('notes').selectAll().where('id', 'in', ids).where('deleted_at', 'is', null).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** The name lines of these people (authors, the people a note mentions). */
export function userLines(db: Db, ids: readonly string[]): Promise<Array<Pick<UserRow, 'id' | 'handle' | 'display_name' | 'status'>>> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'handle', 'display_name', 'status']).where('id', 'in', ids).execute();
}

export interface AuthorNow {
  status: AccountStatus;
  isPrivate: boolean;
  commentPermission: Audience;
}

export interface ViewerFacts {
  /** Each author's account as it is now (never cached: going private or suspended hides at once, on every instance). */
  authors: Map<string, AuthorNow>;
  liked: Set<string>;
  /** Collected notes, with the board (null: no board). */
  collected: Map<string, string | null>;
  /** Authors the viewer follows, and authors who follow the viewer. */
  following: Set<string>;
  followedBy: Set<string>;
  likedComments: Set<string>;
  /** The counts asked for (`countIds`), zero for a note nothing counted yet. */
  counts: Map<string, NoteCounts>;
}

/**
 * Everything fresh a page needs, in one round trip whatever its size: the
 * authors' accounts now, and the viewer's own bits (likes, collects, follow
 * edges with the authors, comment likes) and the counts the counts cache
 * lacks (summed over their shards). Parts without ids are left out
 * (a handful of texts, prepared: planning it cost more than running it).
 */
export async function viewerFacts(
  db: Db,
  request: {
    viewerId: string | null;
    authorIds: readonly string[];
    noteIds?: readonly string[];
    collects?: boolean;
    follows?: boolean;
    commentIds?: readonly string[];
    countIds?: readonly string[];
  },
): Promise<ViewerFacts> {
  const facts: ViewerFacts = {
    authors: new Map(),
    liked: new Set(),
    collected: new Map(),
    following: new Set(),
    followedBy: new Set(),
    likedComments: new Set(),
    counts: new Map((request.countIds ?? []).map((id) => [id, { ...ZERO_COUNTS }])),
  };
  const authorIds = [...new Set(request.authorIds)];
  const ids = (values: readonly string[]) => sql`${sql.val([...new Set(values)])}::bigint[]`;
  const parts = [];
  if (authorIds.length > 0) {
    parts.push(
      sql`select 'author' as kind, id::text as id, status as a, is_private::text as b, comment_permission as c, null as d from users where id = any(${ids(authorIds)})`,
    );
  }
  const viewer = request.viewerId;
  const noteIds = request.noteIds ?? [];
  if (viewer !== null && noteIds.length > 0) {
    parts.push(sql`select 'liked', note_id::text, null, null, null, null from likes where user_id = ${viewer} and note_id = any(${ids(noteIds)})`);
    if (request.collects) {
      parts.push(
        sql`select 'collected', note_id::text, board_id::text, null, null, null from collects where user_id = ${viewer} and note_id = any(${ids(noteIds)})`,
      );
    }
  }
  if (viewer !== null && request.follows && authorIds.length > 0) {
    parts.push(
      sql`select 'following', followee_id::text, null, null, null, null from follows where follower_id = ${viewer} and followee_id = any(${ids(authorIds)})`,
    );
    parts.push(
      sql`select 'followed_by', follower_id::text, null, null, null, null from follows where followee_id = ${viewer} and follower_id = any(${ids(authorIds)})`,
    );
  }
  if (viewer !== null && request.commentIds && request.commentIds.length > 0) {
    parts.push(
      sql`select 'liked_comment', comment_id::text, null, null, null, null from comment_likes where user_id = ${viewer} and comment_id = any(${ids(request.commentIds)})`,
    );
  }
  if (request.countIds && request.countIds.length > 0) {
    parts.push(
      sql`select 'counts', note_id::text, sum(likes)::text, sum(collects)::text, sum(comments)::text, sum(views)::text from note_counters where note_id = any(${ids(request.countIds)}) group by note_id`,
    );
  }
  if (parts.length === 0) return facts;
  const { rows } = await sql<{
    kind: string;
    id: string;
    a: string | null;
    b: string | null;
    c: string | null;
    d: string | null;
  }>`${PREPARED}select * from (${sql.join(parts, sql` union all `)}) as facts (kind, id, a, b, c, d)`.execute(db);
  for (const row of rows) {
    if (row.kind === 'author') facts.authors.set(row.id, { status: row.a as AccountStatus, isPrivate: row.b === 'true', commentPermission: row.c as Audience });
    else if (row.kind === 'liked') facts.liked.add(row.id);
    else if (row.kind === 'collected') facts.collected.set(row.id, row.a);
    else if (row.kind === 'following') facts.following.add(row.id);
    else if (row.kind === 'followed_by') facts.followedBy.add(row.id);
    else if (row.kind === 'counts') facts.counts.set(row.id, { likes: Number(row.a), collects: Number(row.b), comments: Number(row.c), views: Number(row.d) });
    else facts.likedComments.add(row.id);
  }
  return facts;
}

export async function topicsOfNotes(db: Db, noteIds: readonly string[]): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (noteIds.length === 0) return result;
  const rows = await db
    .selectFrom('note_topics')
    .innerJoin('topics', 'topics.id', 'note_topics.topic_id')
    .select(['note_topics.note_id', 'topics.name'])
    .where('note_topics.note_id', 'in', noteIds)
    .execute();
  for (const row of rows) result.set(row.note_id, [...(result.get(row.note_id) ?? []), row.name]);
  return result;
}

/** The people a note mentions (their handles come from the author cache, so a rename shows at once). */
export async function mentionedUserIds(db: Db, noteId: string): Promise<string[]> {
  const rows = await db.selectFrom('note_mentions').select('user_id').where('note_id', '=', noteId).orderBy('user_id').execute();
  return rows.map((row) => row.user_id);
}
