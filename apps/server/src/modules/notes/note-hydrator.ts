import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { noteCounts } from '../counters/note-counters.js';
import { presentImage } from '../media/image-view.js';
import { imagesOfNotes } from '../media/images-queries.js';
import type { MediaStorage } from '../media/media-storage.js';
import { hiddenAuthorIds } from '../social/hidden-authors.js';
import {
  isFollowing,
  mentionsOfNote,
  type NoteWithAuthor,
  notesWithAuthors,
  topicsOfNotes,
  viewerCollect,
  viewerLikes,
} from './note-hydration-queries.js';

// Read paths that show notes end here: skeleton ids in, then hydrate (a fixed
// number of queries for any page size), filter (deleted notes, blocked and
// muted authors), present.

const presentAuthor = (author: NoteWithAuthor['author']) => ({
  id: author.id,
  handle: author.handle ?? '',
  displayName: author.display_name ?? author.handle ?? '',
});

export class NoteHydrator {
  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
  ) {}

  async cards(noteIds: readonly string[], viewerId: string | null) {
    const [notes, hidden] = await Promise.all([notesWithAuthors(this.db, noteIds), hiddenAuthorIds(this.db, viewerId)]);
    const visible = notes.filter((note) => !hidden.has(note.author_id));
    const ids = visible.map((note) => note.id);
    const [covers, counts, liked] = await Promise.all([
      imagesOfNotes(this.db, ids, true),
      noteCounts(this.db, ids),
      viewerId ? viewerLikes(this.db, viewerId, ids) : Promise.resolve(new Set<string>()),
    ]);
    const coverOf = new Map(covers.map((image) => [image.note_id!, image]));
    return visible.map((note) => {
      const cover = coverOf.get(note.id);
      return {
        id: note.id,
        kind: note.kind,
        title: note.title,
        cover: cover ? presentImage(cover, this.storage) : null,
        author: presentAuthor(note.author),
        counts: { likes: counts.get(note.id)?.likes ?? 0 },
        viewer: viewerId ? { liked: liked.has(note.id) } : null,
      };
    });
  }

  async view(noteId: string, viewerId: string | null) {
    const [note] = await notesWithAuthors(this.db, [noteId]);
    const hidden = await hiddenAuthorIds(this.db, viewerId);
    if (!note || hidden.has(note.author_id)) throw notFound('note_not_found', 'This note is not available.');
    const [images, counts, topics, mentions, liked, collect, following] = await Promise.all([
      imagesOfNotes(this.db, [note.id]),
      noteCounts(this.db, [note.id]),
      topicsOfNotes(this.db, [note.id]),
      mentionsOfNote(this.db, note.id),
      viewerId ? viewerLikes(this.db, viewerId, [note.id]) : Promise.resolve(new Set<string>()),
      viewerId ? viewerCollect(this.db, viewerId, note.id) : Promise.resolve(undefined),
      viewerId && viewerId !== note.author_id ? isFollowing(this.db, viewerId, note.author_id) : Promise.resolve(false),
    ]);
    const count = counts.get(note.id)!;
    return {
      id: note.id,
      kind: note.kind,
      title: note.title,
      body: note.body,
      place: note.place,
      createdAt: note.created_at.toISOString(),
      updatedAt: note.updated_at.toISOString(),
      author: presentAuthor(note.author),
      images: images.map((image) => presentImage(image, this.storage)),
      topics: (topics.get(note.id) ?? []).map((name) => ({ name })),
      mentions: mentions.map((mention) => ({ id: mention.id, handle: mention.handle ?? '' })),
      counts: { likes: count.likes, collects: count.collects, comments: count.comments, views: count.views },
      viewer: viewerId
        ? {
            liked: liked.has(note.id),
            collected: collect !== undefined,
            boardId: collect?.board_id ?? null,
            isAuthor: viewerId === note.author_id,
            followingAuthor: following,
          }
        : null,
    };
  }
}
