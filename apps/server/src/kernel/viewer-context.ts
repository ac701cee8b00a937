import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { type ModerationPolicy, type Rulebook, rulebookFor } from '../config/moderation-policy.js';
import type { Db } from '../db/database.js';
import { PREPARED } from '../db/prepared.js';
import { TtlCache } from '../lib/ttl-cache.js';
import type { UserRole, UserRow } from '../db/tables/users.js';
import { effectiveReadLanguages } from '../modules/language/viewer-languages.js';

// Who is asking, built once per request and passed down to every read path
// (atproto's HydrateCtx): the viewer, the rulebook of their region, the people
// they must not see, the languages they read and whether they are an adult.
// Nothing below a route re-queries any of it.

export interface ViewerContext {
  viewerId: string | null;
  role: UserRole | null;
  /** ISO 3166-1 alpha-2: the account's region, or a signed-out visitor's country from a trusted header. */
  country: string | null;
  rulebook: Rulebook;
  /** Confirmed 18 or older (a date of birth in settings); signed-out visitors are not. */
  adult: boolean;
  readLanguages: string[];
  /** People in a block with the viewer, either way: neither side sees the other's content. */
  blocked: ReadonlySet<string>;
  /** People who blocked the viewer: their profiles do not exist for the viewer. */
  blockedBy: ReadonlySet<string>;
  muted: ReadonlySet<string>;
  /** blocked ∪ muted: authors every feed leaves out. */
  hiddenAuthors: ReadonlySet<string>;
  /**
   * Private accounts the viewer follows (approved followers): the only private
   * authors whose notes they see. Read with the blocks on every request, so an
   * unfollow or a removed follower loses access on the next request.
   */
  approvedPrivate: ReadonlySet<string>;
}

/** A context whose viewer is signed in (routes that act on something require one). */
export type SignedInContext = ViewerContext & { viewerId: string };

const EMPTY: ReadonlySet<string> = new Set();
const ADULT_YEARS = 18;

/** `birthDate` is 'YYYY-MM-DD'; someone is an adult from the start of their 18th birthday (UTC). */
export function isAdult(birthDate: string | null, now: Date): boolean {
  const match = birthDate ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate) : null;
  if (!match) return false;
  const eighteenth = Date.UTC(Number(match[1]) + ADULT_YEARS, Number(match[2]) - 1, Number(match[3]));
  return eighteenth <= now.getTime();
}

interface Relations {
  blocked: Set<string>;
  blockedBy: Set<string>;
  muted: Set<string>;
  approvedPrivate: Set<string>;
}

/** The people the viewer blocked, who blocked them, whom they muted, and the private accounts they follow, in one round trip. */
async function relationsOf(db: Db, viewerId: string): Promise<Relations> {
  // Every signed-in request runs this: prepared, it is planned once per connection.
  const { rows } = await sql<{ id: string; kind: 'blocking' | 'blocked_by' | 'muted' | 'approved' }>`${PREPARED}
    select blocked_id as id, 'blocking' as kind from blocks where blocker_id = ${viewerId}
    union all select blocker_id, 'blocked_by' from blocks where blocked_id = ${viewerId}
    union all select muted_id, 'muted' from mutes where muter_id = ${viewerId}
    union all select f.followee_id, 'approved' from follows f join users u on u.id = f.followee_id and u.is_private where f.follower_id = ${viewerId}`.execute(
    db,
  );
  const blocked = new Set<string>();
  const blockedBy = new Set<string>();
  const muted = new Set<string>();
  const approvedPrivate = new Set<string>();
  for (const row of rows) {
    const id = String(row.id);
    if (row.kind === 'approved') approvedPrivate.add(id);
    else if (row.kind === 'muted') muted.add(id);
    else blocked.add(id);
    if (row.kind === 'blocked_by') blockedBy.add(id);
  }
  return { blocked, blockedBy, muted, approvedPrivate };
}

export class ViewerContexts {
  private readonly relations: TtlCache<Relations> | null;

  /**
   * `relationsCacheMs` (RELATIONS_CACHE_MS): how long a viewer's blocks, mutes and
   * approved private follows are reused. Every follow, block, mute and approval
   * through this process forgets both people's at once (`forget`), so this only
   * bounds what a write through another instance can leave stale; 0 reads them
   * on every request.
   */
  constructor(
    private readonly db: Db,
    private readonly policy: ModerationPolicy,
    relationsCacheMs = 0,
  ) {
    this.relations = relationsCacheMs > 0 ? new TtlCache(relationsCacheMs, 100_000) : null;
  }

  /** Someone's blocks, mutes or follows changed: their next request reads them again. */
  forget(userId: string): void {
    this.relations?.delete(userId);
  }

  /** An account went private or public: which private accounts every follower of it may read changed. */
  forgetAll(): void {
    this.relations?.clear();
  }

  anonymous(country: string | null = null): ViewerContext {
    return {
      viewerId: null,
      role: null,
      country,
      rulebook: rulebookFor(this.policy, country),
      adult: false,
      readLanguages: [],
      blocked: EMPTY,
      blockedBy: EMPTY,
      muted: EMPTY,
      hiddenAuthors: EMPTY,
      approvedPrivate: EMPTY,
    };
  }

  async forUser(user: UserRow, now: Date): Promise<ViewerContext> {
    const { blocked, blockedBy, muted, approvedPrivate } = await (this.relations
      ? this.relations.get(user.id, () => relationsOf(this.db, user.id))
      : relationsOf(this.db, user.id));
    return {
      viewerId: user.id,
      role: user.role,
      country: user.region,
      rulebook: rulebookFor(this.policy, user.region),
      adult: isAdult(user.birth_date, now),
      readLanguages: effectiveReadLanguages(user),
      blocked,
      blockedBy,
      muted,
      hiddenAuthors: new Set([...blocked, ...muted]),
      approvedPrivate,
    };
  }

  /** For work outside a request (notifications, jobs): the user's context now, or null when they are gone. */
  async forUserId(userId: string, now: Date): Promise<ViewerContext | null> {
    const user = await this.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    return user ? this.forUser(user, now) : null;
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The viewer context, built on first use and kept for the rest of the request. */
    viewerContext(): Promise<ViewerContext>;
  }
}

const built = new WeakMap<FastifyRequest, Promise<ViewerContext>>();

/**
 * Signed-in viewers get their account's region; signed-out ones the country a
 * trusted proxy names in `regionHeader` (never a header anyone could set, unless configured).
 */
export function installViewerContext(app: FastifyInstance, contexts: ViewerContexts, options: { regionHeader: string | null; clock: () => Date }): void {
  app.decorateRequest('viewerContext', function viewerContext(this: FastifyRequest) {
    let context = built.get(this);
    if (!context) {
      const viewer = this.viewer;
      context = viewer ? contexts.forUser(viewer.user, options.clock()) : Promise.resolve(contexts.anonymous(visitorCountry(this, options.regionHeader)));
      built.set(this, context);
    }
    return context;
  });
}

/** The country a trusted proxy or CDN names in `header`, or null. */
export function visitorCountry(request: FastifyRequest, header: string | null): string | null {
  if (!header) return null;
  const value = request.headers[header];
  const country = (Array.isArray(value) ? value[0] : value)?.trim().toUpperCase();
  return country && /^[A-Z]{2}$/.test(country) ? country : null;
}
