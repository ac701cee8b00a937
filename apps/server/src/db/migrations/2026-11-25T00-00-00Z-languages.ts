import { type Kysely, sql } from 'kysely';

// The language of what people write (detected on write, correctable by the
// author) and what each person reads. A null language with a null confidence
// means "not detected yet": rows written before this migration are detected by
// a background task (it cannot run here, since a migration never imports app
// code); a null language with a confidence means "detected, but unknown".
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('notes')
    .addColumn('language', 'text')
    .addColumn('language_confidence', 'real')
    .addColumn('language_source', 'text', (col) => col.notNull().defaultTo('detected').check(sql`language_source in ('detected', 'author')`))
    .execute();
  await db.schema.alterTable('comments').addColumn('language', 'text').addColumn('language_confidence', 'real').execute();
  await db.schema
    .alterTable('users')
    .addColumn('bio_language', 'text')
    .addColumn('read_languages', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('auto_translate', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('feed_languages_only', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  // The backfill finds what is left to detect without scanning the tables; once done these indexes are empty.
  await sql`create index notes_language_pending_idx on notes (id) where language_confidence is null and language is null`.execute(db);
  await sql`create index comments_language_pending_idx on comments (id) where language_confidence is null and language is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index comments_language_pending_idx`.execute(db);
  await sql`drop index notes_language_pending_idx`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('bio_language')
    .dropColumn('read_languages')
    .dropColumn('auto_translate')
    .dropColumn('feed_languages_only')
    .execute();
  await db.schema.alterTable('comments').dropColumn('language').dropColumn('language_confidence').execute();
  await db.schema.alterTable('notes').dropColumn('language').dropColumn('language_confidence').dropColumn('language_source').execute();
}
