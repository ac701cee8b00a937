import type { Db } from '../../db/database.js';
import type { SessionRow } from '../../db/tables/sessions.js';
import type { UserRow } from '../../db/tables/users.js';
import { notFound } from '../../lib/errors.js';
import { randomToken, sha256 } from '../../lib/tokens.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import { summariseUserAgent, truncateIp } from '../../lib/user-agent.js';
import {
  deleteOtherSessions,
  deleteUserSession,
  findLiveSession,
  insertSession,
  listUserSessions,
  touchSession,
  truncateOldSessionIps,
} from './sessions-queries.js';
import { recordSignInDevice } from './sign-in-devices-queries.js';

export const SESSION_COOKIE = 'qiao_session';

// Writing last_seen_at on every request would turn reads into writes; an hour's
// precision is enough for the sessions list and the sliding expiry.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export interface Viewer {
  user: UserRow;
  session: SessionRow;
}

/**
 * Every API request with a cookie needs its session: looking it up each time
 * made a signed-in health check three times slower than an anonymous one. So
 * sessions are cached for `cacheMs`; logging out, revoking a session or
 * editing the profile forgets the cached copies in this process at once (in
 * other processes they expire within `cacheMs`).
 */
export class SessionsService {
  private readonly cache: TtlCache<Viewer | null>;
  private readonly keysByUser = new Map<string, Set<string>>();
  private readonly keyBySession = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly ttlDays: number,
    cacheMs = 0,
  ) {
    this.cache = new TtlCache(cacheMs, 100_000);
  }

  forgetUser(userId: string): void {
    for (const key of this.keysByUser.get(userId) ?? []) this.cache.delete(key);
    this.keysByUser.delete(userId);
  }

  private forgetSession(sessionId: string): void {
    const key = this.keyBySession.get(sessionId);
    if (key) this.cache.delete(key);
    this.keyBySession.delete(sessionId);
  }

  private remember(key: string, viewer: Viewer): void {
    // Bounded bookkeeping: dropping it only means a later invalidation waits for expiry.
    if (this.keyBySession.size > 200_000) {
      this.keyBySession.clear();
      this.keysByUser.clear();
    }
    this.keyBySession.set(viewer.session.id, key);
    const keys = this.keysByUser.get(viewer.user.id) ?? new Set<string>();
    keys.add(key);
    this.keysByUser.set(viewer.user.id, keys);
  }

  private expiry(now: Date): Date {
    return new Date(now.getTime() + this.ttlDays * 24 * 60 * 60 * 1000);
  }

  /**
   * Starts a session; the returned token goes into the cookie and is never stored.
   * `newDevice`: the account had signed in before, never from this device, browser and country.
   */
  async create(
    db: Db,
    input: { userId: string; userAgent: string | null; ip: string | null; country: string | null; now: Date },
  ): Promise<{ token: string; session: SessionRow; newDevice: boolean }> {
    const token = randomToken(32);
    const { device, browser } = summariseUserAgent(input.userAgent);
    const session = await insertSession(db, {
      tokenHash: sha256(token),
      userId: input.userId,
      userAgent: input.userAgent?.slice(0, 400) ?? null,
      ip: input.ip,
      device,
      browser,
      country: input.country,
      now: input.now,
      expiresAt: this.expiry(input.now),
    });
    const fingerprint = `${device ?? '?'}|${browser ?? '?'}|${input.country ?? '?'}`;
    const newDevice = await recordSignInDevice(db, input.userId, fingerprint, input.now);
    return { token, session, newDevice };
  }

  /** "Sign out all other devices": every session of the account but `keepId`. Returns how many went. */
  async revokeOthers(userId: string, keepId: string): Promise<number> {
    const ids = await deleteOtherSessions(this.db, userId, keepId);
    for (const id of ids) this.forgetSession(id);
    return ids.length;
  }

  /** The periodic privacy task: addresses of sessions older than `retentionDays` lose their host part. */
  truncateOldIps(now: Date, retentionDays: number): Promise<number> {
    return truncateOldSessionIps(this.db, new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000), truncateIp);
  }

  async authenticate(token: string, now: Date): Promise<Viewer | null> {
    if (token.length < 20 || token.length > 100) return null;
    const hash = sha256(token);
    const key = hash.toString('hex');
    return this.cache.get(key, async () => {
      const viewer = await this.lookup(hash, now);
      if (viewer) this.remember(key, viewer);
      return viewer;
    });
  }

  private async lookup(hash: Buffer, now: Date): Promise<Viewer | null> {
    const found = await findLiveSession(this.db, hash, now);
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
    this.forgetSession(sessionId);
  }
}
