import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NotificationDetail, NotificationKind } from '../../db/tables/notifications.js';
import { isBlockedBetween } from '../social/hidden-authors.js';

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  actorId: string;
  noteId?: string | null;
  commentId?: string | null;
  now: Date;
}

/**
 * Records that `actorId` did something to `recipientId`. Nobody is told about
 * their own actions, and people with a block between them never hear of each
 * other. Call inside the transaction of the write it reports. Returns whether a
 * row was written.
 */
export async function insertNotification(db: Db, input: NewNotification): Promise<boolean> {
  if (input.recipientId === input.actorId) return false;
  if (await isBlockedBetween(db, input.recipientId, input.actorId)) return false;
  await db
    .insertInto('notifications')
    .values({
      recipient_id: input.recipientId,
      kind: input.kind,
      actor_id: input.actorId,
      note_id: input.noteId ?? null,
      comment_id: input.commentId ?? null,
      created_at: input.now,
    })
    .execute();
  return true;
}

/**
 * Tells an account it was signed in to from a device, browser or country it had not
 * used before. The account is its own actor (nobody else did it), so the self-rule
 * of insertNotification does not apply.
 */
export async function insertSignInNotification(db: Db, input: { userId: string; detail: NotificationDetail; now: Date }): Promise<void> {
  await db
    .insertInto('notifications')
    .values({ recipient_id: input.userId, kind: 'new_sign_in', actor_id: input.userId, detail: input.detail, created_at: input.now })
    .execute();
}

/**
 * Undoing an action (unlike, uncollect, unfollow) withdraws its notification
 * while it is still unread, so a like-unlike-like loop does not spam anyone.
 */
export async function removeUnreadNotification(
  db: Db,
  input: { kind: NotificationKind; actorId: string; noteId?: string; commentId?: string; recipientId?: string },
): Promise<void> {
  let query = db.deleteFrom('notifications').where('kind', '=', input.kind).where('actor_id', '=', input.actorId).where('read_at', 'is', null);
  if (input.noteId) query = query.where('note_id', '=', input.noteId);
  if (input.commentId) query = query.where('comment_id', '=', input.commentId);
  if (input.recipientId) query = query.where('recipient_id', '=', input.recipientId);
  await query.execute();
}

export interface NotificationGroupRow {
  id: string;
  kind: NotificationKind;
  latest_at: Date;
  actor_count: number;
  read: boolean;
  note_id: string | null;
  comment_id: string | null;
  /** Actors, most recent first, with repeats. */
  actor_ids: string[];
  detail: NotificationDetail | null;
}

/** How far back the notification list looks; older events are not shown. */
export const NOTIFICATION_WINDOW_DAYS = 30;
/** At most this many recent rows are grouped; a bound on the work per request. */
export const NOTIFICATION_WINDOW_ROWS = 500;

// The rows a recipient may see: recent, about live notes and comments, from
// actors they have not blocked, muted, or been blocked by.
function visibleRecent(recipientId: string, now: Date) {
  const since = new Date(now.getTime() - NOTIFICATION_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  return sql`
    select n.* from notifications n
    left join notes nt on nt.id = n.note_id
    left join comments c on c.id = n.comment_id
    where n.recipient_id = ${recipientId}
      and n.created_at >= ${since}
      and (n.note_id is null or nt.deleted_at is null)
      and (n.comment_id is null or c.deleted_at is null)
      and n.actor_id not in (
        select blocked_id from blocks where blocker_id = ${recipientId}
        union all select blocker_id from blocks where blocked_id = ${recipientId}
        union all select muted_id from mutes where muter_id = ${recipientId})
    order by n.created_at desc, n.id desc
    limit ${NOTIFICATION_WINDOW_ROWS}`;
}

/**
 * Groups RedNote-style: likes on one note, collects on one note, likes on one
 * comment, and all follows are one entry each; comments, replies and mentions
 * stand alone. A group's id is its newest row's id, its time the newest row's.
 */
export async function notificationGroupsPage(
  db: Db,
  input: { recipientId: string; now: Date; before?: { latestAt: Date; id: string }; limit: number },
): Promise<NotificationGroupRow[]> {
  const after = input.before ? sql`where (latest_at, id) < (${input.before.latestAt}::timestamptz, ${input.before.id}::bigint)` : sql``;
  const result = await sql<NotificationGroupRow>`
    with recent as (${visibleRecent(input.recipientId, input.now)}),
    keyed as (
      select *, case
        when kind in ('like', 'collect') then kind || ':' || note_id
        when kind = 'comment_like' then kind || ':' || comment_id
        when kind = 'follow' then 'follow'
        else 'one:' || id end as group_key
      from recent
    ),
    groups as (
      select max(id) as id, min(kind) as kind, max(created_at) as latest_at,
        count(distinct actor_id)::int as actor_count, bool_and(read_at is not null) as read,
        max(note_id) as note_id, max(comment_id) as comment_id,
        array_agg(actor_id::text order by created_at desc, id desc) as actor_ids,
        (array_agg(detail order by id desc))[1] as detail
      from keyed group by group_key
    )
    select id::text as id, kind, latest_at, actor_count, read, note_id::text as note_id, comment_id::text as comment_id, actor_ids, detail
    from groups ${after}
    order by latest_at desc, id desc
    limit ${input.limit + 1}`.execute(db);
  return result.rows;
}

/** Unread badge: the number of unread notification rows (not groups) the list would show. */
export async function countUnread(db: Db, recipientId: string, now: Date): Promise<number> {
  const result = await sql<{ count: number }>`
    select count(*)::int as count from (${visibleRecent(recipientId, now)}) recent where read_at is null`.execute(db);
  return result.rows[0]?.count ?? 0;
}

export async function markAllRead(db: Db, recipientId: string, now: Date): Promise<void> {
  await db.updateTable('notifications').set({ read_at: now }).where('recipient_id', '=', recipientId).where('read_at', 'is', null).execute();
}
