import { type Kysely, sql } from 'kysely';

// Trust and safety, part one: labels and what they do. Each label on a note,
// comment or profile is a row in `labels` (who or what set it, why, in which
// rulebooks, when; removed rows stay as history). The active labels are also
// kept on the item itself (`labels text[]`, entries `label` or
// `label@rulebook`) so that every read path decides visibility from the row it
// already reads, and a query can pre-filter with one array overlap.
export async function up(db: Kysely<any>): Promise<void> {
  const labelled = (table: string) =>
    db.schema
      .alterTable(table)
      .addColumn('labels', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
      .addColumn('mod_state', 'text', (col) => col.notNull().defaultTo('live').check(sql`mod_state in ('live', 'held', 'removed')`));
  await labelled('notes')
    .addColumn('reach_limited', 'boolean', (col) => col.notNull().defaultTo(false))
    .execute();
  await labelled('comments').execute();
  await db.schema
    .alterTable('users')
    .addColumn('labels', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('active').check(sql`status in ('active', 'suspended', 'banned')`))
    .addColumn('suspended_until', 'timestamptz')
    .addColumn('birth_date', 'date')
    .addColumn('region_changed_at', 'timestamptz')
    .execute();
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('user', 'moderator', 'admin'))`.execute(db);
  // Suspended and banned accounts, a handful: read paths leave out their content.
  await sql`create index users_restricted_idx on users (id) where status <> 'active'`.execute(db);
  // The few notes anyone restricted: the recommender and media checks read just these.
  await sql`create index notes_moderated_idx on notes (id) where labels <> '{}' or mod_state <> 'live' or reach_limited`.execute(db);

  await db.schema
    .createTable('labels')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subject_type', 'text', (col) => col.notNull().check(sql`subject_type in ('note', 'comment', 'user')`))
    .addColumn('subject_id', 'bigint', (col) => col.notNull())
    .addColumn('label', 'text', (col) => col.notNull())
    // null: every rulebook; else the rulebooks it applies in.
    .addColumn('rulebooks', sql`text[]`)
    .addColumn('source', 'text', (col) => col.notNull().check(sql`source in ('screening', 'moderator', 'admin')`))
    .addColumn('reason', 'text', (col) => col.notNull().defaultTo(''))
    .addColumn('created_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addColumn('removed_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await sql`create index labels_subject_idx on labels (subject_type, subject_id) where removed_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('labels').execute();
  await sql`drop index notes_moderated_idx`.execute(db);
  await sql`drop index users_restricted_idx`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('user', 'admin'))`.execute(db);
  await db.schema
    .alterTable('users')
    .dropColumn('labels')
    .dropColumn('status')
    .dropColumn('suspended_until')
    .dropColumn('birth_date')
    .dropColumn('region_changed_at')
    .execute();
  await db.schema.alterTable('comments').dropColumn('labels').dropColumn('mod_state').execute();
  await db.schema.alterTable('notes').dropColumn('labels').dropColumn('mod_state').dropColumn('reach_limited').execute();
}
