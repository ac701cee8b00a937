import { sql } from 'kysely';
import type { Db } from '../../db/database.js';

/**
 * Everyone whose content the viewer must not see: people the viewer blocked or
 * muted, and people who blocked the viewer (a block works both ways for
 * visibility). Every read path that shows notes or comments filters by this.
 */
export async function hiddenAuthorIds(db: Db, viewerId: string | null | undefined): Promise<Set<string>> {
  if (!viewerId) return new Set();
  const rows = await sql<{ id: string }>`
    select blocked_id as id from blocks where blocker_id = ${viewerId}
    union select blocker_id from blocks where blocked_id = ${viewerId}
    union select muted_id from mutes where muter_id = ${viewerId}`.execute(db);
  return new Set(rows.rows.map((row) => String(row.id)));
}

/** True when either user blocked the other: they cannot reach each other. */
export async function isBlockedBetween(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('blocker_id')
    .where((eb) => eb.or([eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]), eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)])]))
    .executeTakeFirst();
  return row !== undefined;
}

/** People in a block with the viewer, either way (not muted ones). */
export async function blockedEitherWayIds(db: Db, viewerId: string | null | undefined): Promise<Set<string>> {
  if (!viewerId) return new Set();
  const rows = await sql<{ id: string }>`
    select blocked_id as id from blocks where blocker_id = ${viewerId}
    union select blocker_id from blocks where blocked_id = ${viewerId}`.execute(db);
  return new Set(rows.rows.map((row) => String(row.id)));
}
