import { type Kysely, sql } from 'kysely';

// Optional authenticator-app second factor (issue 12): the TOTP seed sealed at rest,
// the last time step used (a code is good once), ten hashed single-use recovery codes,
// and the short-lived state between the SMS code and the second factor, in which no
// session exists yet.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user_totp')
    .addColumn('user_id', 'bigint', (col) => col.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_sealed', 'bytea', (col) => col.notNull())
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    // Null while enrolment waits for its first code.
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('last_step', 'bigint')
    .execute();
  await db.schema
    .createTable('totp_recovery_codes')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('code_hash', 'bytea', (col) => col.notNull())
    .addColumn('used_at', 'timestamptz')
    .execute();
  await sql`create index totp_recovery_codes_user_idx on totp_recovery_codes (user_id)`.execute(db);
  await db.schema
    .createTable('pending_sign_ins')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('token_hash', 'bytea', (col) => col.notNull().unique())
    .addColumn('user_id', 'bigint', (col) => col.notNull().references('users.id').onDelete('cascade'))
    .addColumn('user_agent', 'text')
    .addColumn('ip', 'text')
    .addColumn('country', 'text')
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (col) => col.notNull())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pending_sign_ins').execute();
  await db.schema.dropTable('totp_recovery_codes').execute();
  await db.schema.dropTable('user_totp').execute();
}
