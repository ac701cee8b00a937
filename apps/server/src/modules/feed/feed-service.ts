import type { Db } from '../../db/database.js';
import { decodeCursor, encodeCursor, type Page } from '../../db/pagination.js';
import { unauthenticated } from '../../lib/errors.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import type { Recommender } from '../recommender/recommender.js';
import type { Reason, Recommendation } from '../recommender/recommender-types.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { visibleNotes } from '../../kernel/visible-rows-sql.js';
import type { Surface } from '../../kernel/visibility.js';
import type { FollowingTimelines } from './following-timeline.js';
import { authorNoteIds, followingNoteIds, rankedNoteIds, topicLatestNoteIds } from './feed-queries.js';

type Card = Awaited<ReturnType<NoteHydrator['cards']>>[number] & { reason?: Reason };
type View = Awaited<ReturnType<NoteHydrator['view']>> & { reason?: Reason };

export type FeedRequest =
  | { tab: 'foryou'; readLanguage?: string }
  | { tab: 'following' }
  | { tab: 'topic'; topicId: string; sort: 'top' | 'latest' }
  | { tab: 'author'; authorId: string };

/**
 * The one feed interface the screens use. "For you" (the explore grid and the
 * swipe feed) comes from the Recommender; the other tabs are keyset pages.
 */
/** Candidates beyond a page that the Following merge hydrates, for notes the viewer may not see. */
const SLACK = 5;

const SURFACE_OF_TAB: Record<Exclude<FeedRequest['tab'], 'foryou'>, Surface> = { following: 'feed', topic: 'discovery', author: 'profile' };

export class FeedService {
  constructor(
    private readonly db: Db,
    private readonly hydrator: NoteHydrator,
    private readonly recommender: Recommender,
    private readonly clock: () => Date,
    /** The followees' cached note lists; without them the Following tab is one SQL merge per page. */
    private readonly timelines: FollowingTimelines | null = null,
  ) {}

  /**
   * A Following page merged from the followees' cached lists, the cards
   * deciding what this viewer sees; null when SQL must answer (a list cut
   * short, or so much hidden that a page would not fill).
   */
  private async followingFromTimelines(context: ViewerContext, cursor: string | undefined, limit: number): Promise<Page<Card> | null> {
    const { viewerId } = context;
    if (!viewerId) throw unauthenticated('Sign in to see notes from people you follow.');
    const after = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : null;
    // A few more than a page, so a hidden note or two still leaves a full page and tells whether another follows.
    const wanted = limit + 1 + SLACK;
    const candidates = await this.timelines!.candidates(viewerId, context.hiddenAuthors, after ? [after[0], after[1]] : null, wanted);
    if (!candidates) return null;
    const cards = await this.hydrator.cards(
      candidates.map((candidate) => candidate.id),
      context,
      'feed',
    );
    if (cards.length > limit) {
      const kept = cards.slice(0, limit);
      const last = candidates.find((candidate) => candidate.id === kept.at(-1)!.id)!;
      return { items: kept, cursor: encodeCursor([last.at.toISOString(), last.id]) };
    }
    return candidates.length < wanted ? { items: cards, cursor: null } : null;
  }

  async page(request: FeedRequest, context: ViewerContext, cursor: string | undefined, limit: number): Promise<Page<Card>> {
    if (request.tab === 'foryou') {
      const { picks, next } = await this.recommended(context, cursor, limit, request.readLanguage);
      const cards = await this.hydrator.cards(
        picks.map((pick) => pick.noteId),
        context,
        'discovery',
      );
      const reasons = new Map(picks.map((pick) => [pick.noteId, pick.reason]));
      return { items: cards.map((card) => ({ ...card, reason: reasons.get(card.id) })), cursor: next };
    }
    const surface = SURFACE_OF_TAB[request.tab];
    if (request.tab === 'following' && this.timelines) {
      const page = await this.followingFromTimelines(context, cursor, limit);
      if (page) return page;
    }
    const skeleton = await this.skeleton(request, context, surface, cursor, limit);
    return { items: await this.hydrator.cards(skeleton.ids, context, surface), cursor: skeleton.next };
  }

  /** The swipe feed: For you, video notes only, as whole notes. */
  async videos(context: ViewerContext, cursor: string | undefined, limit: number, readLanguage?: string): Promise<Page<View>> {
    const { picks, next } = await this.recommended(context, cursor, limit, readLanguage, 'video');
    const items: View[] = [];
    for (const pick of picks) {
      try {
        items.push({ ...(await this.hydrator.view(pick.noteId, context, 'discovery')), reason: pick.reason });
      } catch {
        // Deleted or hidden between the recommendation and now: skip it.
      }
    }
    return { items, cursor: next };
  }

  /**
   * For-you cursors are opaque [page, offset]: a signed-in viewer's next page is
   * whatever has not been served yet (the served log pages), a signed-out
   * visitor's is an offset into the cold mix.
   */
  private async recommended(context: ViewerContext, cursor: string | undefined, limit: number, readLanguage: string | undefined, kind?: 'video') {
    const { viewerId } = context;
    const [page, offset] = cursor ? decodeCursor(cursor, ['number', 'number'] as const) : [0, 0];
    const picks: Recommendation[] = await this.recommender.recommend({
      context,
      now: this.clock(),
      limit,
      kind,
      readLanguage,
      offset: Math.max(0, Math.floor(offset)),
    });
    const next = picks.length > 0 ? encodeCursor([page + 1, viewerId ? 0 : offset + picks.length]) : null;
    return { picks, next };
  }

  /** The page's note ids in order, and the cursor of the next page. */
  private async skeleton(
    request: Exclude<FeedRequest, { tab: 'foryou' }>,
    context: ViewerContext,
    surface: Surface,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ ids: string[]; next: string | null }> {
    const { viewerId } = context;
    const visible = visibleNotes(context, surface);
    let ids: string[];
    let next: string | null = null;
    if (request.tab === 'topic' && request.sort === 'top') {
      const after = cursor ? decodeCursor(cursor, ['number', 'id'] as const) : null;
      const rows = await rankedNoteIds(this.db, { after: after ? [after[0], after[1]] : null, limit, visible, topicId: request.topicId });
      const kept = rows.slice(0, limit);
      if (rows.length > limit) next = encodeCursor([kept.at(-1)!.score, kept.at(-1)!.id]);
      ids = kept.map((row) => row.id);
    } else {
      const afterRaw = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : null;
      const window = { after: afterRaw ? ([afterRaw[0], afterRaw[1]] as [Date, string]) : null, limit, visible };
      let rows;
      if (request.tab === 'following') {
        if (!viewerId) throw unauthenticated('Sign in to see notes from people you follow.');
        rows = await followingNoteIds(this.db, viewerId, window);
      } else if (request.tab === 'author') {
        rows = await authorNoteIds(this.db, request.authorId, { ...window, includeUnplayable: viewerId === request.authorId });
      } else {
        rows = await topicLatestNoteIds(this.db, request.topicId, window);
      }
      const kept = rows.slice(0, limit);
      if (rows.length > limit) next = encodeCursor([kept.at(-1)!.at.toISOString(), kept.at(-1)!.id]);
      ids = kept.map((row) => row.id);
    }
    return { ids, next };
  }
}
