import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { LanguageSource } from '../../db/tables/notes.js';
import type { LanguageColumns } from './language-columns.js';

export async function setNoteLanguage(db: Db, noteId: string, columns: LanguageColumns & { language_source: LanguageSource }): Promise<void> {
  await db.updateTable('notes').set(columns).where('id', '=', noteId).execute();
}

export async function setCommentLanguage(db: Db, commentId: string, columns: LanguageColumns): Promise<void> {
  await db.updateTable('comments').set(columns).where('id', '=', commentId).execute();
}

/** Rows written before detection existed (or by a path that skips it), oldest first; served by a partial index. */
export function notesWithoutLanguage(db: Db, limit: number) {
  return db
    .selectFrom('notes')
    .select(['id', 'title', 'body'])
    .where('language', 'is', null)
    .where('language_confidence', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export function commentsWithoutLanguage(db: Db, limit: number) {
  return db
    .selectFrom('comments')
    .select(['id', 'body'])
    .where('language', 'is', null)
    .where('language_confidence', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Bios not tagged yet, after `afterId` (users carry no confidence, so the caller walks them once by id). */
export function biosWithoutLanguage(db: Db, afterId: string, limit: number) {
  return db
    .selectFrom('users')
    .select(['id', 'bio'])
    .where('id', '>', afterId)
    .where('bio', '<>', '')
    .where('bio_language', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** One UPDATE for a whole batch; a row an author tagged meanwhile is left alone. */
export async function storeDetected(db: Db, table: 'notes' | 'comments', rows: ReadonlyArray<{ id: string } & LanguageColumns>): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((row) => sql`(${row.id}::bigint, ${row.language}::text, ${row.language_confidence}::real)`));
  await sql`
    update ${sql.table(table)} as t set language = v.language, language_confidence = v.confidence
    from (values ${values}) as v(id, language, confidence)
    where t.id = v.id and t.language is null and t.language_confidence is null`.execute(db);
}

export async function storeBioLanguages(db: Db, rows: ReadonlyArray<{ id: string; language: string }>): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((row) => sql`(${row.id}::bigint, ${row.language}::text)`));
  await sql`
    update users as u set bio_language = v.language
    from (values ${values}) as v(id, language)
    where u.id = v.id and u.bio_language is null`.execute(db);
}
