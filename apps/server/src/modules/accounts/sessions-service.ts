import type { Db } from '../../db/database.js';
import type { SessionRow } from '../../db/tables/sessions.js';
import type { UserRow } from '../../db/tables/users.js';
import { notFound } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import {
  deleteUserSession,
  findLiveSession,
  insertSession,
  listUserSessions,
  touchSession,
} from './sessions-queries.js';

export const SESSION_COOKIE = 'qiao_session';

// Writing last_seen_at on every request would turn reads into writes; an hour's
// precision is enough for the sessions list and the sliding expiry.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface Viewer {
  user: UserRow;
  session: SessionRow;
}

export class SessionsService {
  constructor(
    private readonly db: Db,
    private readonly ttlDays: number,
  ) {}

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.ttlDays * 24 * 60 * 60 * 1000);
  }

  /** Starts a session; the returned token goes into the cookie and is never stored. */
  async create(
    db: Db,
    input: { userId: string; userAgent: string | null; ip: string | null; now: Date },
  ): Promise<{ token: string; session: SessionRow }> {
    const token = randomToken(32);
    const session = await insertSession(db, {
      tokenHash: sha256(token),
      userId: input.userId,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
      ip: input.ip,
      now: input.now,
      expiresAt: this.expiry(input.now),
    });
    return { token, session };
  }

  async authenticate(token: string, now: Date): Promise<Viewer | null> {
    if (token.length < 20 || token.length > 100) return null;
    const found = await findLiveSession(this.db, sha256(token), now);
    if (!found) return null;
    if (now.getTime() - found.session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
      const expiresAt = this.expiry(now);
      await touchSession(this.db, found.session.id, now, expiresAt);
      found.session = { ...found.session, last_seen_at: now, expires_at: expiresAt };
    }
    return found;
  }

  list(userId: string, now: Date): Promise<SessionRow[]> {
    return listUserSessions(this.db, userId, now);
  }

  async revoke(userId: string, sessionId: string): Promise<void> {
    const deleted = /^[0-9]{1,18}$/.test(sessionId) && (await deleteUserSession(this.db, userId, sessionId));
    if (!deleted) throw notFound('session_not_found', 'No such session on your account.');
  }
}
