import type { LanguageSource } from '../../db/tables/notes.js';
import { DEFAULT_RECOMMENDER_SETTINGS } from '../../config/recommender-settings.js';
import { presentAuthor } from '../../kernel/user-summary.js';
import type { AuthorNotice } from '../moderation/author-notice.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { type Decision, decide, type Surface, type VisibleItem } from '../../kernel/visibility.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import { noteCounts } from '../counters/note-counters.js';
import { presentImage } from '../media/image-view.js';
import { imagesOfNotes } from '../media/images-queries.js';
import type { MediaStorage } from '../media/media-storage.js';
import { commentRestriction } from '../privacy-controls/comment-permission.js';
import { privateAuthorsAmong } from '../privacy-controls/private-authors.js';
import { noteExposure } from '../recommender/note-exposure.js';
import { presentVideo, videoCover } from '../video/video-view.js';
import { videosOfNotes } from '../video/videos-queries.js';
import { mentionsOfNote, type NoteWithAuthor, notesWithAuthors, topicsOfNotes, viewerLikes, viewerStateOfNote } from './note-hydration-queries.js';

// Read paths that show notes end here: skeleton ids in, then hydrate (a fixed
// number of queries for any page size), filter (the one visibility decision:
// deleted, blocked, muted, moderated, region), present. What every viewer sees
// alike (the note, its images, its counts, its moderation facts) is cached for
// `cacheMs` and forgotten at once by writes here; what is the viewer's own
// (liked, their context) is read each time. Whether an author's account is
// private is read fresh per page too (one indexed look-up), so going private
// hides the notes at once although the cards stay cached.

/** The cached facts with the author's privacy as it is now. */
async function withPrivacy<T extends { item: VisibleItem }>(db: Db, bases: T[]): Promise<T[]> {
  const privateAuthors = await privateAuthorsAmong(
    db,
    bases.map((base) => base.item.authorId),
  );
  return bases.map((base) => ({ ...base, item: { ...base.item, authorPrivate: privateAuthors.has(base.item.authorId) } }));
}

interface CardBase {
  authorId: string;
  /** What the visibility decision reads. */
  item: VisibleItem;
  /** A video note whose video is not ready is its author's alone. */
  authorOnly: boolean;
  card: {
    id: string;
    kind: 'image' | 'video';
    title: string;
    cover: ReturnType<typeof presentImage> | null;
    author: ReturnType<typeof presentAuthor>;
    counts: { likes: number };
    language: string | null;
  };
}

export class NoteHydrator {
  private readonly cardCache: TtlCache<CardBase>;
  private readonly viewCache: TtlCache<Awaited<ReturnType<NoteHydrator['loadView']>>>;

  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
    cacheMs = 0,
    /** Staged exposure budgets, for the author's view of how far a note got. */
    private readonly stageBudgets: readonly number[] = DEFAULT_RECOMMENDER_SETTINGS.stageBudgets,
    /** The author's view of their note's moderation (moderation/author-notice.ts); none when unset. */
    private readonly authorNotice: (noteId: string, item: VisibleItem) => Promise<AuthorNotice | null> = async () => null,
  ) {
    this.cardCache = new TtlCache(cacheMs, 50_000);
    this.viewCache = new TtlCache(cacheMs, 5_000);
  }

  /** Forget a note at once (edited or deleted here). */
  invalidate(noteId: string): void {
    this.cardCache.delete(noteId);
    this.viewCache.delete(noteId);
  }

  private async loadCards(ids: string[]): Promise<Map<string, CardBase>> {
    const notes = await notesWithAuthors(this.db, ids);
    const live = notes.map((note) => note.id);
    const videoNotes = notes.filter((note) => note.kind === 'video').map((note) => note.id);
    const [covers, counts, videos] = await Promise.all([imagesOfNotes(this.db, live, true), noteCounts(this.db, live), videosOfNotes(this.db, videoNotes)]);
    const coverOf = new Map(covers.map((image) => [image.note_id!, image]));
    return new Map(
      notes.map((note) => {
        const cover = coverOf.get(note.id);
        const video = videos.get(note.id);
        return [
          note.id,
          {
            authorId: note.author_id,
            item: visibleItemOf(note),
            authorOnly: note.kind === 'video' && video?.status !== 'ready',
            card: {
              id: note.id,
              kind: note.kind,
              title: note.title,
              cover: video ? videoCover(video, this.storage) : cover ? presentImage(cover, this.storage) : null,
              author: presentAuthor(note.author),
              counts: { likes: counts.get(note.id)?.likes ?? 0 },
              language: note.language,
            },
          },
        ];
      }),
    );
  }

  async cards(noteIds: readonly string[], context: ViewerContext, surface: Surface) {
    const { viewerId } = context;
    const cached = await this.cardCache.getMany(noteIds, (ids) => this.loadCards(ids));
    const bases = new Map((await withPrivacy(this.db, [...cached.values()])).map((base) => [base.card.id, base]));
    const visible = noteIds.flatMap((id) => {
      const base = bases.get(id);
      if (!base || (base.authorOnly && base.authorId !== viewerId)) return [];
      const decision = decide(base.item, context, surface);
      return decision.visible ? [{ base, warnings: decision.warnings }] : [];
    });
    const liked = viewerId
      ? await viewerLikes(
          this.db,
          viewerId,
          visible.map(({ base }) => base.card.id),
        )
      : new Set<string>();
    return visible.map(({ base, warnings }) => ({
      ...base.card,
      ...(warnings.length > 0 ? { warnings } : {}),
      viewer: viewerId ? { liked: liked.has(base.card.id) } : null,
    }));
  }

  /**
   * The visibility decision for one note, from the card cache: for paths that
   * act on a note or show something of it (translation, media, reactions)
   * without hydrating the whole page. Deleted and unknown notes are hidden.
   */
  async decision(noteId: string, context: ViewerContext, surface: Surface = 'direct'): Promise<Decision> {
    const cached = (await this.cardCache.getMany([noteId], (ids) => this.loadCards(ids))).get(noteId);
    const [base] = cached ? await withPrivacy(this.db, [cached]) : [];
    if (!base || (base.authorOnly && base.authorId !== context.viewerId)) return { visible: false, reason: 'removed' };
    return decide(base.item, context, surface);
  }

  private async loadView(noteId: string) {
    const [note] = await notesWithAuthors(this.db, [noteId]);
    if (!note) return null;
    const [images, counts, topics, mentions, videos] = await Promise.all([
      imagesOfNotes(this.db, [note.id]),
      noteCounts(this.db, [note.id]),
      topicsOfNotes(this.db, [note.id]),
      mentionsOfNote(this.db, note.id),
      videosOfNotes(this.db, note.kind === 'video' ? [note.id] : []),
    ]);
    const video = videos.get(note.id);
    return {
      authorId: note.author_id,
      item: visibleItemOf(note),
      authorOnly: note.kind === 'video' && video?.status !== 'ready',
      languageSource: note.language_source,
      view: {
        id: note.id,
        kind: note.kind,
        title: note.title,
        body: note.body,
        place: note.place,
        createdAt: note.created_at.toISOString(),
        updatedAt: note.updated_at.toISOString(),
        author: presentAuthor(note.author),
        images: images.map((image) => presentImage(image, this.storage)),
        video: video ? presentVideo(video, this.storage) : null,
        topics: (topics.get(note.id) ?? []).map((name) => ({ name })),
        mentions: mentions.map((mention) => ({ id: mention.id, handle: mention.handle ?? '' })),
        counts: counts.get(note.id)!,
        language: note.language,
      },
    };
  }

  private async authorOnly(noteId: string, base: { languageSource: LanguageSource; item: VisibleItem }) {
    const [exposure, moderation] = await Promise.all([
      noteExposure(this.db, noteId, { stageBudgets: [...this.stageBudgets] }),
      this.authorNotice(noteId, base.item),
    ]);
    return { languageSource: base.languageSource, exposure, ...(moderation ? { moderation } : {}) };
  }

  async view(noteId: string, context: ViewerContext, surface: Surface = 'direct') {
    const { viewerId } = context;
    const cached = await this.viewCache.get(noteId, () => this.loadView(noteId));
    const unavailable = () => notFound('note_not_found', 'This note is not available.');
    if (!cached) throw unavailable();
    const [base] = await withPrivacy(this.db, [cached]);
    if (!base) throw unavailable();
    if (base.authorOnly && viewerId !== base.authorId) throw unavailable();
    // Hidden for this viewer (blocked, moderated, not in their region…): the same 404 as a note that never existed.
    const decision = decide(base.item, context, surface);
    if (!decision.visible) throw unavailable();
    const warnings = decision.warnings.length > 0 ? { warnings: decision.warnings } : {};
    if (!viewerId) return { ...base.view, ...warnings, viewer: null };
    const [state, restriction] = await Promise.all([
      viewerStateOfNote(this.db, viewerId, noteId, base.authorId),
      commentRestriction(this.db, viewerId, base.authorId),
    ]);
    const isAuthor = viewerId === base.authorId;
    return {
      ...base.view,
      ...warnings,
      ...(isAuthor ? await this.authorOnly(noteId, base) : {}),
      viewer: {
        liked: state.liked,
        collected: state.collected,
        boardId: state.boardId,
        isAuthor: viewerId === base.authorId,
        followingAuthor: viewerId !== base.authorId && state.following,
        commentRestriction: restriction,
      },
    };
  }
}

function visibleItemOf(note: NoteWithAuthor): VisibleItem {
  return {
    authorId: note.author_id,
    authorStatus: note.author.status,
    authorPrivate: note.author.is_private,
    labels: note.labels,
    state: note.mod_state,
    limited: note.reach_limited,
  };
}
