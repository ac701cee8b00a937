import type { Db } from '../../db/database.js';
import type { Audience, UserRow } from '../../db/tables/users.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { insertNotification } from '../notifications/notifications-queries.js';
import { AUDIENCES } from './audience.js';
import { approveAllRequests, countIncomingRequests } from './follow-requests-queries.js';

// The privacy switches of an account: private, who may comment, who may
// mention, noindex. Going public approves every pending request (as Instagram
// does) and each requester hears so. Whoever caches by account or by media
// file is told, so the switch holds from the next request on.

export interface PrivacySettings {
  private: boolean;
  commentPermission: Audience;
  mentionPermission: Audience;
  noindex: boolean;
  /** Follow requests waiting for me (the badge on the requests list). */
  pendingRequests: number;
}

export type PrivacyUpdate = Partial<Omit<PrivacySettings, 'pendingRequests'>>;

export interface PrivacyListeners {
  /** An account changed (sessions carry the user row; the recommender caches per viewer). */
  onAccountChange: (userId: string) => void;
  /** An account went private or public: whatever decided access by it forgets (the media guard's index, viewers' cached approved follows). */
  onPrivateChange: () => void;
}

function checkAudience(value: string | undefined, field: string): Audience | undefined {
  if (value === undefined) return undefined;
  if (!(AUDIENCES as readonly string[]).includes(value)) throw badRequest('audience_invalid', `${field} must be one of ${AUDIENCES.join(', ')}.`);
  return value as Audience;
}

export class PrivacySettingsService {
  constructor(
    private readonly db: Db,
    private readonly listeners: PrivacyListeners,
  ) {}

  async get(user: UserRow): Promise<PrivacySettings> {
    return this.present(user, await countIncomingRequests(this.db, user.id));
  }

  async update(user: UserRow, update: PrivacyUpdate, now: Date): Promise<PrivacySettings> {
    const comment = checkAudience(update.commentPermission, 'commentPermission');
    const mention = checkAudience(update.mentionPermission, 'mentionPermission');
    const { updated, approved } = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('users')
        .set({
          ...(update.private === undefined ? {} : { is_private: update.private }),
          ...(comment === undefined ? {} : { comment_permission: comment }),
          ...(mention === undefined ? {} : { mention_permission: mention }),
          ...(update.noindex === undefined ? {} : { noindex: update.noindex }),
          updated_at: now,
        })
        .where('id', '=', user.id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw notFound('user_not_found', 'Your account no longer exists.');
      const approvedIds = row.is_private ? [] : await approveAllRequests(trx, user.id, now);
      for (const requesterId of approvedIds) await insertNotification(trx, { recipientId: requesterId, kind: 'follow_approved', actorId: user.id, now });
      return { updated: row, approved: approvedIds };
    });
    this.listeners.onAccountChange(user.id);
    for (const requesterId of approved) this.listeners.onAccountChange(requesterId);
    if (updated.is_private !== user.is_private) this.listeners.onPrivateChange();
    return this.present(updated, await countIncomingRequests(this.db, user.id));
  }

  private present(user: UserRow, pendingRequests: number): PrivacySettings {
    return {
      private: user.is_private,
      commentPermission: user.comment_permission,
      mentionPermission: user.mention_permission,
      noindex: user.noindex,
      pendingRequests,
    };
  }
}
