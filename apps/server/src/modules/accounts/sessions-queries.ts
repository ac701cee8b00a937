import type { Db } from '../../db/database.js';
import type { SessionRow } from '../../db/tables/sessions.js';
import type { UserRow } from '../../db/tables/users.js';

export function insertSession(
  db: Db,
  input: {
    tokenHash: Buffer;
    userId: string;
    userAgent: string | null;
    ip: string | null;
    device: string | null;
    browser: string | null;
    country: string | null;
    now: Date;
    expiresAt: Date;
  },
): Promise<SessionRow> {
  return db
    .insertInto('sessions')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      user_agent: input.userAgent,
      ip: input.ip,
      device: input.device,
      browser: input.browser,
      country: input.country,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: input.expiresAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findLiveSession(db: Db, tokenHash: Buffer, now: Date): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.id as session_id',
      'sessions.user_agent as session_user_agent',
      'sessions.ip as session_ip',
      'sessions.device as session_device',
      'sessions.browser as session_browser',
      'sessions.country as session_country',
      'sessions.ip_truncated as session_ip_truncated',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_user_agent, session_ip, session_device, session_browser, session_country, session_ip_truncated, ...rest } = row;
  const { session_created_at, session_last_seen_at, session_expires_at, ...user } = rest;
  return {
    user,
    session: {
      id: session_id,
      token_hash: tokenHash,
      user_id: user.id,
      user_agent: session_user_agent,
      ip: session_ip,
      device: session_device,
      browser: session_browser,
      country: session_country,
      ip_truncated: session_ip_truncated,
      created_at: session_created_at,
      last_seen_at: session_last_seen_at,
      expires_at: session_expires_at,
    },
  };
}

export async function touchSession(db: Db, id: string, now: Date, expiresAt: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', id).execute();
}

export function listUserSessions(db: Db, userId: string, now: Date): Promise<SessionRow[]> {
  return db.selectFrom('sessions').selectAll().where('user_id', '=', userId).where('expires_at', '>', now).orderBy('last_seen_at', 'desc').execute();
}

export async function deleteUserSession(db: Db, userId: string, sessionId: string): Promise<boolean> {
  const result = await db.deleteFrom('sessions').where('id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Signs out every other device of the account; the ids go, so the cache can forget them. */
export async function deleteOtherSessions(db: Db, userId: string, keepId: string): Promise<string[]> {
  const rows = await db.deleteFrom('sessions').where('user_id', '=', userId).where('id', '!=', keepId).returning('id').execute();
  return rows.map((row) => row.id);
}

/**
 * Full addresses are kept `retentionDays` (abuse investigation needs them that long);
 * then IPv4 becomes its /24 and IPv6 its /48, in batches so a backlog never holds a long lock.
 */
export async function truncateOldSessionIps(db: Db, before: Date, truncate: (ip: string) => string): Promise<number> {
  let total = 0;
  for (;;) {
    const rows = await db
      .selectFrom('sessions')
      .select(['id', 'ip'])
      .where('ip_truncated', '=', false)
      .where('ip', 'is not', null)
      .where('created_at', '<', before)
      .limit(500)
      .execute();
    for (const row of rows) {
      await db
        .updateTable('sessions')
        .set({ ip: truncate(row.ip!), ip_truncated: true })
        .where('id', '=', row.id)
        .execute();
    }
    total += rows.length;
    if (rows.length < 500) return total;
  }
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
