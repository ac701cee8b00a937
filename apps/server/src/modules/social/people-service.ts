import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import { AppError, badRequest } from '../../lib/errors.js';
import { insertNotification, removeUnreadNotification } from '../notifications/notifications-queries.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { isBlockedBetween } from './hidden-authors.js';
import { readableUserByHandle, userByHandle } from './note-access.js';
import {
  deleteBlock,
  deleteFollow,
  deleteFollowsBetween,
  deleteMute,
  type EdgeList,
  edgeUsersPage,
  followCounts,
  followedAmong,
  insertBlock,
  insertFollow,
  insertMute,
} from './people-queries.js';
import { presentUserSummary, type UserSummary } from '../../kernel/user-summary.js';
import { recordSignals } from '../recommender/signals.js';
import { deleteFollowRequest, deleteFollowRequestsBetween, insertFollowRequest } from '../privacy-controls/follow-requests-queries.js';

// Following, blocking and muting. A block cuts every tie (follows both ways)
// and stops the two from reaching each other; a mute only hides the muted
// person's content from the muter, who stays invisible to them. Following a
// private account asks first: a follow request the owner approves or denies
// (privacy-controls/); unfollowing withdraws a pending request too.

export type FollowState = { following: boolean; requested: boolean; followers: number };

const blocked = () => new AppError(403, 'blocked', 'You cannot follow this person.');

export class PeopleService {
  /** `onRelationsChange`: told after a follow, block or mute between two people changed (caches of either forget theirs). */
  constructor(
    private readonly db: Db,
    private readonly onRelationsChange: (a: string, b: string) => void = () => {},
  ) {}

  /** `fromNoteId`: the note of theirs that made the viewer follow (ignored unless it is a live note by them). */
  async follow(viewerId: string, handle: string, now: Date, fromNoteId?: string): Promise<FollowState> {
    const target = await userByHandle(this.db, handle);
    if (target.id === viewerId) throw badRequest('cannot_follow_self', 'You cannot follow yourself.');
    if (await isBlockedBetween(this.db, viewerId, target.id)) throw blocked();
    if (target.is_private) {
      const requested = await this.db.transaction().execute(async (trx) => {
        const following = await trx
          .selectFrom('follows')
          .select('followee_id')
          .where('follower_id', '=', viewerId)
          .where('followee_id', '=', target.id)
          .executeTakeFirst();
        // An existing follower of an account that went private stays one.
        if (following) return false;
        if (await insertFollowRequest(trx, viewerId, target.id, now)) {
          await insertNotification(trx, { recipientId: target.id, kind: 'follow_request', actorId: viewerId, now });
        }
        return true;
      });
      return { following: !requested, requested, followers: (await followCounts(this.db, target.id)).followers };
    }
    await this.db.transaction().execute(async (trx) => {
      if (!(await insertFollow(trx, viewerId, target.id, now))) return;
      await insertNotification(trx, { recipientId: target.id, kind: 'follow', actorId: viewerId, now });
      const note =
        fromNoteId &&
        (await trx
          .selectFrom('notes')
          .select('id')
          .where('id', '=', fromNoteId)
          .where('author_id', '=', target.id)
          .where('deleted_at', 'is', null)
          .executeTakeFirst());
      if (note) await recordSignals(trx, [{ userId: viewerId, noteId: note.id, type: 'follow', at: now }]);
    });
    this.onRelationsChange(viewerId, target.id);
    return { following: true, requested: false, followers: (await followCounts(this.db, target.id)).followers };
  }

  /** Unfollows, or cancels a pending request; access to a private account's notes ends with the next request. */
  async unfollow(viewerId: string, handle: string): Promise<FollowState> {
    const target = await userByHandle(this.db, handle);
    if (target.id === viewerId) throw badRequest('cannot_follow_self', 'You cannot follow yourself.');
    await this.db.transaction().execute(async (trx) => {
      if (await deleteFollowRequest(trx, viewerId, target.id)) {
        await removeUnreadNotification(trx, { kind: 'follow_request', actorId: viewerId, recipientId: target.id });
      }
      if (!(await deleteFollow(trx, viewerId, target.id))) return;
      await removeUnreadNotification(trx, { kind: 'follow', actorId: viewerId, recipientId: target.id });
    });
    // Access to a private account's notes ends with the viewer's next request.
    this.onRelationsChange(viewerId, target.id);
    return { following: false, requested: false, followers: (await followCounts(this.db, target.id)).followers };
  }

  async block(viewerId: string, handle: string, now: Date): Promise<{ blocked: true }> {
    const target = await this.other(viewerId, handle, 'cannot_block_self', 'You cannot block yourself.');
    await this.db.transaction().execute(async (trx) => {
      await insertBlock(trx, viewerId, target, now);
      await deleteFollowsBetween(trx, viewerId, target);
      await deleteFollowRequestsBetween(trx, viewerId, target);
    });
    this.onRelationsChange(viewerId, target);
    return { blocked: true };
  }

  async unblock(viewerId: string, handle: string): Promise<{ blocked: false }> {
    const target = await this.other(viewerId, handle, 'cannot_block_self', 'You cannot block yourself.');
    await deleteBlock(this.db, viewerId, target);
    this.onRelationsChange(viewerId, target);
    return { blocked: false };
  }

  async mute(viewerId: string, handle: string, now: Date): Promise<{ muted: true }> {
    const target = await this.other(viewerId, handle, 'cannot_mute_self', 'You cannot mute yourself.');
    await insertMute(this.db, viewerId, target, now);
    this.onRelationsChange(viewerId, target);
    return { muted: true };
  }

  async unmute(viewerId: string, handle: string): Promise<{ muted: false }> {
    const target = await this.other(viewerId, handle, 'cannot_mute_self', 'You cannot mute yourself.');
    await deleteMute(this.db, viewerId, target);
    this.onRelationsChange(viewerId, target);
    return { muted: false };
  }

  /** Someone's followers or followings, newest first; people in a block with the viewer are left out. */
  async connections(list: 'followers' | 'following', handle: string, context: ViewerContext, cursor: string | undefined, limit: number) {
    // A private account's people are for its approved followers, like its notes.
    const user = await readableUserByHandle(this.db, handle, context);
    return this.page(list, user.id, context.viewerId, cursor, limit, context.blocked);
  }

  /** My blocked or muted people, newest first. */
  mine(list: 'blocks' | 'mutes', viewerId: string, cursor: string | undefined, limit: number) {
    return this.page(list, viewerId, viewerId, cursor, limit, new Set());
  }

  private async page(
    list: EdgeList,
    userId: string,
    viewerId: string | null,
    cursor: string | undefined,
    limit: number,
    hidden: ReadonlySet<string>,
  ): Promise<Page<UserSummary>> {
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    // My own block and mute lists show everyone in them; other lists leave out people in a
    // block with me, but not muted ones: a mute hides content, not the person.
    const rows = await edgeUsersPage(this.db, { list, userId, hiddenUserIds: hidden, before: before && { at: before[0], id: before[1] }, limit });
    const page = pageOf(
      rows,
      limit,
      (row) => row,
      (row) => [row.edge_at.toISOString(), row.id],
    );
    const followed = viewerId
      ? await followedAmong(
          this.db,
          viewerId,
          page.items.map((row) => row.id),
        )
      : undefined;
    return { items: page.items.map((row) => presentUserSummary(row, followed?.has(row.id))), cursor: page.cursor };
  }

  private async other(viewerId: string, handle: string, selfCode: string, selfMessage: string): Promise<string> {
    const target = await userByHandle(this.db, handle);
    if (target.id === viewerId) throw badRequest(selfCode, selfMessage);
    return target.id;
  }
}
