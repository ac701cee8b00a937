import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor, type Page } from '../../db/pagination.js';
import { unauthenticated } from '../../lib/errors.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { hiddenAuthorIds } from '../social/hidden-authors.js';
import { authorNoteIds, followingNoteIds, rankedNoteIds, topicLatestNoteIds } from './feed-queries.js';

type Card = Awaited<ReturnType<NoteHydrator['cards']>>[number];

export type FeedRequest =
  | { tab: 'foryou' }
  | { tab: 'following' }
  | { tab: 'topic'; topicId: string; sort: 'top' | 'latest' }
  | { tab: 'author'; authorId: string };

/**
 * The one feed interface the screens use. "For you" is an engagement-and-
 * freshness ranking for now; the recommender will replace its skeleton source
 * without touching routes or screens.
 */
export class FeedService {
  // The first For-you page is the same for everyone without blocks or mutes
  // until personalisation arrives: its skeleton is shared for `cacheMs`.
  private readonly firstPages: TtlCache<{ ids: string[]; next: string | null }>;

  constructor(
    private readonly db: Db,
    private readonly hydrator: NoteHydrator,
    cacheMs = 0,
  ) {
    this.firstPages = new TtlCache(cacheMs, 100);
  }

  async page(request: FeedRequest, viewerId: string | null, cursor: string | undefined, limit: number): Promise<Page<Card>> {
    const hidden = [...(await hiddenAuthorIds(this.db, viewerId))];
    if (request.tab === 'foryou' && !cursor && hidden.length === 0) {
      const skeleton = await this.firstPages.get(String(limit), () => this.skeleton(request, [], undefined, limit));
      return { items: await this.hydrator.cards(skeleton.ids, viewerId), cursor: skeleton.next };
    }
    const skeleton = await this.skeleton(request, hidden, cursor, limit, viewerId);
    return { items: await this.hydrator.cards(skeleton.ids, viewerId), cursor: skeleton.next };
  }

  /** The page's note ids in order, and the cursor of the next page. */
  private async skeleton(
    request: FeedRequest,
    hidden: string[],
    cursor: string | undefined,
    limit: number,
    viewerId: string | null = null,
  ): Promise<{ ids: string[]; next: string | null }> {
    let ids: string[];
    let next: string | null = null;
    const ranked = request.tab === 'foryou' || (request.tab === 'topic' && request.sort === 'top');
    if (ranked) {
      const after = cursor ? decodeCursor(cursor, ['number', 'id'] as const) : null;
      const rows = await rankedNoteIds(this.db, {
        after: after ? [after[0], after[1]] : null,
        limit,
        hidden,
        topicId: request.tab === 'topic' ? request.topicId : undefined,
      });
      const kept = rows.slice(0, limit);
      if (rows.length > limit) next = encodeCursor([kept.at(-1)!.score, kept.at(-1)!.id]);
      ids = kept.map((row) => row.id);
    } else {
      const afterRaw = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : null;
      const window = { after: afterRaw ? ([afterRaw[0], afterRaw[1]] as [Date, string]) : null, limit, hidden };
      let rows;
      if (request.tab === 'following') {
        if (!viewerId) throw unauthenticated('Sign in to see notes from people you follow.');
        rows = await followingNoteIds(this.db, viewerId, window);
      } else if (request.tab === 'author') {
        rows = await authorNoteIds(this.db, request.authorId, { ...window, includeUnplayable: viewerId === request.authorId });
      } else {
        rows = await topicLatestNoteIds(this.db, (request as { topicId: string }).topicId, window);
      }
      const kept = rows.slice(0, limit);
      if (rows.length > limit) next = encodeCursor([kept.at(-1)!.at.toISOString(), kept.at(-1)!.id]);
      ids = kept.map((row) => row.id);
    }
    return { ids, next };
  }
}
