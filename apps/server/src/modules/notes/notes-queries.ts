import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NoteKind, NoteRow } from '../../db/tables/notes.js';
import type { TopicRow } from '../../db/tables/topics.js';
import type { UserRow } from '../../db/tables/users.js';
import type { LanguageColumns } from '../language/language-columns.js';
import { topicKey } from './note-text.js';

export function insertNote(
  db: Db,
  input: {
    authorId: string;
    kind?: NoteKind;
    title: string;
    body: string;
    place: string | null;
    searchTokens: string[];
    language?: LanguageColumns;
    now: Date;
  },
): Promise<NoteRow> {
  return db
    .insertInto('notes')
    .values({
      author_id: input.authorId,
      kind: input.kind ?? 'image',
      title: input.title,
      body: input.body,
      place: input.place,
      search_tokens: input.searchTokens,
      ...input.language,
      created_at: input.now,
      updated_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findLiveNote(db: Db, id: string): Promise<NoteRow | undefined> {
  return db.selectFrom('notes').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Locks the note row for an edit or delete by its author. */
export function lockLiveNote(db: Db, id: string): Promise<NoteRow | undefined> {
  return db.selectFrom('notes').selectAll().where('id', '=', id).where('deleted_at', 'is', null).forUpdate().executeTakeFirst();
}

export async function updateNote(
  db: Db,
  id: string,
  patch: { title?: string; body?: string; place?: string | null; searchTokens: string[]; language?: LanguageColumns; now: Date },
): Promise<NoteRow> {
  const { searchTokens, language, now, ...fields } = patch;
  return db
    .updateTable('notes')
    .set({ ...fields, ...language, search_tokens: searchTokens, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markNoteDeleted(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('notes').set({ deleted_at: now }).where('id', '=', id).execute();
  await db.deleteFrom('note_rank').where('note_id', '=', id).execute();
}

/** Topics by name, created on first use. Returns them in the order given. */
export async function upsertTopics(db: Db, names: readonly string[], now: Date): Promise<TopicRow[]> {
  if (names.length === 0) return [];
  await db
    .insertInto('topics')
    .values(names.map((name) => ({ name, name_key: topicKey(name), created_at: now })))
    .onConflict((oc) => oc.column('name_key').doNothing())
    .execute();
  const rows = await db.selectFrom('topics').selectAll().where('name_key', 'in', names.map(topicKey)).execute();
  const byKey = new Map(rows.map((row) => [row.name_key, row]));
  return names.map((name) => byKey.get(topicKey(name))!);
}

export async function setNoteTopics(db: Db, noteId: string, topicIds: readonly string[], createdAt: Date): Promise<void> {
  await db.deleteFrom('note_topics').where('note_id', '=', noteId).execute();
  if (topicIds.length) {
    await db
      .insertInto('note_topics')
      .values(topicIds.map((topicId) => ({ note_id: noteId, topic_id: topicId, created_at: createdAt })))
      .execute();
  }
}

export async function topicIdsOfNote(db: Db, noteId: string): Promise<string[]> {
  return (await db.selectFrom('note_topics').select('topic_id').where('note_id', '=', noteId).execute()).map((row) => row.topic_id);
}

export async function setNoteMentions(db: Db, noteId: string, userIds: readonly string[]): Promise<void> {
  await db.deleteFrom('note_mentions').where('note_id', '=', noteId).execute();
  if (userIds.length) {
    await db
      .insertInto('note_mentions')
      .values(userIds.map((userId) => ({ note_id: noteId, user_id: userId })))
      .execute();
  }
}

export function usersByHandles(db: Db, handles: readonly string[]): Promise<UserRow[]> {
  if (handles.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .where(
      sql<string>`lower(handle)`,
      'in',
      handles.map((h) => h.toLowerCase()),
    )
    .execute();
}

export async function commentCountOfNote(db: Db, noteId: string): Promise<number> {
  const row = await db
    .selectFrom('comments')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('note_id', '=', noteId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** A first rank for a new note, so it can be discovered before the next rank refresh. */
export async function seedNoteRank(db: Db, noteId: string, score: number, now: Date): Promise<void> {
  await db
    .insertInto('note_rank')
    .values({ note_id: noteId, score, computed_at: now })
    .onConflict((oc) => oc.column('note_id').doUpdateSet({ score, computed_at: now }))
    .execute();
}
