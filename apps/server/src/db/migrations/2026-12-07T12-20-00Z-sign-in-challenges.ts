import type { Kysely } from 'kysely';

// Proof-of-work challenges for sign-in codes under unusual volume (issue 12, SMS pumping):
// the challenge itself is signed and stateless; only solved ones are remembered, until
// they expire, so each solution is accepted once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('used_challenges')
    .addColumn('nonce', 'text', (col) => col.primaryKey())
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  // "How many codes did this address ask for lately?" decides whether it gets a challenge.
  await db.schema.createIndex('phone_codes_ip_created_idx').on('phone_codes').columns(['ip', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('phone_codes_ip_created_idx').execute();
  await db.schema.dropTable('used_challenges').execute();
}
