import { type Kysely, sql } from 'kysely';

// Trust and safety, part two: reports, the review queue, actions, strikes,
// statements of reasons and appeals.
// - reports widen from notes to notes, comments and accounts, with a category
//   and a status the reporter follows; one open report per reporter and item.
// - moderation_cases is the queue: one open case per item, however many reports
//   arrive (a surge collapses into one entry).
// - moderation_actions is the audit log: append-only (a trigger refuses updates
//   and deletes); a reversal is a new row pointing at the one it reverses.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('moderation_cases')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('subject_type', 'text', (col) => col.notNull().check(sql`subject_type in ('note', 'comment', 'user')`))
    .addColumn('subject_id', 'bigint', (col) => col.notNull())
    // The person whose item it is (the account itself for a profile).
    .addColumn('owner_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('reports', 'held')`))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'closed')`))
    .addColumn('severity', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('report_count', 'integer', (col) => col.notNull().defaultTo(0))
    // How fast the item spreads: its impressions in the last 24 hours, refreshed by a periodic task.
    .addColumn('spread', 'integer', (col) => col.notNull().defaultTo(0))
    // Rulebooks of the reporters and of the item's language, for moderators' scopes.
    .addColumn('rulebooks', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('language', 'text')
    .addColumn('opened_at', 'timestamptz', (col) => col.notNull())
    .addColumn('last_reported_at', 'timestamptz')
    .addColumn('claimed_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('claimed_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .execute();
  await sql`create unique index moderation_cases_open_idx on moderation_cases (subject_type, subject_id) where status = 'open'`.execute(db);
  await sql`create index moderation_cases_queue_idx on moderation_cases (kind, severity desc, report_count desc, spread desc, id) where status = 'open'`.execute(
    db,
  );

  await sql`alter table reports drop constraint reports_once`.execute(db);
  await db.schema
    .alterTable('reports')
    .addColumn('subject_type', 'text', (col) => col.notNull().defaultTo('note').check(sql`subject_type in ('note', 'comment', 'user')`))
    .addColumn('subject_id', 'bigint')
    .addColumn('country', 'text')
    .addColumn('details', 'text', (col) => col.notNull().defaultTo(''))
    // The reporter's rulebook when they reported (the item may be fine elsewhere).
    .addColumn('rulebook', 'text', (col) => col.notNull().defaultTo('default'))
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'action_taken', 'no_violation')`))
    .addColumn('case_id', 'bigint', (col) => col.references('moderation_cases.id').onDelete('set null'))
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  await sql`update reports set subject_id = note_id`.execute(db);
  await sql`alter table reports alter column subject_id set not null, alter column note_id drop not null`.execute(db);
  await sql`alter table reports rename column reason to category`.execute(db);
  await sql`create unique index reports_open_once_idx on reports (reporter_id, subject_type, subject_id) where status = 'open'`.execute(db);
  await sql`create index reports_case_idx on reports (case_id)`.execute(db);
  await sql`create index reports_created_idx on reports (created_at)`.execute(db);

  await db.schema
    .createTable('moderation_actions')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('case_id', 'bigint', (col) => col.references('moderation_cases.id').onDelete('set null'))
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('subject_type', 'text', (col) => col.notNull())
    .addColumn('subject_id', 'bigint', (col) => col.notNull())
    .addColumn('owner_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('label', 'text')
    .addColumn('rulebooks', sql`text[]`)
    .addColumn('rule', 'text', (col) => col.notNull())
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('duration_hours', 'integer')
    .addColumn('automated', 'boolean', (col) => col.notNull().defaultTo(false))
    .addColumn('moderator_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('reverses_action_id', 'bigint', (col) => col.references('moderation_actions.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index moderation_actions_subject_idx on moderation_actions (subject_type, subject_id)`.execute(db);
  await sql`create index moderation_actions_owner_idx on moderation_actions (owner_id, created_at)`.execute(db);
  await sql`create index moderation_actions_created_idx on moderation_actions (created_at)`.execute(db);
  await sql`
    create function moderation_actions_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'moderation_actions is append-only';
    end $$`.execute(db);
  await sql`create trigger moderation_actions_append_only before update or delete on moderation_actions
    for each row execute function moderation_actions_append_only()`.execute(db);

  await db.schema
    .createTable('strikes')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('action_id', 'bigint', (col) => col.notNull().references('moderation_actions.id'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .addColumn('reversed_at', 'timestamptz')
    .execute();
  await sql`create index strikes_user_idx on strikes (user_id)`.execute(db);

  await db.schema
    .createTable('statements')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('action_id', 'bigint', (col) => col.notNull().unique().references('moderation_actions.id'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('facts', 'text', (col) => col.notNull())
    .addColumn('automated_detection', 'boolean', (col) => col.notNull())
    .addColumn('territorial_scope', sql`text[]`)
    .addColumn('appeal_deadline', 'timestamptz', (col) => col.notNull())
    .addColumn('reversed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index statements_user_idx on statements (user_id, created_at desc)`.execute(db);

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('statement_id', 'bigint', (col) => col.notNull().unique().references('statements.id').onDelete('cascade'))
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('text', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull().defaultTo('open').check(sql`status in ('open', 'upheld', 'rejected')`))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('decided_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('reason', 'text')
    .execute();
  await sql`create index appeals_open_idx on appeals (created_at) where status = 'open'`.execute(db);

  await db.schema
    .createTable('moderators')
    .addColumn('user_id', 'bigint', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    // null: every rulebook / every language.
    .addColumn('rulebooks', sql`text[]`)
    .addColumn('languages', sql`text[]`)
    .addColumn('granted_by', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['moderators', 'appeals', 'statements', 'strikes']) await db.schema.dropTable(table).execute();
  await sql`drop trigger moderation_actions_append_only on moderation_actions`.execute(db);
  await db.schema.dropTable('moderation_actions').execute();
  await sql`drop function moderation_actions_append_only()`.execute(db);
  await sql`drop index reports_open_once_idx`.execute(db);
  await sql`alter table reports rename column category to reason`.execute(db);
  await db.schema
    .alterTable('reports')
    .dropColumn('subject_type')
    .dropColumn('subject_id')
    .dropColumn('country')
    .dropColumn('details')
    .dropColumn('rulebook')
    .dropColumn('status')
    .dropColumn('case_id')
    .dropColumn('resolved_at')
    .execute();
  await db.schema.dropTable('moderation_cases').execute();
}
