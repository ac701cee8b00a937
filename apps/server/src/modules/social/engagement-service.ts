import type { SignedInContext } from '../../kernel/viewer-context.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import { addToNoteCounter, noteCounts } from '../counters/note-counters.js';
import { insertNotification, removeUnreadNotification } from '../notifications/notifications-queries.js';
import { findOwnBoard } from './boards-queries.js';
import { deleteCollect, deleteLike, insertLike, upsertCollect } from './engagement-queries.js';
import { isForeignKeyViolation, noteNotFound, reachableNote } from './note-access.js';
import { recordSignals } from '../recommender/signals.js';

// Likes and collects on notes. The row and its counter change in one
// transaction, and only when the row really changed: toggles are idempotent and
// the sharded count always equals the number of rows.

export class EngagementService {
  constructor(
    private readonly db: Db,
    /** Called after a like or collect committed, so cached counts show it at once here. */
    private readonly afterCount: (noteId: string) => void = () => {},
  ) {}

  async like(context: SignedInContext, noteId: string, now: Date): Promise<{ liked: true; likes: number }> {
    const userId = context.viewerId;
    const note = await reachableNote(this.db, noteId, context);
    await this.write(async (trx) => {
      if (!(await insertLike(trx, userId, noteId, now))) return;
      await addToNoteCounter(trx, noteId, 'likes', 1);
      await recordSignals(trx, [{ userId, noteId, type: 'like', at: now }]);
      await insertNotification(trx, { recipientId: note.authorId, kind: 'like', actorId: userId, noteId, now });
    });
    return { liked: true, likes: await this.count(noteId, 'likes') };
  }

  async unlike(context: SignedInContext, noteId: string, now: Date): Promise<{ liked: false; likes: number }> {
    const userId = context.viewerId;
    await reachableNote(this.db, noteId, context);
    await this.db.transaction().execute(async (trx) => {
      if (!(await deleteLike(trx, userId, noteId))) return;
      await addToNoteCounter(trx, noteId, 'likes', -1);
      await recordSignals(trx, [{ userId, noteId, type: 'unlike', at: now }]);
      await removeUnreadNotification(trx, { kind: 'like', actorId: userId, noteId });
    });
    return { liked: false, likes: await this.count(noteId, 'likes') };
  }

  /** `boardId` undefined keeps the current board; null means "no board". */
  async collect(
    context: SignedInContext,
    noteId: string,
    boardId: string | null | undefined,
    now: Date,
  ): Promise<{ collected: true; collects: number; boardId: string | null }> {
    const userId = context.viewerId;
    const note = await reachableNote(this.db, noteId, context);
    if (boardId && !(await findOwnBoard(this.db, userId, boardId))) {
      throw notFound('board_not_found', 'This board does not exist.');
    }
    const result = await this.write(async (trx) => {
      const collect = await upsertCollect(trx, { userId, noteId, boardId, now });
      if (collect.inserted) {
        await addToNoteCounter(trx, noteId, 'collects', 1);
        await recordSignals(trx, [{ userId, noteId, type: 'collect', at: now }]);
        await insertNotification(trx, { recipientId: note.authorId, kind: 'collect', actorId: userId, noteId, now });
      }
      return collect;
    });
    return { collected: true, collects: await this.count(noteId, 'collects'), boardId: result.boardId };
  }

  async uncollect(context: SignedInContext, noteId: string, now: Date): Promise<{ collected: false; collects: number }> {
    const userId = context.viewerId;
    await reachableNote(this.db, noteId, context);
    await this.db.transaction().execute(async (trx) => {
      if (!(await deleteCollect(trx, userId, noteId))) return;
      await addToNoteCounter(trx, noteId, 'collects', -1);
      await recordSignals(trx, [{ userId, noteId, type: 'uncollect', at: now }]);
      await removeUnreadNotification(trx, { kind: 'collect', actorId: userId, noteId });
    });
    return { collected: false, collects: await this.count(noteId, 'collects') };
  }

  // Every write reads its count after committing: the one place to forget the cached counts too.
  private async count(noteId: string, counter: 'likes' | 'collects'): Promise<number> {
    this.afterCount(noteId);
    return (await noteCounts(this.db, [noteId])).get(noteId)?.[counter] ?? 0;
  }

  // The note or board can be purged between the check and the insert; that is a 404, not a 500.
  private async write<T>(work: (trx: Db) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(work);
    } catch (error) {
      if (isForeignKeyViolation(error)) throw noteNotFound();
      throw error;
    }
  }
}
