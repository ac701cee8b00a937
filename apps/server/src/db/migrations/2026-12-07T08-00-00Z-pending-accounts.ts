import { type Kysely, sql } from 'kysely';

// Flood defence: when moderators have been idle too long, sign-ups wait for
// approval (status 'pending') instead of posting at once.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'pending', 'suspended', 'banned'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`update users set status = 'active' where status = 'pending'`.execute(db);
  await sql`alter table users drop constraint users_status_check`.execute(db);
  await sql`alter table users add constraint users_status_check check (status in ('active', 'suspended', 'banned'))`.execute(db);
}
