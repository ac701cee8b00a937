import { type Kysely, sql } from 'kysely';

// Machine translations, shared by every viewer: one row per source text
// (by hash, so an edited note is a new key), target language and provider.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('translations')
    .addColumn('source_hash', 'text', (col) => col.notNull())
    .addColumn('target', 'text', (col) => col.notNull())
    .addColumn('provider', 'text', (col) => col.notNull())
    .addColumn('translated_text', 'text', (col) => col.notNull())
    .addColumn('source_language', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('translations_pkey', ['source_hash', 'target', 'provider'])
    .execute();
  // For pruning old rows later without a full scan.
  await sql`create index translations_created_idx on translations (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('translations').execute();
}
