import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';

// The "Liked" and "Collected" tabs of a profile: note ids, newest first, for
// the notes module to hydrate into cards. Deleted notes are skipped.

export interface NoteRef {
  noteId: string;
  /** When the note was liked or collected. */
  at: Date;
}

export interface NoteRefsOptions {
  /** The viewer's visibility filter over `notes n` (kernel/visible-rows-sql.ts). */
  visible?: RawBuilder<boolean>;
  /** Collects only: leave out notes the owner keeps in a private board (someone else is looking). */
  hidePrivateBoards?: boolean;
}

async function noteRefsPage(
  db: Db,
  table: 'likes' | 'collects',
  userId: string,
  cursor: string | undefined,
  limit: number,
  options: NoteRefsOptions,
): Promise<Page<NoteRef>> {
  const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
  const result = await sql<{ note_id: string; created_at: Date }>`
    select e.note_id::text as note_id, e.created_at
    from ${sql.table(table)} e join notes n on n.id = e.note_id
    where e.user_id = ${userId} and ${options.visible ?? sql`n.deleted_at is null`}
      ${table === 'collects' && options.hidePrivateBoards ? sql`and not exists (select 1 from boards b where b.id = e.board_id and b.is_private)` : sql``}
      ${before ? sql`and (e.created_at, e.note_id) < (${before[0]}::timestamptz, ${before[1]}::bigint)` : sql``}
    order by e.created_at desc, e.note_id desc
    limit ${limit + 1}`.execute(db);
  const rows = result.rows;
  return pageOf(
    rows,
    limit,
    (row) => ({ noteId: row.note_id, at: row.created_at }),
    (row) => [row.created_at.toISOString(), row.note_id],
  );
}

/** Notes a user liked, latest like first. A tampered cursor is a 400 cursor_invalid. */
export function likedNoteIdsPage(db: Db, userId: string, cursor: string | undefined, limit: number, options: NoteRefsOptions = {}) {
  return noteRefsPage(db, 'likes', userId, cursor, limit, options);
}

/** Notes a user collected (any board), latest collect first. */
export function collectedNoteIdsPage(db: Db, userId: string, cursor: string | undefined, limit: number, options: NoteRefsOptions = {}) {
  return noteRefsPage(db, 'collects', userId, cursor, limit, options);
}
