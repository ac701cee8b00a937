import { DEFAULT_RECOMMENDER_SETTINGS } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import { noteCounts } from '../counters/note-counters.js';
import { presentImage } from '../media/image-view.js';
import { imagesOfNotes } from '../media/images-queries.js';
import type { MediaStorage } from '../media/media-storage.js';
import { noteExposure } from '../recommender/note-exposure.js';
import { hiddenAuthorIds } from '../social/hidden-authors.js';
import { presentVideo, videoCover } from '../video/video-view.js';
import { videosOfNotes } from '../video/videos-queries.js';
import { mentionsOfNote, type NoteWithAuthor, notesWithAuthors, topicsOfNotes, viewerLikes, viewerStateOfNote } from './note-hydration-queries.js';

// Read paths that show notes end here: skeleton ids in, then hydrate (a fixed
// number of queries for any page size), filter (deleted notes, blocked and
// muted authors), present. What every viewer sees alike (the note, its images,
// its counts) is cached for `cacheMs`; what is the viewer's own (liked, hidden
// authors) is read each time.

const presentAuthor = (author: NoteWithAuthor['author']) => ({
  id: author.id,
  handle: author.handle ?? '',
  displayName: author.display_name ?? author.handle ?? '',
});

interface CardBase {
  authorId: string;
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

  async cards(noteIds: readonly string[], viewerId: string | null) {
    const [bases, hidden] = await Promise.all([this.cardCache.getMany(noteIds, (ids) => this.loadCards(ids)), hiddenAuthorIds(this.db, viewerId)]);
    const visible = noteIds.flatMap((id) => {
      const base = bases.get(id);
      return base && !hidden.has(base.authorId) && (!base.authorOnly || base.authorId === viewerId) ? [base] : [];
    });
    const liked = viewerId
      ? await viewerLikes(
          this.db,
          viewerId,
          visible.map((base) => base.card.id),
        )
      : new Set<string>();
    return visible.map((base) => ({ ...base.card, viewer: viewerId ? { liked: liked.has(base.card.id) } : null }));
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

  async view(noteId: string, viewerId: string | null) {
    const base = await this.viewCache.get(noteId, () => this.loadView(noteId));
    const unavailable = () => notFound('note_not_found', 'This note is not available.');
    if (!base) throw unavailable();
    if (base.authorOnly && viewerId !== base.authorId) throw unavailable();
    if (!viewerId) return { ...base.view, viewer: null };
    const state = await viewerStateOfNote(this.db, viewerId, noteId, base.authorId);
    // Blocked either way or muted: the note is not there for this viewer.
    if (state.hidden) throw unavailable();
    const isAuthor = viewerId === base.authorId;
    return {
      ...base.view,
      ...(isAuthor ? { languageSource: base.languageSource, exposure: await noteExposure(this.db, noteId, { stageBudgets: [...this.stageBudgets] }) } : {}),
      viewer: {
        liked: state.liked,
        collected: state.collected,
        boardId: state.boardId,
        isAuthor: viewerId === base.authorId,
        followingAuthor: viewerId !== base.authorId && state.following,
      },
    };
  }
}
