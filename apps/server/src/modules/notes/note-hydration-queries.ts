import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NoteRow } from '../../db/tables/notes.js';
import type { UserRow } from '../../db/tables/users.js';

export type NoteWithAuthor = NoteRow & { author: Pick<UserRow, 'id' | 'handle' | 'display_name' | 'bio' | 'region' | 'status' | 'is_private'> };

/** Live notes by id with their authors, in the order of the ids given. */
export async function notesWithAuthors(db: Db, ids: readonly string[]): Promise<NoteWithAuthor[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('notes')
    .innerJoin('users', 'users.id', 'notes.author_id')
    .selectAll('notes')
    .select([
      'users.handle as a_handle',
      'users.display_name as a_display_name',
      'users.bio as a_bio',
      'users.region as a_region',
      'users.status as a_status',
      'users.is_private as a_private',
    ])
    .where('notes.id', 'in', ids)
    .where('notes.deleted_at', 'is', null)
    .execute();
  const byId = new Map(
    rows.map(({ a_handle, a_display_name, a_bio, a_region, a_status, a_private, ...note }) => [
      note.id,
      {
        ...note,
        author: { id: note.author_id, handle: a_handle, display_name: a_display_name, bio: a_bio, region: a_region, status: a_status, is_private: a_private },
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function viewerLikes(db: Db, viewerId: string, noteIds: readonly string[]): Promise<Set<string>> {
  if (noteIds.length === 0) return new Set();
  const rows = await db.selectFrom('likes').select('note_id').where('user_id', '=', viewerId).where('note_id', 'in', noteIds).execute();
  return new Set(rows.map((row) => row.note_id));
}

/** The viewer's relation to one note and its author, in one round trip (blocks and mutes are in the viewer context). */
export async function viewerStateOfNote(db: Db, viewerId: string, noteId: string, authorId: string) {
  const { rows } = await sql<{ liked: boolean; collected: boolean; board_id: string | null; following: boolean }>`
    select exists (select 1 from likes where user_id = ${viewerId} and note_id = ${noteId}) as liked,
           exists (select 1 from collects where user_id = ${viewerId} and note_id = ${noteId}) as collected,
           (select board_id from collects where user_id = ${viewerId} and note_id = ${noteId}) as board_id,
           exists (select 1 from follows where follower_id = ${viewerId} and followee_id = ${authorId}) as following`.execute(db);
  const row = rows[0]!;
  return {
    liked: row.liked,
    collected: row.collected,
    boardId: row.board_id === null ? null : String(row.board_id),
    following: row.following,
  };
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

export function mentionsOfNote(db: Db, noteId: string) {
  return db
    .selectFrom('note_mentions')
    .innerJoin('users', 'users.id', 'note_mentions.user_id')
    .select(['users.id', 'users.handle'])
    .where('note_mentions.note_id', '=', noteId)
    .execute();
}
