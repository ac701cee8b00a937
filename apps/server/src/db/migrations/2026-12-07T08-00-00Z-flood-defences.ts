import { type Kysely, sql } from 'kysely';

// Flood defences: when moderators have been idle too long, sign-ups wait for
// approval (status 'pending') instead of posting at once; images carry what
// the image classifier found (screened_at null: not looked at yet).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('images')
    .addColumn('labels', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('screened_at', 'timestamptz')
    // A perceptual hash (dHash, signed 64-bit) of the upload: the same picture from many accounts is spam.
    .addColumn('dhash', 'bigint')
    .execute();
  await sql`create index images_recent_dhash_idx on images (created_at) where dhash is not null and note_id is not null`.execute(db);
  // What each person may still upload today (resumable video uploads declare their size up front).
  await db.schema
    .createTable('upload_budgets')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('day', 'date', (col) => col.notNull())
    .addColumn('uploads', 'integer', (col) => col.notNull())
    .addColumn('bytes', 'bigint', (col) => col.notNull())
    .addPrimaryKeyConstraint('upload_budgets_pk', ['user_id', 'day'])
    .execute();
  // SMS sent per hour, for the whole service ('all') and per country calling code ('cc:44'):
  // budgets that stop an SMS-pumping run however many numbers and addresses it rotates.
  await db.schema
    .createTable('sms_budgets')
    .addColumn('scope', 'text', (col) => col.notNull())
    .addColumn('hour', 'timestamptz', (col) => col.notNull())
    .addColumn('sent', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('sms_budgets_pk', ['scope', 'hour'])
    .execute();
  // SimHash of what was written, to find the same text posted from many accounts.
  for (const table of ['notes', 'comments']) await db.schema.alterTable(table).addColumn('text_simhash', 'bigint').execute();
  await sql`create index notes_recent_simhash_idx on notes (created_at) where text_simhash is not null`.execute(db);
  await sql`create index comments_recent_simhash_idx on comments (created_at) where text_simhash is not null`.execute(db);
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'pending', 'suspended', 'banned'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('upload_budgets').execute();
  await db.schema.dropTable('sms_budgets').execute();
  await db.schema.alterTable('images').dropColumn('labels').dropColumn('screened_at').dropColumn('dhash').execute();
  for (const table of ['notes', 'comments']) await db.schema.alterTable(table).dropColumn('text_simhash').execute();
  await sql`update users set status = 'active' where status = 'pending'`.execute(db);
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'suspended', 'banned'))`.execute(db);
}
