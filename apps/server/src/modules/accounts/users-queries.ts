import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { UserRole, UserRow } from '../../db/tables/users.js';

type Executor = Db;

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findUserByHandle(db: Executor, handle: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where(sql<string>`lower(handle)`, '=', handle.toLowerCase()).executeTakeFirst();
}

/** The account for a phone number, created on first verification. */
export async function findOrCreateUserByPhone(
  db: Executor,
  input: { phone: string; language: string; region: string; now: Date },
): Promise<{ user: UserRow; created: boolean }> {
  const inserted = await db
    .insertInto('users')
    .values({ phone: input.phone, language: input.language, region: input.region, created_at: input.now, updated_at: input.now })
    .onConflict((oc) => oc.column('phone').doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted) return { user: inserted, created: true };
  const existing = await db.selectFrom('users').selectAll().where('phone', '=', input.phone).executeTakeFirstOrThrow();
  return { user: existing, created: false };
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
}

export function updateUser(db: Executor, id: string, patch: UserPatch, now: Date): Promise<UserRow | undefined> {
  return db
    .updateTable('users')
    .set({ ...patch, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function setUserRoleByPhone(db: Executor, phone: string, role: UserRole): Promise<UserRow | undefined> {
  return db.updateTable('users').set({ role }).where('phone', '=', phone).returningAll().executeTakeFirst();
}

export function countUsers(db: Executor): Promise<{ total: number; admins: number }> {
  return db
    .selectFrom('users')
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`(count(*) filter (where role = 'admin'))::int`.as('admins')])
    .executeTakeFirstOrThrow();
}
