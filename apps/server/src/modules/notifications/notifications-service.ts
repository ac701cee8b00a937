import { GONE_PROFILE_STATUSES } from '../../kernel/visibility.js';
import type { Db } from '../../db/database.js';
import type { NotificationDetail, NotificationKind } from '../../db/tables/notifications.js';
import { decodeCursor, pageOf } from '../../db/pagination.js';
import { followedAmong } from '../social/people-queries.js';
import { presentUserSummary, type UserSummary } from '../../kernel/user-summary.js';
import type { SignedInContext } from '../../kernel/viewer-context.js';
import { decide, decideLabels } from '../../kernel/visibility.js';
import { countUnread, markAllRead, notificationGroupsPage } from './notifications-queries.js';

// The notification list: grouped rows (see notificationGroupsPage) hydrated
// with their latest actors, note and comment in one query each, then filtered
// by the visibility decision: a notification about a note or comment the
// recipient may no longer see (removed, held, hidden in their region) is left
// out, as are actors whose accounts are banned.

const ACTORS_SHOWN = 3;

export interface NotificationGroup {
  id: string;
  kind: NotificationKind;
  actors: UserSummary[];
  actorCount: number;
  note: { id: string; title: string } | null;
  comment: { id: string; body: string } | null;
  latestAt: string;
  read: boolean;
  /** A new sign-in's device, browser and country; null for other kinds. */
  signIn: { device: string | null; browser: string | null; country: string | null } | null;
}

export class NotificationsService {
  constructor(private readonly db: Db) {}

  async list(context: SignedInContext, cursor: string | undefined, limit: number, now: Date) {
    const recipientId = context.viewerId;
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    const rows = await notificationGroupsPage(this.db, {
      recipientId,
      now,
      before: before && { latestAt: before[0], id: before[1] },
      limit,
    });
    const page = pageOf(
      rows,
      limit,
      (row) => row,
      (row) => [row.latest_at.toISOString(), row.id],
    );

    const actorsOf = new Map(page.items.map((row) => [row.id, [...new Set(row.actor_ids)].slice(0, ACTORS_SHOWN)]));
    const actorIds = [...new Set([...actorsOf.values()].flat())];
    const noteIds = [...new Set(page.items.flatMap((row) => (row.note_id ? [row.note_id] : [])))];
    const commentIds = [...new Set(page.items.flatMap((row) => (row.comment_id ? [row.comment_id] : [])))];
    const [users, notes, comments, followed, unread] = await Promise.all([
      actorIds.length === 0
        ? []
        : this.db
            .selectFrom('users')
            .select(['id', 'handle', 'display_name', 'bio', 'region', 'status'])
            .where('id', 'in', actorIds)
            .where('status', 'not in', [...GONE_PROFILE_STATUSES])
            .execute(),
      noteIds.length === 0
        ? []
        : this.db
            .selectFrom('notes')
            .innerJoin('users', 'users.id', 'notes.author_id')
            .select([
              'notes.id',
              'notes.title',
              'notes.author_id',
              'notes.labels',
              'notes.mod_state',
              'notes.reach_limited',
              'users.status as author_status',
              'users.is_private as author_private',
            ])
            .where('notes.id', 'in', noteIds)
            .execute(),
      commentIds.length === 0
        ? []
        : this.db.selectFrom('comments').select(['id', 'body', 'author_id', 'labels', 'mod_state']).where('id', 'in', commentIds).execute(),
      followedAmong(this.db, recipientId, actorIds),
      countUnread(this.db, recipientId, now),
    ]);
    const userById = new Map(users.map((user) => [user.id, user]));
    const visibleNotes = notes.filter(
      (note) =>
        decide(
          {
            authorId: note.author_id,
            authorStatus: note.author_status,
            authorPrivate: note.author_private,
            labels: note.labels,
            state: note.mod_state,
            limited: note.reach_limited,
          },
          context,
          'direct',
        ).visible,
    );
    const visibleComments = comments.filter(
      (comment) => comment.author_id === recipientId || (comment.mod_state === 'live' && decideLabels(comment.labels, context).visible),
    );
    const noteById = new Map(visibleNotes.map((note) => [note.id, note]));
    const commentById = new Map(visibleComments.map((comment) => [comment.id, comment]));

    const items: NotificationGroup[] = page.items.flatMap((row) => {
      const note = row.note_id ? noteById.get(row.note_id) : undefined;
      const comment = row.comment_id ? commentById.get(row.comment_id) : undefined;
      if ((row.note_id && !note) || (row.comment_id && !comment)) return [];
      return {
        id: row.id,
        kind: row.kind,
        actors: (actorsOf.get(row.id) ?? []).flatMap((id) => {
          const user = userById.get(id);
          return user ? [presentUserSummary(user, followed.has(id))] : [];
        }),
        actorCount: row.actor_count,
        // Grouped likes and collects carry their note; a follow has none; a comment has both.
        note: note ? { id: note.id, title: note.title } : null,
        comment: comment ? { id: comment.id, body: comment.body } : null,
        latestAt: row.latest_at.toISOString(),
        read: row.read,
        signIn: row.kind === 'new_sign_in' ? signInDetail(row.detail) : null,
      };
    });
    return { items, cursor: page.cursor, unread };
  }

  unreadCount(recipientId: string, now: Date): Promise<number> {
    return countUnread(this.db, recipientId, now);
  }

  markAllRead(recipientId: string, now: Date): Promise<void> {
    return markAllRead(this.db, recipientId, now);
  }
}

function signInDetail(detail: NotificationDetail | null) {
  return { device: detail?.device ?? null, browser: detail?.browser ?? null, country: detail?.country ?? null };
}
