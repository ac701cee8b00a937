// Write-time block checks (read paths take blocks and mutes from the viewer context).
import type { Db } from '../../db/database.js';

/** True when either user blocked the other: they cannot reach each other. */
export async function isBlockedBetween(db: Db, a: string, b: string): Promise<boolean> {
  const row = await db
    .selectFrom('blocks')
    .select('blocker_id')
    .where((eb) => eb.or([eb.and([eb('blocker_id', '=', a), eb('blocked_id', '=', b)]), eb.and([eb('blocker_id', '=', b), eb('blocked_id', '=', a)])]))
    .executeTakeFirst();
  return row !== undefined;
}
