import { type Kysely, sql } from 'kysely';

// The per-person image upload limit counts a person's images of the last hour
// and day: this index keeps that count a short range scan.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index images_owner_recent_idx on images (owner_id, created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index images_owner_recent_idx`.execute(db);
}
