import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { BoardRow } from '../../db/tables/boards.js';

export interface BoardSummaryRow {
  id: string;
  name: string;
  is_private: boolean;
  created_at: Date;
  note_count: number;
  cover_image_id: string | null;
}

export function findBoard(db: Db, boardId: string): Promise<BoardRow | undefined> {
  return db.selectFrom('boards').selectAll().where('id', '=', boardId).executeTakeFirst();
}

export function findOwnBoard(db: Db, ownerId: string, boardId: string): Promise<BoardRow | undefined> {
  return db.selectFrom('boards').selectAll().where('id', '=', boardId).where('owner_id', '=', ownerId).executeTakeFirst();
}

/**
 * Boards with their live note count and a cover: the first image of the note
 * collected into the board most recently (null for an empty board or text notes).
 */
export async function listBoards(db: Db, ownerId: string, options: { includePrivate: boolean; boardId?: string }): Promise<BoardSummaryRow[]> {
  const result = await sql<BoardSummaryRow>`
    select b.id::text as id, b.name, b.is_private, b.created_at,
      (select count(*)::int from collects c join notes n on n.id = c.note_id and n.deleted_at is null
        where c.board_id = b.id) as note_count,
      (select i.id::text from collects c join notes n on n.id = c.note_id and n.deleted_at is null
        join images i on i.note_id = n.id
        where c.board_id = b.id
        order by c.created_at desc, c.note_id desc, i.position asc nulls last, i.id asc limit 1) as cover_image_id
    from boards b
    where b.owner_id = ${ownerId}
      ${options.includePrivate ? sql`` : sql`and not b.is_private`}
      ${options.boardId ? sql`and b.id = ${options.boardId}` : sql``}
    order by b.created_at desc, b.id desc`.execute(db);
  return result.rows;
}

export function insertBoard(db: Db, input: { ownerId: string; name: string; isPrivate: boolean; now: Date }): Promise<BoardRow> {
  return db
    .insertInto('boards')
    .values({ owner_id: input.ownerId, name: input.name, is_private: input.isPrivate, created_at: input.now })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateBoard(db: Db, ownerId: string, boardId: string, patch: { name?: string; is_private?: boolean }): Promise<BoardRow | undefined> {
  return db.updateTable('boards').set(patch).where('id', '=', boardId).where('owner_id', '=', ownerId).returningAll().executeTakeFirst();
}

/** The board's collects stay collected: the foreign key sets their board_id to null. */
export async function deleteBoard(db: Db, ownerId: string, boardId: string): Promise<boolean> {
  const row = await db.deleteFrom('boards').where('id', '=', boardId).where('owner_id', '=', ownerId).returning('id').executeTakeFirst();
  return row !== undefined;
}

export interface CollectedNoteRow {
  note_id: string;
  created_at: Date;
}

/** A board's live notes, newest collect first, without authors the viewer must not see. */
export function boardNotesPage(
  db: Db,
  input: { boardId: string; visible: RawBuilder<boolean>; before?: { at: Date; noteId: string }; limit: number },
): Promise<CollectedNoteRow[]> {
  let query = db
    .selectFrom('collects as c')
    .innerJoin('notes as n', 'n.id', 'c.note_id')
    .select(['c.note_id', 'c.created_at'])
    .where('c.board_id', '=', input.boardId)
    .where(input.visible);
  if (input.before) {
    const { at, noteId } = input.before;
    query = query.where(sql<boolean>`(c.created_at, c.note_id) < (${at}::timestamptz, ${noteId}::bigint)`);
  }
  return query
    .orderBy('c.created_at', 'desc')
    .orderBy('c.note_id', 'desc')
    .limit(input.limit + 1)
    .execute();
}
