import { type Kysely, sql } from 'kysely';

// Flood defences: when moderators have been idle too long, sign-ups wait for
// approval (status 'pending') instead of posting at once; images carry what
// the image classifier found (screened_at null: not looked at yet).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('images')
    .addColumn('labels', sql`text[]`, (col) => col.notNull().defaultTo(sql`'{}'::text[]`))
    .addColumn('screened_at', 'timestamptz')
    .execute();
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'pending', 'suspended', 'banned'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('images').dropColumn('labels').dropColumn('screened_at').execute();
  await sql`update users set status = 'active' where status = 'pending'`.execute(db);
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'suspended', 'banned'))`.execute(db);
}
