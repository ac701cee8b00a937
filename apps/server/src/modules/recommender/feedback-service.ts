import type { SignedInContext } from '../../kernel/viewer-context.js';
import type { Db } from '../../db/database.js';
import { reachableNote } from '../social/note-access.js';
import { deleteNotInterested, insertNotInterested } from './feedback-queries.js';
import { recordSignals } from './signals.js';

/**
 * What a viewer tells the feed directly. Each act is stored once (repeats are
 * no-ops) and, the first time, becomes a signal in the same transaction: the
 * quality job counts it against the note and the affinity fold against its
 * topics. The viewer's cached feed state is dropped so the note is gone from
 * their next page.
 */
export class FeedbackService {
  constructor(
    private readonly db: Db,
    private readonly forgetViewer: (viewerId: string) => void = () => {},
  ) {}

  async notInterested(context: SignedInContext, noteId: string, now: Date): Promise<void> {
    const viewerId = context.viewerId;
    await reachableNote(this.db, noteId, context);
    await this.db.transaction().execute(async (trx) => {
      if (await insertNotInterested(trx, viewerId, noteId, now)) {
        await recordSignals(trx, [{ userId: viewerId, noteId, type: 'not_interested', at: now }]);
      }
    });
    this.forgetViewer(viewerId);
  }

  /**
   * Undo: the note may be served again. The signal stays in the log (events are
   * append-only); a quick undo costs the note one negative, which the quality
   * prior absorbs.
   */
  async undoNotInterested(context: SignedInContext, noteId: string): Promise<void> {
    const viewerId = context.viewerId;
    await reachableNote(this.db, noteId, context);
    await deleteNotInterested(this.db, viewerId, noteId);
    this.forgetViewer(viewerId);
  }
}
