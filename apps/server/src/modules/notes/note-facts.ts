import type { Db } from '../../db/database.js';
import type { LanguageSource, NoteRow } from '../../db/tables/notes.js';
import { presentAuthor } from '../../kernel/user-summary.js';
import type { ModerationFacts } from '../../kernel/visibility.js';
import { presentImage } from '../media/image-view.js';
import { imagesOfNotes } from '../media/images-queries.js';
import type { MediaStorage } from '../media/media-storage.js';
import { presentVideo, videoCover } from '../video/video-view.js';
import { videosOfNotes } from '../video/videos-queries.js';
import { liveNotes, mentionedUserIds, topicsOfNotes, userLines } from './note-hydration-queries.js';

// What every viewer sees alike of a note, as the shared card cache keeps it
// (plain JSON, so a Redis cache can hold it too). Deliberately without the
// author's name line (cached per author, so a rename is one forget), the
// counts (they change on every like) and the author's account state (read
// fresh with the viewer's bits on every page).

export interface NoteFactsBase {
  id: string;
  authorId: string;
  kind: 'image' | 'video';
  title: string;
  language: string | null;
  moderation: ModerationFacts;
  /** A video note whose video is not ready is its author's alone (and cached only briefly: a worker may finish it). */
  authorOnly: boolean;
}

export interface CardFacts extends NoteFactsBase {
  cover: ReturnType<typeof presentImage> | null;
}

export interface ViewFacts extends NoteFactsBase {
  body: string;
  place: string | null;
  createdAt: string;
  updatedAt: string;
  images: Array<ReturnType<typeof presentImage>>;
  video: ReturnType<typeof presentVideo> | null;
  topics: string[];
  mentionIds: string[];
  languageSource: LanguageSource;
}

export type AuthorLine = ReturnType<typeof presentAuthor>;

function baseOf(note: NoteRow, videoReady: boolean): NoteFactsBase {
  return {
    id: note.id,
    authorId: note.author_id,
    kind: note.kind,
    title: note.title,
    language: note.language,
    moderation: { labels: note.labels, state: note.mod_state, limited: note.reach_limited },
    authorOnly: note.kind === 'video' && !videoReady,
  };
}

/** Cards of the live notes among `ids`, in a fixed number of queries. */
export async function loadCardFacts(db: Db, storage: MediaStorage, ids: readonly string[]): Promise<Map<string, CardFacts>> {
  const notes = await liveNotes(db, ids);
  const live = notes.map((note) => note.id);
  const videoNotes = notes.filter((note) => note.kind === 'video').map((note) => note.id);
  const [covers, videos] = await Promise.all([imagesOfNotes(db, live, true), videosOfNotes(db, videoNotes)]);
  const coverOf = new Map(covers.map((image) => [image.note_id!, image]));
  return new Map(
    notes.map((note) => {
      const cover = coverOf.get(note.id);
      const video = videos.get(note.id);
      const facts: CardFacts = {
        ...baseOf(note, video?.status === 'ready'),
        cover: video ? videoCover(video, storage) : cover ? presentImage(cover, storage) : null,
      };
      return [note.id, facts];
    }),
  );
}

/** The note page's shared part, or nothing for a deleted or unknown note. */
export async function loadViewFacts(db: Db, storage: MediaStorage, ids: readonly string[]): Promise<Map<string, ViewFacts>> {
  const result = new Map<string, ViewFacts>();
  // The note page asks for one note at a time; a loop keeps each load to its own few queries.
  for (const note of await liveNotes(db, ids)) {
    const [images, topics, mentionIds, videos] = await Promise.all([
      imagesOfNotes(db, [note.id]),
      topicsOfNotes(db, [note.id]),
      mentionedUserIds(db, note.id),
      videosOfNotes(db, note.kind === 'video' ? [note.id] : []),
    ]);
    const video = videos.get(note.id);
    result.set(note.id, {
      ...baseOf(note, video?.status === 'ready'),
      body: note.body,
      place: note.place,
      createdAt: note.created_at.toISOString(),
      updatedAt: note.updated_at.toISOString(),
      images: images.map((image) => presentImage(image, storage)),
      video: video ? presentVideo(video, storage) : null,
      topics: topics.get(note.id) ?? [],
      mentionIds,
      languageSource: note.language_source,
    });
  }
  return result;
}

/** Name lines of these people (a rename or an erasure forgets one entry). */
export async function loadAuthorLines(db: Db, ids: readonly string[]): Promise<Map<string, AuthorLine>> {
  return new Map((await userLines(db, ids)).map((user) => [user.id, presentAuthor(user)]));
}
