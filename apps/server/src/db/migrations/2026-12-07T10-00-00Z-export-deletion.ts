import { type Kysely, sql } from 'kysely';

// Download my data and delete my account (issue 12):
// - data_exports: one zip per request, built by a job that reports its progress;
// - account_deletions: an erasure scheduled 30 days out, cancelled by signing in;
// - users.status 'deactivated' during that grace (hidden from everyone else), and one
//   'erased' placeholder account that keeps the tombstones of erased people's notes
//   and comments, so replies by others stay readable under them;
// - phone_codes.purpose: a code sent to confirm a deletion never signs anyone in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('data_exports')
    .addColumn('id', 'bigserial', (col) => col.primaryKey())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('state', 'text', (col) => col.notNull().defaultTo('queued').check(sql`state in ('queued', 'building', 'ready', 'failed')`))
    .addColumn('progress', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('storage_key', 'text')
    .addColumn('size_bytes', 'bigint')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index data_exports_user_idx on data_exports (user_id, created_at desc)`.execute(db);
  await sql`create index data_exports_expiry_idx on data_exports (expires_at)`.execute(db);

  await db.schema
    .createTable('account_deletions')
    .addColumn('user_id', 'bigint', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('requested_at', 'timestamptz', (col) => col.notNull())
    .addColumn('erase_after', 'timestamptz', (col) => col.notNull())
    // What the account was before (a suspension keeps running if the person comes back).
    .addColumn('previous_status', 'text', (col) => col.notNull())
    // Set when the erasure job was enqueued, so the periodic sweep does not enqueue it again each run.
    .addColumn('erasure_queued_at', 'timestamptz')
    .execute();
  await sql`create index account_deletions_due_idx on account_deletions (erase_after)`.execute(db);

  await db.schema
    .alterTable('phone_codes')
    .addColumn('purpose', 'text', (col) => col.notNull().defaultTo('sign_in').check(sql`purpose in ('sign_in', 'delete_account')`))
    .execute();

  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'pending', 'suspended', 'banned', 'deactivated', 'erased'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('users').where('status', '=', 'erased').execute();
  await db.updateTable('users').set({ status: 'active' }).where('status', '=', 'deactivated').execute();
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'pending', 'suspended', 'banned'))`.execute(db);
  await db.schema.alterTable('phone_codes').dropColumn('purpose').execute();
  await db.schema.dropTable('account_deletions').execute();
  await db.schema.dropTable('data_exports').execute();
}
