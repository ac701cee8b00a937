import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { deleteCodesBefore } from './phone-codes-queries.js';
import { deleteExpiredSessions } from './sessions-queries.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A session's address is kept whole for a week (enough to spot a stolen session), then coarsened. */
export const SESSION_IP_FULL_DAYS = 7;

/** Expired sessions and day-old codes (past every rate-limit window) are dead weight; old session addresses get coarse. */
export async function pruneAccountsData(db: Db, now: Date): Promise<void> {
  await deleteExpiredSessions(db, now);
  await deleteCodesBefore(db, new Date(now.getTime() - 25 * DAY_MS));
  await truncateSessionIps(db, new Date(now.getTime() - SESSION_IP_FULL_DAYS * DAY_MS));
}

/**
 * Addresses of sessions started before `before` keep only their network: IPv4 /24
 * (203.0.113.0), IPv6 /48, about a town or a provider, no longer a household.
 */
export async function truncateSessionIps(db: Db, before: Date): Promise<number> {
  const coarse = sql`host(network(set_masklen(ip::inet, case when family(ip::inet) = 4 then 24 else 48 end)))`;
  const result = await sql`
    update sessions set ip = ${coarse}
    where created_at < ${before} and ip ~ '^[0-9A-Fa-f:.]+$' and ip <> ${coarse}`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
