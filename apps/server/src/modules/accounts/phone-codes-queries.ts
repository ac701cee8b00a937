import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CodePurpose, PhoneCodeRow } from '../../db/tables/phone-codes.js';

/**
 * Serialises code requests and verifications for one number inside a
 * transaction, so two parallel requests cannot both pass the resend gap or
 * both spend the same attempt.
 */
export async function lockPhone(trx: Db, phoneIndex: Buffer): Promise<void> {
  // The lock key comes from the blind index: the number itself never reaches PostgreSQL.
  await sql`select pg_advisory_xact_lock(${phoneIndex.readBigInt64BE(0).toString()}::bigint)`.execute(trx);
}

/** The newest code sent to a number (of one purpose, when given: a deletion code never signs in). */
export function latestCode(trx: Db, phoneIndex: Buffer, purpose?: CodePurpose): Promise<PhoneCodeRow | undefined> {
  let query = trx.selectFrom('phone_codes').selectAll().where('phone_index', '=', phoneIndex);
  if (purpose) query = query.where('purpose', '=', purpose);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Codes sent to a number since a time, oldest first (for the hourly and daily caps). */
export async function codeTimesSince(trx: Db, phoneIndex: Buffer, since: Date): Promise<Date[]> {
  const rows = await trx
    .selectFrom('phone_codes')
    .select('created_at')
    .where('phone_index', '=', phoneIndex)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .execute();
  return rows.map((row) => row.created_at);
}

export function insertCode(
  trx: Db,
  input: { phoneIndex: Buffer; codeHash: Buffer; ip: string | null; now: Date; expiresAt: Date; purpose?: CodePurpose },
): Promise<{ id: string }> {
  return trx
    .insertInto('phone_codes')
    .values({
      phone_index: input.phoneIndex,
      code_hash: input.codeHash,
      ip: input.ip,
      created_at: input.now,
      expires_at: input.expiresAt,
      purpose: input.purpose ?? 'sign_in',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function deleteCode(db: Db, id: string): Promise<void> {
  await db.deleteFrom('phone_codes').where('id', '=', id).execute();
}

export async function recordWrongAttempt(trx: Db, id: string): Promise<number> {
  const row = await trx
    .updateTable('phone_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

export async function consumeCode(trx: Db, id: string, now: Date): Promise<void> {
  await trx.updateTable('phone_codes').set({ consumed_at: now }).where('id', '=', id).execute();
}

/** Codes older than a day serve no limit any more. */
export async function deleteCodesBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('phone_codes').where('created_at', '<', before).execute();
}
