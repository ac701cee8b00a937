import type { Db } from '../../db/database.js';
import type { Page } from '../../db/pagination.js';
import { AppError } from '../../lib/errors.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { visibleNotes } from '../../kernel/visible-rows-sql.js';
import { readableUserByHandle } from './note-access.js';
import { collectedNoteIdsPage, likedNoteIdsPage, type NoteRef } from './profile-tabs-queries.js';

// Whether the viewer may open someone's Liked / Collected tab: always for
// their own, otherwise only when the owner has not made it private.

export type ProfileTab = 'likes' | 'collects';

export class ProfileTabsService {
  constructor(private readonly db: Db) {}

  async page(tab: ProfileTab, handle: string, context: ViewerContext, cursor: string | undefined, limit: number): Promise<Page<NoteRef>> {
    const { viewerId } = context;
    const owner = await readableUserByHandle(this.db, handle, context);
    const isPrivate = tab === 'likes' ? owner.likes_private : owner.collects_private;
    if (isPrivate && owner.id !== viewerId) {
      throw new AppError(403, `${tab}_private`, tab === 'likes' ? 'Their likes are private.' : 'Their collects are private.');
    }
    // A private board's notes are the owner's alone, here as on the board itself.
    const options = { visible: visibleNotes(context, 'feed', 'n'), hidePrivateBoards: owner.id !== viewerId };
    return tab === 'likes' ? likedNoteIdsPage(this.db, owner.id, cursor, limit, options) : collectedNoteIdsPage(this.db, owner.id, cursor, limit, options);
  }
}
