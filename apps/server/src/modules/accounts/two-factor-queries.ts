import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { PendingSignInRow } from '../../db/tables/pending-sign-ins.js';
import type { UserTotpRow } from '../../db/tables/user-totp.js';

export function findTotp(db: Db, userId: string): Promise<UserTotpRow | undefined> {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function hasConfirmedTotp(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_totp').select('user_id').where('user_id', '=', userId).where('confirmed_at', 'is not', null).executeTakeFirst();
  return row !== undefined;
}

/** A fresh, unconfirmed seed replaces any earlier unconfirmed one; a confirmed one is never overwritten. */
export async function upsertPendingTotp(db: Db, userId: string, sealed: Buffer, now: Date): Promise<boolean> {
  const { rows } = await sql<{ user_id: string }>`
    insert into user_totp (user_id, secret_sealed, created_at) values (${userId}, ${sealed}, ${now})
    on conflict (user_id) do update set secret_sealed = excluded.secret_sealed, created_at = excluded.created_at
      where user_totp.confirmed_at is null
    returning user_id`.execute(db);
  return rows.length > 0;
}

/** Takes the step if it is newer than every step used before: a code works once. */
export async function claimTotpStep(db: Db, userId: string, step: number, confirmAt?: Date): Promise<boolean> {
  const { rows } = await sql<{ user_id: string }>`
    update user_totp set last_step = ${step}, confirmed_at = coalesce(confirmed_at, ${confirmAt ?? null}::timestamptz)
    where user_id = ${userId} and (last_step is null or last_step < ${step})
    returning user_id`.execute(db);
  return rows.length > 0;
}

export async function replaceRecoveryCodes(db: Db, userId: string, hashes: Buffer[]): Promise<void> {
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await db
    .insertInto('totp_recovery_codes')
    .values(hashes.map((code_hash) => ({ user_id: userId, code_hash, used_at: null })))
    .execute();
}

export async function useRecoveryCode(db: Db, userId: string, hash: Buffer, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('totp_recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function countRecoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('totp_recovery_codes')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteTotp(db: Db, userId: string): Promise<void> {
  await db.deleteFrom('totp_recovery_codes').where('user_id', '=', userId).execute();
  await db.deleteFrom('user_totp').where('user_id', '=', userId).execute();
}

export async function insertPendingSignIn(
  db: Db,
  input: { tokenHash: Buffer; userId: string; userAgent: string | null; ip: string | null; country: string | null; now: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('pending_sign_ins')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      user_agent: input.userAgent?.slice(0, 400) ?? null,
      ip: input.ip,
      country: input.country,
      created_at: input.now,
      expires_at: input.expiresAt,
    })
    .execute();
}

/** Locks the pending sign-in so concurrent guesses count one by one. */
export function lockPendingSignIn(db: Db, tokenHash: Buffer): Promise<PendingSignInRow | undefined> {
  return db.selectFrom('pending_sign_ins').selectAll().where('token_hash', '=', tokenHash).forUpdate().executeTakeFirst();
}

export async function recordPendingAttempt(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('pending_sign_ins')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

export async function deletePendingSignIn(db: Db, id: string): Promise<void> {
  await db.deleteFrom('pending_sign_ins').where('id', '=', id).execute();
}

export async function deleteExpiredPendingSignIns(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('pending_sign_ins').where('expires_at', '<=', now).execute();
}
