import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CodePurpose, PhoneCodeRow } from '../../db/tables/phone-codes.js';

/**
 * Serialises code requests and verifications for one number inside a
 * transaction, so two parallel requests cannot both pass the resend gap or
 * both spend the same attempt.
 */
export async function lockPhone(trx: Db, phone: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`phone:${phone}`}, 0))`.execute(trx);
}

/** The newest code sent to a number (of one purpose, when given: a deletion code never signs in). */
export function latestCode(trx: Db, phone: string, purpose?: CodePurpose): Promise<PhoneCodeRow | undefined> {
  let query = trx.selectFrom('phone_codes').selectAll().where('phone', '=', phone);
  if (purpose) query = query.where('purpose', '=', purpose);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** Codes sent to a number since a time, oldest first (for the hourly and daily caps). */
export async function codeTimesSince(trx: Db, phone: string, since: Date): Promise<Date[]> {
  const rows = await trx
    .selectFrom('phone_codes')
    .select('created_at')
    .where('phone', '=', phone)
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .execute();
  return rows.map((row) => row.created_at);
}

export function insertCode(
  trx: Db,
  input: { phone: string; codeHash: Buffer; ip: string | null; now: Date; expiresAt: Date; purpose?: CodePurpose },
): Promise<{ id: string }> {
  return trx
    .insertInto('phone_codes')
    .values({
      phone: input.phone,
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
