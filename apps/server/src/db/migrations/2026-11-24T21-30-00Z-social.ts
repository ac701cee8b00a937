import type { Kysely } from 'kysely';

// A reply to a reply is stored under the top-level comment (one level of
// replies, RedNote style) but still shows whom it answered ("回复 @ann"), so
// the person replied to is kept beside the parent.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('comments')
    .addColumn('reply_to_user_id', 'bigint', (col) => col.references('users.id').onDelete('set null'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('comments').dropColumn('reply_to_user_id').execute();
}
