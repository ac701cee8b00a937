import type { Db } from '../../db/database.js';
import { deleteCodesBefore } from './phone-codes-queries.js';
import { deleteExpiredSessions } from './sessions-queries.js';
import { deleteExpiredChallenges } from './sign-in-challenge.js';
import { deleteExpiredPendingSignIns } from './two-factor-queries.js';

const HOUR_MS = 60 * 60 * 1000;

/** Expired sessions, sign-in steps and day-old codes (past every rate-limit window) are dead weight. */
export async function pruneAccountsData(db: Db, now: Date): Promise<void> {
  await deleteExpiredSessions(db, now);
  await deleteExpiredPendingSignIns(db, now);
  await deleteExpiredChallenges(db, now);
  await deleteCodesBefore(db, new Date(now.getTime() - 25 * HOUR_MS));
}
