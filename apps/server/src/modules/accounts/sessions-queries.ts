import type { Db } from '../../db/database.js';
import type { SessionRow } from '../../db/tables/sessions.js';
import type { UserRow } from '../../db/tables/users.js';

export function insertSession(
  db: Db,
  input: { tokenHash: Buffer; userId: string; userAgent: string | null; ip: string | null; now: Date; expiresAt: Date },
): Promise<SessionRow> {
  return db
    .insertInto('sessions')
    .values({
      token_hash: input.tokenHash,
      user_id: input.userId,
      user_agent: input.userAgent,
      ip: input.ip,
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
      'sessions.token_hash as session_token_hash',
      'sessions.user_agent as session_user_agent',
      'sessions.ip as session_ip',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at as session_last_seen_at',
      'sessions.expires_at as session_expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, session_token_hash, session_user_agent, session_ip, session_created_at, session_last_seen_at, session_expires_at, ...user } = row;
  return {
    user,
    session: {
      id: session_id,
      token_hash: session_token_hash,
      user_id: user.id,
      user_agent: session_user_agent,
      ip: session_ip,
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

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}
