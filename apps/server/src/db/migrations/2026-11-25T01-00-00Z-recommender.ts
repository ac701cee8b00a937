import { type Kysely, sql } from 'kysely';

// The recommender's state. Raw signals stay in `events` (one append-only log,
// written by clients for what they saw and by the server for what people did);
// everything here is derived from it by scheduled jobs, except what a user
// says directly (not interested, reports) and what the feed served.
export async function up(db: Kysely<any>): Promise<void> {
  // Server-side signals (likes, follows, "not interested"…) have no client
  // session; `weight` carries an interaction's strength (imports, unlikes = -1);
  // `position` is the slot an impression was shown in.
  await sql`alter table events drop constraint events_type_check`.execute(db);
  await sql`alter table events add constraint events_type_check check (type in (
    'impression', 'play', 'watch', 'complete', 'replay', 'skip', 'unmute', 'share', 'dwell',
    'like', 'unlike', 'collect', 'uncollect', 'comment', 'follow', 'not_interested', 'report', 'interaction'))`.execute(db);
  await sql`alter table events alter column client_session drop not null, alter column client_seq drop not null`.execute(db);
  await sql`alter table events add column weight real, add column position integer`.execute(db);
  await sql`create index events_type_idx on events (type, occurred_at)`.execute(db);

  await sql`alter table users add column feed_personalised boolean not null default true`.execute(db);

  // Positive engagement per (user, note), folded from events incrementally.
  await db.schema
    .createTable('rec_affinity')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('strength', 'real', (col) => col.notNull())
    .addColumn('last_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('rec_affinity_pk', ['user_id', 'note_id'])
    .execute();
  await sql`create index rec_affinity_note_idx on rec_affinity (note_id, last_at desc)`.execute(db);
  await sql`create index rec_affinity_user_recent_idx on rec_affinity (user_id, last_at desc)`.execute(db);

  // Item-to-item co-engagement (RP3beta-style random walk), top N per note.
  await db.schema
    .createTable('rec_note_neighbors')
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('neighbor_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('score', 'real', (col) => col.notNull())
    .addPrimaryKeyConstraint('rec_note_neighbors_pk', ['note_id', 'neighbor_id'])
    .execute();

  // People with similar engagement, top N per user.
  await db.schema
    .createTable('rec_user_neighbors')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('neighbor_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('score', 'real', (col) => col.notNull())
    .addPrimaryKeyConstraint('rec_user_neighbors_pk', ['user_id', 'neighbor_id'])
    .execute();

  // Interest in topics (hashtags), from engagement with tagged notes and "not interested".
  await db.schema
    .createTable('rec_user_topics')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('topic_id', 'bigint', (col) => col.notNull().references('topics.id').onDelete('cascade'))
    .addColumn('weight', 'real', (col) => col.notNull())
    .addPrimaryKeyConstraint('rec_user_topics_pk', ['user_id', 'topic_id'])
    .execute();

  // Quality (smoothed engagement per impression) and staged exposure per note.
  await db.schema
    .createTable('rec_note_quality')
    .addColumn('note_id', 'bigint', (col) => col.primaryKey().references('notes.id').onDelete('cascade'))
    .addColumn('impressions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('engagement', 'real', (col) => col.notNull().defaultTo(0))
    .addColumn('negatives', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('watch_completion', 'real')
    .addColumn('quality', 'real', (col) => col.notNull().defaultTo(0))
    .addColumn('stage', 'smallint', (col) => col.notNull().defaultTo(1))
    .addColumn('stage_impressions', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('stage_status', 'text', (col) => col.notNull().defaultTo('testing').check(sql`stage_status in ('testing', 'promoted', 'settled', 'open')`))
    .addColumn('stage_changed_at', 'timestamptz', (col) => col.notNull())
    .addColumn('updated_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await sql`create index rec_note_quality_testing_idx on rec_note_quality (stage) where stage_status = 'testing'`.execute(db);
  // The popular pool (cold viewers, gap filling) reads notes best-first.
  await sql`create index rec_note_quality_quality_idx on rec_note_quality (quality desc)`.execute(db);

  // Notes gaining engagement fastest, recomputed by a job.
  await db.schema
    .createTable('rec_trending')
    .addColumn('note_id', 'bigint', (col) => col.primaryKey().references('notes.id').onDelete('cascade'))
    .addColumn('score', 'real', (col) => col.notNull())
    .addColumn('topic_id', 'bigint', (col) => col.references('topics.id').onDelete('set null'))
    .addColumn('computed_at', 'timestamptz', (col) => col.notNull())
    .execute();

  // What the feed already served each user: never serve a note twice, and the
  // source of each exposure (for fairness reports and explanations).
  await db.schema
    .createTable('rec_served')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('served_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('rec_served_pk', ['user_id', 'note_id'])
    .execute();
  await sql`create index rec_served_time_idx on rec_served (served_at)`.execute(db);

  await db.schema
    .createTable('not_interested')
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addPrimaryKeyConstraint('not_interested_pk', ['user_id', 'note_id'])
    .execute();

  await db.schema
    .createTable('reports')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('reporter_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('reason', 'text', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('reports_once', ['reporter_id', 'note_id'])
    .execute();

  // Where each incremental job stopped reading `events`.
  await db.schema
    .createTable('rec_job_state')
    .addColumn('name', 'text', (col) => col.primaryKey())
    .addColumn('last_event_id', 'bigint', (col) => col.notNull().defaultTo(0))
    .addColumn('ran_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'rec_job_state',
    'reports',
    'not_interested',
    'rec_served',
    'rec_trending',
    'rec_note_quality',
    'rec_user_topics',
    'rec_user_neighbors',
    'rec_note_neighbors',
    'rec_affinity',
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`alter table users drop column feed_personalised`.execute(db);
  await sql`drop index events_type_idx`.execute(db);
  await sql`alter table events drop column weight, drop column position`.execute(db);
}
