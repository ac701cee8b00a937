import type { Db } from '../../db/database.js';
import type { NoteRow } from '../../db/tables/notes.js';
import type { UserRow } from '../../db/tables/users.js';
import { type ContentGate, OPEN_GATE } from '../../kernel/content-gate.js';
import { badRequest, forbidden, notFound } from '../../lib/errors.js';
import { recordDiscussion, removeDiscussion } from '../counters/topic-counters.js';
import { attachImages, detachImagesExcept } from '../media/images-queries.js';
import { insertNotification } from '../notifications/notifications-queries.js';
import { mentionableAmong } from '../privacy-controls/mention-permission.js';
import { attachVideo, lockVideo } from '../video/videos-queries.js';
import { documentTokens } from '../search/search-tokens.js';
import { noteLanguageColumns } from '../language/language-columns.js';
import {
  commentCountOfNote,
  insertNote,
  lockLiveNote,
  markNoteDeleted,
  seedNoteRank,
  setNoteMentions,
  setNoteTopics,
  topicIdsOfNote,
  updateNote,
  upsertTopics,
  usersByHandles,
} from './notes-queries.js';
import { parseHashtags, parseMentions } from './note-text.js';

export const MAX_IMAGES_PER_NOTE = 18;

export interface NoteInput {
  title: string;
  body: string;
  imageIds?: string[];
  /** A video note carries one uploaded video instead of images. */
  videoId?: string;
  /** Which of the video's preview frames is the cover (0-4); the poster when absent. */
  coverFrame?: number;
  place?: string | null;
  alts?: Record<string, string>;
}

export type NotePatch = Partial<Omit<NoteInput, 'videoId' | 'coverFrame'>>;

// A new note starts above most old ones (its rank decays like theirs): every
// note gets a first small audience before engagement decides.
export const NEW_NOTE_SCORE = 1 / 2 ** 1.5;

export class NotesService {
  constructor(
    private readonly db: Db,
    /** Called after a note was posted, changed or went away, so caches can forget it and its author's list. */
    private readonly afterChange: (noteId: string, authorId: string) => void = () => {},
    private readonly gate: ContentGate = OPEN_GATE,
  ) {}

  private checkContent(title: string, body: string, imageIds: string[]): void {
    if (!title.trim() && !body.trim()) throw badRequest('note_empty', 'Write a title or some text.');
    if (imageIds.length === 0) throw badRequest('images_required', 'Add at least one image.');
    if (imageIds.length > MAX_IMAGES_PER_NOTE) throw badRequest('too_many_images', `A note has at most ${MAX_IMAGES_PER_NOTE} images.`);
    if (new Set(imageIds).size !== imageIds.length) throw badRequest('images_invalid', 'The same image is listed twice.');
  }

  private async tokens(author: UserRow, title: string, body: string, topics: string[]): Promise<string[]> {
    return documentTokens([title, body, topics.join(' '), author.handle ?? '', author.display_name ?? ''].join('\n'));
  }

  /** Topics and mentions follow the text: re-parsed on every write. */
  private async syncTextLinks(trx: Db, note: NoteRow, author: UserRow, now: Date, isNew: boolean): Promise<void> {
    const text = `${note.title}\n${note.body}`;
    const before = isNew ? [] : await topicIdsOfNote(trx, note.id);
    const topics = await upsertTopics(trx, parseHashtags(text), now);
    const after = topics.map((topic) => topic.id);
    await setNoteTopics(trx, note.id, after, note.created_at);
    const added = after.filter((id) => !before.includes(id));
    const removed = before.filter((id) => !after.includes(id));
    if (added.length) await recordDiscussion(trx, { noteId: note.id, userId: author.id, now, topicIds: added });
    if (removed.length) await removeDiscussion(trx, { noteId: note.id, topicIds: removed, count: 1 + (await commentCountOfNote(trx, note.id)) });

    // People who let only some people mention them stay plain text: no link, no notification.
    const named = (await usersByHandles(trx, parseMentions(text))).filter((user) => user.id !== author.id && user.display_name !== null);
    const allowed = await mentionableAmong(trx, author.id, named);
    const mentioned = named.filter((user) => allowed.has(user.id));
    await setNoteMentions(
      trx,
      note.id,
      mentioned.map((user) => user.id),
    );
    if (isNew) {
      for (const user of mentioned) {
        await insertNotification(trx, { recipientId: user.id, kind: 'mention', actorId: author.id, noteId: note.id, now });
      }
    }
  }

  async create(author: UserRow, input: NoteInput, now: Date): Promise<string> {
    if (author.handle === null) throw badRequest('profile_incomplete', 'Finish your profile before posting.');
    const title = input.title.trim();
    const body = input.body.trim();
    if (input.videoId !== undefined && input.imageIds !== undefined) throw badRequest('note_media_conflict', 'A note has images or a video, not both.');
    if (input.videoId === undefined && input.imageIds === undefined) throw badRequest('note_media_required', 'Add images or a video.');
    this.gate.check(author, `${title}\n${body}`, 'note', now);
    if (input.videoId !== undefined) return this.posted(author, await this.createVideoNote(author, { ...input, videoId: input.videoId, title, body }, now));
    const imageIds = input.imageIds!;
    this.checkContent(title, body, imageIds);
    const noteId = await this.db.transaction().execute(async (trx) => {
      const note = await insertNote(trx, {
        authorId: author.id,
        title,
        body,
        place: input.place?.trim() || null,
        searchTokens: await this.tokens(author, title, body, parseHashtags(`${title}\n${body}`)),
        language: noteLanguageColumns(title, body),
        now,
      });
      const attached = await attachImages(trx, { noteId: note.id, ownerId: author.id, imageIds, alts: input.alts });
      if (attached !== imageIds.length) {
        throw badRequest('images_invalid', 'Some images are not yours, do not exist, or belong to another note. Upload them again.');
      }
      await this.syncTextLinks(trx, note, author, now, true);
      await seedNoteRank(trx, note.id, NEW_NOTE_SCORE, now);
      await this.gate.screen(trx, { subject: { type: 'note', id: note.id }, author, text: `${title}\n${body}`, isNew: true }, now);
      return note.id;
    });
    return this.posted(author, noteId);
  }

  /** After the commit: the author's cached list of notes must show the new one. */
  private posted(author: UserRow, noteId: string): string {
    this.afterChange(noteId, author.id);
    return noteId;
  }

  /** The note exists at once; feeds show it when its video is ready (the author sees it processing). */
  private async createVideoNote(author: UserRow, input: NoteInput & { videoId: string }, now: Date): Promise<string> {
    if (!input.title && !input.body) throw badRequest('note_empty', 'Write a title or some text.');
    return this.db.transaction().execute(async (trx) => {
      const video = await lockVideo(trx, input.videoId);
      if (!video || video.owner_id !== author.id) throw badRequest('video_invalid', 'This video is not yours or does not exist. Upload it again.');
      if (video.note_id !== null) throw badRequest('video_invalid', 'This video already belongs to a note.');
      if (video.status === 'failed') throw badRequest('video_failed', video.error_message ?? 'This video could not be processed.');
      const note = await insertNote(trx, {
        authorId: author.id,
        kind: 'video',
        title: input.title,
        body: input.body,
        place: input.place?.trim() || null,
        searchTokens: await this.tokens(author, input.title, input.body, parseHashtags(`${input.title}\n${input.body}`)),
        language: noteLanguageColumns(input.title, input.body),
        now,
      });
      await attachVideo(trx, { videoId: video.id, noteId: note.id, coverFrame: input.coverFrame ?? null, now });
      await this.syncTextLinks(trx, note, author, now, true);
      await seedNoteRank(trx, note.id, NEW_NOTE_SCORE, now);
      await this.gate.screen(trx, { subject: { type: 'note', id: note.id }, author, text: `${input.title}\n${input.body}`, isNew: true }, now);
      return note.id;
    });
  }

  private async lockOwn(trx: Db, author: UserRow, noteId: string): Promise<NoteRow> {
    const note = await lockLiveNote(trx, noteId);
    if (!note) throw notFound('note_not_found', 'This note is not available.');
    if (note.author_id !== author.id) throw forbidden('Only the author can change this note.');
    return note;
  }

  async update(author: UserRow, noteId: string, patch: NotePatch, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.lockOwn(trx, author, noteId);
      const title = patch.title?.trim() ?? current.title;
      const body = patch.body?.trim() ?? current.body;
      this.gate.check(author, `${title}\n${body}`, 'note', now);
      const imageIds = patch.imageIds;
      if (current.kind === 'video' && (imageIds || patch.alts)) throw badRequest('note_media_conflict', 'A video note has no images.');
      this.checkContent(title, body, imageIds ?? ['kept']);
      const note = await updateNote(trx, noteId, {
        title,
        body,
        ...(patch.place !== undefined ? { place: patch.place?.trim() || null } : {}),
        searchTokens: await this.tokens(author, title, body, parseHashtags(`${title}\n${body}`)),
        language: noteLanguageColumns(title, body, current),
        now,
      });
      if (imageIds) {
        await detachImagesExcept(trx, noteId, imageIds);
        const attached = await attachImages(trx, { noteId, ownerId: author.id, imageIds, alts: patch.alts });
        if (attached !== imageIds.length) throw badRequest('images_invalid', 'Some images are not yours or belong to another note.');
      } else if (patch.alts) {
        await attachImages(trx, { noteId, ownerId: author.id, imageIds: Object.keys(patch.alts), alts: patch.alts });
      }
      await this.syncTextLinks(trx, note, author, now, false);
      // An edit is screened like a new note (a clean note edited into spam is caught too).
      if (title !== current.title || body !== current.body) {
        await this.gate.screen(trx, { subject: { type: 'note', id: noteId }, author, text: `${title}\n${body}`, isNew: false }, now);
      }
    });
    this.afterChange(noteId, author.id);
  }

  /** Soft delete: every read filters deleted notes, so it vanishes everywhere at once. */
  async delete(author: UserRow, noteId: string, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await this.lockOwn(trx, author, noteId);
      await removeDiscussion(trx, { noteId, count: 1 + (await commentCountOfNote(trx, noteId)) });
      await markNoteDeleted(trx, noteId, now);
    });
    this.afterChange(noteId, author.id);
  }
}
