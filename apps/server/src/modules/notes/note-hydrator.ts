import type { Db } from '../../db/database.js';
import { DEFAULT_RECOMMENDER_SETTINGS } from '../../config/recommender-settings.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { type Decision, decide, type Surface, type VisibleItem } from '../../kernel/visibility.js';
import { notFound } from '../../lib/errors.js';
import { MemorySharedCache, type SharedCache } from '../../lib/shared-cache.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { NoteCounts } from '../counters/note-counters.js';
import type { MediaStorage } from '../media/media-storage.js';
import type { AuthorNotice } from '../moderation/author-notice.js';
import { admits } from '../privacy-controls/audience.js';
import { noteExposure } from '../recommender/note-exposure.js';
import { type AuthorLine, type CardFacts, loadAuthorLines, loadCardFacts, loadViewFacts, type NoteFactsBase, type ViewFacts } from './note-facts.js';
import { type AuthorNow, type ViewerFacts, viewerFacts } from './note-hydration-queries.js';

// Read paths that show notes end here: skeleton ids in, then hydrate, filter
// (the one visibility decision: deleted, blocked, muted, moderated, region,
// private), present. What every viewer sees alike (a note's card or page, an
// author's name line) lives in shared caches for `cacheMs` (long: writes here
// forget entries at once; the TTL only bounds what another process's write
// could leave stale). Counts change on every like, so they have their own
// short cache (`countsMs`, COUNTS_CACHE_MS, 10 s: they may lag that long,
// except after a like, collect or comment through this instance, which
// forgets them; a 50-card page would otherwise sum counter shards each time).
// What is the viewer's own (liked, collected, follow edges) and the authors'
// accounts as they are now (private, suspended) are one query per page.

export interface NoteCaches {
  cards: SharedCache<CardFacts>;
  views: SharedCache<ViewFacts>;
  authors: SharedCache<AuthorLine>;
}

/** The embedded default: the caches in this process. Notes whose video is still processing stay `briefMs` at most. */
export function memoryNoteCaches(cacheMs: number, briefMs: number): NoteCaches {
  const brief = (facts: NoteFactsBase) => (facts.authorOnly ? briefMs : Number.POSITIVE_INFINITY);
  return {
    cards: new MemorySharedCache<CardFacts>(cacheMs, 50_000, brief),
    views: new MemorySharedCache<ViewFacts>(cacheMs, 5_000, brief),
    authors: new MemorySharedCache<AuthorLine>(cacheMs, 50_000),
  };
}

/** What the visibility decision reads: the cached moderation facts with the author's account as it is now. */
function visibleItem(facts: NoteFactsBase, author: AuthorNow | undefined): VisibleItem | null {
  if (!author) return null;
  return { authorId: facts.authorId, authorStatus: author.status, authorPrivate: author.isPrivate, ...facts.moderation };
}

export class NoteHydrator {
  private readonly counts: TtlCache<NoteCounts>;

  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
    private readonly caches: NoteCaches = memoryNoteCaches(0, 0),
    countsMs = 0,
    /** Staged exposure budgets, for the author's view of how far a note got. */
    private readonly stageBudgets: readonly number[] = DEFAULT_RECOMMENDER_SETTINGS.stageBudgets,
    /** The author's view of their note's moderation (moderation/author-notice.ts); none when unset. */
    private readonly authorNotice: (noteId: string, item: VisibleItem) => Promise<AuthorNotice | null> = async () => null,
  ) {
    this.counts = new TtlCache(countsMs, 50_000);
  }

  /** Forget a note at once (edited, deleted, labelled, its language changed). */
  async invalidate(noteId: string): Promise<void> {
    this.counts.delete(noteId);
    await Promise.all([this.caches.cards.delete([noteId]), this.caches.views.delete([noteId])]);
  }

  /** Forget an account's name line (renamed, erased); its privacy and status are never cached. */
  async forgetAuthor(userId: string): Promise<void> {
    await this.caches.authors.delete([userId]);
  }

  /** Forget a note's counts after a like, collect or comment through this instance, so the actor sees it at once. */
  forgetCounts(noteId: string): void {
    this.counts.delete(noteId);
  }

  private cardFacts(ids: readonly string[]) {
    return this.caches.cards.getMany(ids, (missing) => loadCardFacts(this.db, this.storage, missing));
  }

  private authorLines(ids: readonly string[]) {
    return this.caches.authors.getMany(ids, (missing) => loadAuthorLines(this.db, missing));
  }

  /**
   * Counts from the short cache; the ids it lacks (`missing`) go into the page's
   * viewer-facts query, whose answer `remember` puts in `counts` and the cache.
   */
  private cachedCounts(ids: readonly string[]) {
    const counts = new Map<string, NoteCounts>();
    const pending: Array<Promise<void>> = [];
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.counts.peek(id);
      if (hit) pending.push(hit.then((value) => void counts.set(id, value)));
      else missing.push(id);
    }
    const remember = (loaded: ReadonlyMap<string, NoteCounts>) => {
      for (const [id, value] of loaded) {
        counts.set(id, value);
        this.counts.set(id, value);
      }
    };
    return { counts, missing, ready: Promise.all(pending), remember };
  }

  /** Cards for these ids in order, those the viewer may not see on this surface left out. */
  async cards(noteIds: readonly string[], context: ViewerContext, surface: Surface) {
    const { viewerId } = context;
    const facts = await this.cardFacts(noteIds);
    const found = noteIds.flatMap((id) => facts.get(id) ?? []);
    const authorIds = found.map((note) => note.authorId);
    // Counts the short cache lacks come with the page's one fresh query.
    const { counts, missing, ready, remember } = this.cachedCounts(found.map((note) => note.id));
    const [fresh, lines] = await Promise.all([
      viewerFacts(this.db, { viewerId, authorIds, noteIds: found.map((note) => note.id), countIds: missing }),
      this.authorLines(authorIds),
      ready,
    ]);
    remember(fresh.counts);
    return found.flatMap((note) => {
      const item = visibleItem(note, fresh.authors.get(note.authorId));
      const author = lines.get(note.authorId);
      if (!item || !author || (note.authorOnly && note.authorId !== viewerId)) return [];
      const decision = decide(item, context, surface);
      if (!decision.visible) return [];
      return [
        {
          id: note.id,
          kind: note.kind,
          title: note.title,
          cover: note.cover,
          author,
          counts: { likes: counts.get(note.id)?.likes ?? 0 },
          language: note.language,
          ...(decision.warnings.length > 0 ? { warnings: decision.warnings } : {}),
          viewer: viewerId ? { liked: fresh.liked.has(note.id) } : null,
        },
      ];
    });
  }

  /**
   * The visibility decision for one note, from the card cache: for paths that
   * act on a note or show something of it (translation, media, reactions)
   * without hydrating the whole page. Deleted and unknown notes are hidden.
   */
  async decision(noteId: string, context: ViewerContext, surface: Surface = 'direct'): Promise<Decision> {
    return (await this.decisionWithComments(noteId, context, surface, [])).decision;
  }

  /**
   * The decision for a note and, in the same round trip, which of these
   * comments under it the viewer liked (the shared first page of comments
   * needs nothing else per viewer).
   */
  async decisionWithComments(noteId: string, context: ViewerContext, surface: Surface, commentIds: readonly string[]) {
    const facts = (await this.cardFacts([noteId])).get(noteId);
    const fresh = facts ? await viewerFacts(this.db, { viewerId: context.viewerId, authorIds: [facts.authorId], commentIds }) : null;
    const item = facts && fresh ? visibleItem(facts, fresh.authors.get(facts.authorId)) : null;
    const hidden = !facts || !item || (facts.authorOnly && facts.authorId !== context.viewerId);
    const decision: Decision = hidden ? { visible: false, reason: 'removed' } : decide(item, context, surface);
    return { decision, authorId: facts?.authorId ?? null, likedComments: fresh?.likedComments ?? new Set<string>() };
  }

  private async authorOnly(noteId: string, facts: ViewFacts, item: VisibleItem) {
    const [exposure, moderation] = await Promise.all([
      noteExposure(this.db, noteId, { stageBudgets: [...this.stageBudgets] }),
      this.authorNotice(noteId, item),
    ]);
    return { languageSource: facts.languageSource, exposure, ...(moderation ? { moderation } : {}) };
  }

  /** A whole note as its page shows it, or 404 note_not_found when this viewer may not see it. */
  async view(noteId: string, context: ViewerContext, surface: Surface = 'direct') {
    const { viewerId } = context;
    const unavailable = () => notFound('note_not_found', 'This note is not available.');
    const facts = (await this.caches.views.getMany([noteId], (ids) => loadViewFacts(this.db, this.storage, ids))).get(noteId);
    if (!facts || (facts.authorOnly && viewerId !== facts.authorId)) throw unavailable();
    const { counts, missing, ready, remember } = this.cachedCounts([noteId]);
    const [fresh, lines] = await Promise.all([
      viewerFacts(this.db, { viewerId, authorIds: [facts.authorId], noteIds: [noteId], collects: true, follows: true, countIds: missing }),
      this.authorLines([facts.authorId, ...facts.mentionIds]),
      ready,
    ]);
    remember(fresh.counts);
    const author = fresh.authors.get(facts.authorId);
    const item = visibleItem(facts, author);
    const authorLine = lines.get(facts.authorId);
    if (!item || !author || !authorLine) throw unavailable();
    // Hidden for this viewer (blocked, moderated, not in their region…): the same 404 as a note that never existed.
    const decision = decide(item, context, surface);
    if (!decision.visible) throw unavailable();
    const view = {
      id: facts.id,
      kind: facts.kind,
      title: facts.title,
      body: facts.body,
      place: facts.place,
      createdAt: facts.createdAt,
      updatedAt: facts.updatedAt,
      author: authorLine,
      images: facts.images,
      video: facts.video,
      topics: facts.topics.map((name) => ({ name })),
      mentions: facts.mentionIds.flatMap((id) => {
        const line = lines.get(id);
        return line ? [{ id, handle: line.handle }] : [];
      }),
      counts: counts.get(noteId) ?? { likes: 0, collects: 0, comments: 0, views: 0 },
      language: facts.language,
      ...(decision.warnings.length > 0 ? { warnings: decision.warnings } : {}),
    };
    if (!viewerId) return { ...view, viewer: null };
    const isAuthor = viewerId === facts.authorId;
    return {
      ...view,
      ...(isAuthor ? await this.authorOnly(noteId, facts, item) : {}),
      viewer: {
        liked: fresh.liked.has(noteId),
        collected: fresh.collected.has(noteId),
        boardId: fresh.collected.get(noteId) ?? null,
        isAuthor,
        followingAuthor: !isAuthor && fresh.following.has(facts.authorId),
        commentRestriction: isAuthor ? null : commentRestriction(author, facts.authorId, fresh),
      },
    };
  }
}

/** Who may comment under the author's notes (privacy-controls/comment-permission.ts), from the page's follow edges. */
function commentRestriction(author: AuthorNow, authorId: string, fresh: ViewerFacts) {
  const audience = author.commentPermission;
  if (audience === 'everyone') return null;
  const edges = { otherFollowsOwner: fresh.following.has(authorId), ownerFollowsOther: fresh.followedBy.has(authorId) };
  return admits(audience, edges) ? null : audience;
}
