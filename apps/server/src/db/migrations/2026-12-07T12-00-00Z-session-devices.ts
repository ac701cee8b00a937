import { type Kysely, sql } from 'kysely';

// Sessions list with device and place (issue 12, item 5): each session keeps the device,
// browser and coarse country it signed in from; the account remembers every such
// combination so a sign-in from a new one is told to its owner (a notification that
// carries its own details, so notifications learn a `detail` column).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('sessions')
    .addColumn('device', 'text')
    .addColumn('browser', 'text')
    .addColumn('country', 'text', (col) => col.check(sql`country ~ '^[A-Z]{2}$'`))
    // Set once the address has been cut to its network, so the periodic task skips it.
    .addColumn('ip_truncated', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await sql`create index sessions_ip_untruncated_idx on sessions (created_at) where not ip_truncated and ip is not null`.execute(db);
  await db.schema
    .createTable('sign_in_devices')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('fingerprint', 'text', (col) => col.notNull())
    .addColumn('first_seen_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_seen_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('sign_in_devices_pk', ['user_id', 'fingerprint'])
    .execute();
  await db.schema.alterTable('notifications').addColumn('detail', 'jsonb').execute();
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check
    check (kind in ('like', 'collect', 'comment', 'reply', 'mention', 'follow', 'comment_like', 'follow_request', 'follow_approved', 'new_sign_in'))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where kind = 'new_sign_in'`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check
    check (kind in ('like', 'collect', 'comment', 'reply', 'mention', 'follow', 'comment_like', 'follow_request', 'follow_approved'))`.execute(db);
  await db.schema.alterTable('notifications').dropColumn('detail').execute();
  await db.schema.dropTable('sign_in_devices').execute();
  await db.schema.alterTable('sessions').dropColumn('device').dropColumn('browser').dropColumn('country').dropColumn('ip_truncated').execute();
}
