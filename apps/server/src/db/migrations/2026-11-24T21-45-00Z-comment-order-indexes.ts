import { type Kysely, sql } from 'kysely';

// A hot note's "top" comments were sorted in full on every page view; this
// index serves the top order (and its keyset cursor) directly.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index comments_top_idx on comments (note_id, like_count desc, created_at desc, id desc) where parent_id is null and deleted_at is null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index comments_top_idx`.execute(db);
}
