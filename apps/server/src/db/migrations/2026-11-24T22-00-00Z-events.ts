import { type Kysely, sql } from 'kysely';

// What people do with what they are shown: impressions, watch time,
// completions, skips... The recommender reads this table; view counters are
// fed from the impressions. A client's (session, seq) pair makes each event count once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('note_id', 'bigint', (col) => col.notNull().references('notes.id').onDelete('cascade'))
    .addColumn('type', 'text', (col) => col.notNull().check(sql`type in ('impression', 'play', 'watch', 'complete', 'replay', 'skip', 'unmute', 'share')`))
    .addColumn('source', 'text')
    .addColumn('watch_ms', 'integer')
    .addColumn('position_ms', 'integer')
    .addColumn('client_session', 'uuid', (col) => col.notNull())
    .addColumn('client_seq', 'integer', (col) => col.notNull())
    .addColumn('occurred_at', 'timestamptz', (col) => col.notNull())
    .addColumn('received_at', 'timestamptz', (col) => col.notNull())
    .addUniqueConstraint('events_client_unique', ['client_session', 'client_seq'])
    .execute();
  await sql`create index events_note_idx on events (note_id, occurred_at)`.execute(db);
  await sql`create index events_user_idx on events (user_id, occurred_at) where user_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('events').execute();
}
