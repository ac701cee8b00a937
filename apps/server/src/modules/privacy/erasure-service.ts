import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { destroyDataKey } from '../../kernel/vault/personal-data-vault.js';
import type { Db } from '../../db/database.js';
import { addToNoteCounter } from '../counters/note-counters.js';
import { removeDiscussion } from '../counters/topic-counters.js';
import type { MediaStorage } from '../media/media-storage.js';
import { eraseMediaFiles } from './erasure-media.js';
import type { ErasureCompactor } from './erasure-compaction.js';
import type { ExportService } from './export-service.js';

// The erasure after the grace period: the person leaves every table, every
// media store and every cache. What others wrote stays readable: a note of
// theirs with other people's comments becomes a tombstone (no title, text,
// media or topics, owned by the one 'erased' placeholder account), and so does
// a comment of theirs that others replied to. Events kept for statistics lose
// the user id. The user row goes last: rows that reference it ON DELETE CASCADE
// (sessions, the per-user data key of the crypto-shredding layer) go with it.

/** The translation cache's key of a text (translation-service.ts hashes the same way). */
const sourceHash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The placeholder account that owns tombstones; holds nothing about anyone. */

export interface ErasureReport {
  notesErased: number;
  notesTombstoned: number;
  commentsErased: number;
  commentsTombstoned: number;
  mediaFiles: number;
  translations: number;
  compaction: { mode: string; ms: number };
}

export class ErasureService {
  constructor(
    private readonly deps: {
      db: Db;
      storage: MediaStorage;
      uploadsDir: string;
      exports: ExportService;
      compactor: ErasureCompactor;
      /** Caches forget the person and their notes (sessions, feeds, note cards, media guard). */
      forget: (userId: string, noteIds: readonly string[]) => void;
    },
  ) {}

  /** The placeholder's id, created on first use (one per database). */
  private async placeholderId(trx: Db): Promise<string> {
    await sql`select pg_advisory_xact_lock(hashtextextended('erased-placeholder', 0))`.execute(trx);
    const found = await trx.selectFrom('users').select('id').where('status', '=', 'erased').orderBy('id').limit(1).executeTakeFirst();
    if (found) return found.id;
    const row = await trx
      .insertInto('users')
      .values({ handle: null, display_name: null, language: 'en', region: 'ZZ', status: 'erased' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** Erases one person. Idempotent: a retry after a crash finishes what is left. */
  async erase(userId: string, options: { compact: boolean } = { compact: true }): Promise<ErasureReport | null> {
    const { db, storage, exports } = this.deps;
    const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
    if (!user || user.status === 'erased') return null;

    await exports.removeAllOf(userId);
    const mediaFiles = await eraseMediaFiles(db, storage, this.deps.uploadsDir, userId);

    const result = await db.transaction().execute(async (trx) => {
      const placeholder = await this.placeholderId(trx);
      const notes = await trx.selectFrom('notes').select(['id', 'title', 'body']).where('author_id', '=', userId).execute();
      const comments = await trx.selectFrom('comments').select(['id', 'note_id', 'parent_id', 'body', 'deleted_at']).where('author_id', '=', userId).execute();
      const hashes = new Set<string>([user.bio, ...notes.flatMap((n) => [n.title, n.body]), ...comments.map((c) => c.body)].filter(Boolean).map(sourceHash));

      // Counters of other people's notes: the likes, collects and comments the person leaves.
      const ownNotes = new Set(notes.map((n) => n.id));
      const [liked, collected] = await Promise.all([
        trx.selectFrom('likes').select('note_id').where('user_id', '=', userId).execute(),
        trx.selectFrom('collects').select('note_id').where('user_id', '=', userId).execute(),
      ]);
      for (const { note_id } of liked) if (!ownNotes.has(note_id)) await addToNoteCounter(trx, note_id, 'likes', -1);
      for (const { note_id } of collected) if (!ownNotes.has(note_id)) await addToNoteCounter(trx, note_id, 'collects', -1);
      const likedComments = await trx.selectFrom('comment_likes').select('comment_id').where('user_id', '=', userId).execute();
      if (likedComments.length) {
        await trx
          .updateTable('comments')
          .set((eb) => ({ like_count: eb('like_count', '-', 1) }))
          .where(
            'id',
            'in',
            likedComments.map((row) => row.comment_id),
          )
          .where('like_count', '>', 0)
          .execute();
      }

      // Their notes: a tombstone where others commented, else gone (with their own comments under it).
      const discussed = new Set(
        notes.length
          ? (
              await trx
                .selectFrom('comments')
                .select('note_id')
                .where('note_id', 'in', [...ownNotes])
                .where('author_id', 'not in', [userId, placeholder])
                .where('deleted_at', 'is', null)
                .execute()
            ).map((row) => row.note_id)
          : [],
      );
      const tombstones = notes.filter((n) => discussed.has(n.id)).map((n) => n.id);
      const erased = notes.filter((n) => !discussed.has(n.id)).map((n) => n.id);
      // Their comments on others' notes and on their tombstones: a comment with live replies from others stays as a
      // "comment deleted" tombstone (the replies need it); the rest go.
      let commentsTombstoned = 0;
      let commentsErased = 0;
      const erasedNotes = new Set(erased);
      const onOthersNotes = comments.filter((c) => !erasedNotes.has(c.note_id));
      const withReplies = new Set(
        onOthersNotes.length
          ? (
              await trx
                .selectFrom('comments')
                .select('parent_id')
                .where(
                  'parent_id',
                  'in',
                  onOthersNotes.map((c) => c.id),
                )
                .where('author_id', '<>', userId)
                .where('deleted_at', 'is', null)
                .execute()
            ).map((row) => row.parent_id)
          : [],
      );
      for (const comment of onOthersNotes) {
        if (comment.deleted_at === null) {
          await addToNoteCounter(trx, comment.note_id, 'comments', -1);
          await removeDiscussion(trx, { noteId: comment.note_id, count: 1 });
        }
        if (withReplies.has(comment.id)) {
          await trx
            .updateTable('comments')
            .set({ author_id: placeholder, body: '', labels: [], language: null, language_confidence: null, text_simhash: null, reply_to_user_id: null })
            .where('id', '=', comment.id)
            .execute();
          commentsTombstoned += 1;
        } else {
          await trx.deleteFrom('comments').where('id', '=', comment.id).execute();
          commentsErased += 1;
        }
      }

      if (erased.length) await trx.deleteFrom('notes').where('id', 'in', erased).execute();
      if (tombstones.length) {
        for (const table of ['images', 'videos'] as const) await trx.deleteFrom(table).where('note_id', 'in', tombstones).execute();
        await trx.deleteFrom('note_topics').where('note_id', 'in', tombstones).execute();
        await trx.deleteFrom('note_mentions').where('note_id', 'in', tombstones).execute();
        await trx
          .updateTable('notes')
          .set({
            author_id: placeholder,
            title: '',
            body: '',
            place: null,
            search_tokens: [],
            labels: [],
            language: null,
            language_confidence: null,
            text_simhash: null,
          })
          .where('id', 'in', tombstones)
          .execute();
      }

      // Rows that name them without a cascade to follow, or that outlive the user row.
      await trx.deleteFrom('images').where('owner_id', '=', userId).execute();
      await trx.deleteFrom('videos').where('owner_id', '=', userId).execute();
      if (user.phone_index) await trx.deleteFrom('phone_codes').where('phone_index', '=', user.phone_index).execute();
      // Crypto-shredding first: with the data key gone, the number's ciphertext in any backup is noise.
      await destroyDataKey(trx, userId);
      await trx
        .deleteFrom('notifications')
        .where((eb) => eb.or([eb('recipient_id', '=', userId), eb('actor_id', '=', userId)]))
        .execute();
      await trx.deleteFrom('note_mentions').where('user_id', '=', userId).execute();
      // Reports they filed go; the cases they fed keep their record (counts, decisions) without the reporter.
      await trx.deleteFrom('reports').where('reporter_id', '=', userId).execute();
      await trx.updateTable('events').set({ user_id: null }).where('user_id', '=', userId).execute();
      const translations = hashes.size
        ? Number(
            (
              await trx
                .deleteFrom('translations')
                .where('source_hash', 'in', [...hashes])
                .executeTakeFirst()
            ).numDeletedRows,
          )
        : 0;
      // Last: the user row, and everything that cascades from it (sessions, likes, follows, blocks,
      // mutes, boards, collects, recommender rows, the per-user data key).
      await trx.deleteFrom('users').where('id', '=', userId).execute();
      return {
        notesErased: erased.length,
        notesTombstoned: tombstones.length,
        commentsErased,
        commentsTombstoned,
        translations,
        noteIds: notes.map((n) => n.id),
      };
    });

    this.deps.forget(userId, result.noteIds);
    // Compaction rewrites whole tables: after a batch of erasures, once (the last job of the batch runs it).
    const compaction = options.compact ? await this.deps.compactor.compact() : { mode: 'deferred', ms: 0 };
    const { noteIds: _ids, ...counts } = result;
    return { ...counts, mediaFiles, compaction };
  }
}
