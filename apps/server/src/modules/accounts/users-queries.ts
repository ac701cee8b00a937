import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserRole, UserRow } from '../../db/tables/users.js';
import type { PersonalDataVault } from '../../kernel/vault/personal-data-vault.js';
import { PHONE_FIELD, phoneIndex } from './phone-vault.js';

type Executor = Db;

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByHandle(db: Executor, handle: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql<string>`lower(handle)`, '=', handle.toLowerCase()).executeTakeFirst();
}

export function findUserByPhoneIndex(db: Executor, phoneIndex: Buffer): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('phone_index', '=', phoneIndex).executeTakeFirst();
}

/**
 * The account for a phone number, created on first verification. The caller holds
 * the number's lock (lockPhone), so find-then-insert cannot race. The id is taken
 * first because the number is sealed under a new data key bound to that id.
 */
export async function findOrCreateUserByPhone(
  db: Executor,
  vault: PersonalDataVault,
  input: { phone: string; language: string; region: string; now: Date },
): Promise<{ user: UserRow; created: boolean }> {
  const index = phoneIndex(vault, input.phone);
  const existing = await findUserByPhoneIndex(db, index);
  if (existing) return { user: existing, created: false };
  const { rows } = await sql<{ id: string }>`select nextval(pg_get_serial_sequence('users', 'id'))::text as id`.execute(db);
  const id = rows[0]!.id;
  const key = await vault.newDataKey(id);
  const user = await db
    .insertInto('users')
    .values({
      id,
      phone_index: index,
      phone_ciphertext: vault.seal(key.dataKey, id, PHONE_FIELD, input.phone),
      language: input.language,
      region: input.region,
      created_at: input.now,
      updated_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await vault.storeDataKey(db, key, input.now);
  return { user, created: true };
}

/**
 * Gives an account without a number (a seeded one) a number to sign in with, sealed
 * like a sign-up's. Benchmarks use it to sign in as people with a history. Returns
 * false when the account already has a number or another account uses this one.
 */
export async function attachPhone(db: Executor, vault: PersonalDataVault, userId: string, e164: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const index = phoneIndex(vault, e164);
    if (await findUserByPhoneIndex(trx, index)) return false;
    const dataKey = await vault.ensureDataKey(trx, userId, now);
    const result = await trx
      .updateTable('users')
      .set({ phone_index: index, phone_ciphertext: vault.seal(dataKey, userId, PHONE_FIELD, e164) })
      .where('id', '=', userId)
      .where('phone_index', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  });
}

export interface UserPatch {
  handle?: string;
  display_name?: string;
  bio?: string;
  language?: string;
  region?: string;
  region_changed_at?: Date;
  birth_date?: string | null;
  likes_private?: boolean;
  collects_private?: boolean;
  bio_language?: string | null;
  read_languages?: string[];
  auto_translate?: boolean;
  feed_languages_only?: boolean;
  feed_personalised?: boolean;
  discoverable_by_phone?: boolean;
}

export function updateUser(db: Executor, id: string, patch: UserPatch, now: Date): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function setUserRoleByPhoneIndex(db: Executor, phoneIndex: Buffer, role: UserRole): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ role }).where('phone_index', '=', phoneIndex).returningAll().executeTakeFirst();
}

export function countUsers(db: Executor): Promise<{ total: number; admins: number }> {
  return db
    .selectFrom('users')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) filter (where role = 'admin'))::int`.as('admins')])
    .executeTakeFirstOrThrow();
}
