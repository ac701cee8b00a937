import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Remembers that the account signed in from `fingerprint`. Returns whether that is news:
 * a combination never seen before on an account that had signed in before (the very
 * first sign-in is not "a new device", it is the only one).
 */
export async function recordSignInDevice(db: Db, userId: string, fingerprint: string, now: Date): Promise<boolean> {
  const { rows } = await sql<{ inserted: boolean; had_any: boolean }>`
    with had as (select exists (select 1 from sign_in_devices where user_id = ${userId}) as had_any),
    upsert as (
      insert into sign_in_devices (user_id, fingerprint, first_seen_at, last_seen_at)
      values (${userId}, ${fingerprint}, ${now}, ${now})
      on conflict (user_id, fingerprint) do update set last_seen_at = excluded.last_seen_at
      returning (xmax = 0) as inserted)
    select upsert.inserted, had.had_any from upsert, had`.execute(db);
  const row = rows[0];
  return Boolean(row?.inserted && row.had_any);
}
