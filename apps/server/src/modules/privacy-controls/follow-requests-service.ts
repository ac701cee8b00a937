import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import { notFound } from '../../lib/errors.js';
import { presentUserSummary, type UserSummary } from '../../kernel/user-summary.js';
import { insertNotification, removeUnreadNotification } from '../notifications/notifications-queries.js';
import { userByHandle } from '../social/note-access.js';
import { followCounts, insertFollow } from '../social/people-queries.js';
import { countIncomingRequests, deleteFollowRequest, incomingRequestsPage } from './follow-requests-queries.js';

// The owner's side of follow requests: the list of people waiting, approve
// (they become a follower and hear so) and deny (the request is deleted; the
// requester is not told). Asking and cancelling happen on the follow button
// (social/people-service.ts).

export type FollowRequestView = UserSummary & { requestedAt: string };

const requestNotFound = () => notFound('follow_request_not_found', 'This person has not asked to follow you.');

export class FollowRequestsService {
  constructor(
    private readonly db: Db,
    /** Someone gained or lost access to an account's notes: caches keyed by viewer forget them. */
    private readonly onAccessChange: (userId: string) => void = () => {},
  ) {}

  async list(ownerId: string, cursor: string | undefined, limit: number): Promise<Page<FollowRequestView> & { total: number }> {
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    const [rows, total] = await Promise.all([
      incomingRequestsPage(this.db, ownerId, before && { at: before[0], id: before[1] }, limit),
      countIncomingRequests(this.db, ownerId),
    ]);
    const page = pageOf(
      rows,
      limit,
      (row) => ({ ...presentUserSummary(row), requestedAt: row.requested_at.toISOString() }),
      (row) => [row.requested_at.toISOString(), row.id],
    );
    return { ...page, total };
  }

  /** Idempotent: approving someone who already follows answers the same. */
  async approve(ownerId: string, handle: string, now: Date): Promise<{ follower: true; followers: number }> {
    const requester = await userByHandle(this.db, handle);
    const approved = await this.db.transaction().execute(async (trx) => {
      if (!(await deleteFollowRequest(trx, requester.id, ownerId))) {
        const follows = await trx
          .selectFrom('follows')
          .select('follower_id')
          .where('follower_id', '=', requester.id)
          .where('followee_id', '=', ownerId)
          .executeTakeFirst();
        if (!follows) throw requestNotFound();
        return false;
      }
      await insertFollow(trx, requester.id, ownerId, now);
      await removeUnreadNotification(trx, { kind: 'follow_request', actorId: requester.id, recipientId: ownerId });
      await insertNotification(trx, { recipientId: requester.id, kind: 'follow_approved', actorId: ownerId, now });
      return true;
    });
    if (approved) this.onAccessChange(requester.id);
    return { follower: true, followers: (await followCounts(this.db, ownerId)).followers };
  }

  /** Deletes the request (idempotent); the requester may ask again later. */
  async deny(ownerId: string, handle: string): Promise<void> {
    const requester = await userByHandle(this.db, handle);
    await this.db.transaction().execute(async (trx) => {
      if (await deleteFollowRequest(trx, requester.id, ownerId)) {
        await removeUnreadNotification(trx, { kind: 'follow_request', actorId: requester.id, recipientId: ownerId });
      }
    });
  }
}
