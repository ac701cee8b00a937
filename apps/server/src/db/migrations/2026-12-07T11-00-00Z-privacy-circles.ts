import { type Kysely, sql } from 'kysely';

// Privacy controls (issue 12, item 4): a private account whose notes only
// approved followers see, with follow requests the owner approves or denies;
// who may comment on my notes and who may mention me; noindex for search
// engines. Notifications learn two kinds: a follow request, and its approval.
const AUDIENCES = sql`('everyone', 'followers', 'following', 'nobody')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('is_private', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('comment_permission', 'text', (col) => col.notNull().defaultTo('everyone').check(sql`comment_permission in ${AUDIENCES}`))
    .addColumn('mention_permission', 'text', (col) => col.notNull().defaultTo('everyone').check(sql`mention_permission in ${AUDIENCES}`))
    .addColumn('noindex', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  // Read paths ask "which of these authors are private?": a partial index keeps that lookup small.
  await sql`create index users_private_idx on users (id) where is_private`.execute(db);
  await db.schema
    .createTable('follow_requests')
    .addColumn('requester_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('target_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('follow_requests_pk', ['requester_id', 'target_id'])
    .execute();
  await sql`create index follow_requests_target_idx on follow_requests (target_id, created_at desc, requester_id desc)`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check
    check (kind in ('like', 'collect', 'comment', 'reply', 'mention', 'follow', 'comment_like', 'follow_request', 'follow_approved'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`delete from notifications where kind in ('follow_request', 'follow_approved')`.execute(db);
  await sql`alter table notifications drop constraint notifications_kind_check`.execute(db);
  await sql`alter table notifications add constraint notifications_kind_check
    check (kind in ('like', 'collect', 'comment', 'reply', 'mention', 'follow', 'comment_like'))`.execute(db);
  await db.schema.dropTable('follow_requests').execute();
  await sql`drop index users_private_idx`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('is_private')
    .dropColumn('comment_permission')
    .dropColumn('mention_permission')
    .dropColumn('noindex')
    .execute();
}
