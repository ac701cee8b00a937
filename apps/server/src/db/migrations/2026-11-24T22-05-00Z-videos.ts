import { type Kysely, sql } from 'kysely';

// One row per finished upload; the id is the tus upload id, so the client knows
// it from the moment the upload starts. Outputs are written by the transcode job.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('videos')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('owner_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.references('notes.id').onDelete('set null'))
    .addColumn('status', 'text', (col) => col.notNull().check(sql`status in ('processing', 'ready', 'failed')`))
    .addColumn('progress', 'real', (col) => col.notNull().defaultTo(0))
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('source_name', 'text', (col) => col.notNull())
    .addColumn('source_bytes', 'bigint', (col) => col.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    .addColumn('poster', 'jsonb')
    .addColumn('previews', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('renditions', 'jsonb', (col) => col.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('hls_key', 'text')
    .addColumn('cover_frame', 'smallint')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create unique index videos_note_idx on videos (note_id) where note_id is not null`.execute(db);
  await sql`create index videos_owner_idx on videos (owner_id, created_at desc)`.execute(db);
  await sql`create index videos_processing_idx on videos (updated_at) where status = 'processing'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('videos').execute();
}
