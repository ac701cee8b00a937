import type { Db } from '../../db/database.js';
import type { ImageVariant } from '../../db/tables/images.js';
import type { VideoRendition } from '../../db/tables/videos.js';
import type { UserRow } from '../../db/tables/users.js';
import { effectiveReadLanguages } from '../language/viewer-languages.js';

// What "download my data" reads: everything stored about the person, as they
// may see it. Other people appear by handle only (the person saw them in the
// app); moderators' private reasons and reporters' identities stay out.

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

export interface ExportMedia {
  /** Path inside the zip, e.g. media/notes/12/1.webp. */
  path: string;
  /** Media storage key to read it from. */
  key: string;
}

export interface ExportedNote {
  id: string;
  kind: string;
  title: string;
  body: string;
  place: string | null;
  language: string | null;
  topics: string[];
  labels: string[];
  moderationState: string;
  createdAt: string | null;
  updatedAt: string | null;
  deletedAt: string | null;
  media: Array<{ type: 'image' | 'video'; file: string; alt?: string; width: number | null; height: number | null }>;
}

export interface ExportData {
  /** file name in the zip (without .json) → content. */
  sections: Record<string, unknown>;
  notes: ExportedNote[];
  media: ExportMedia[];
  profile: { handle: string | null; displayName: string | null };
}

/** The largest stored image: originals are not kept (EXIF and location stripped on upload), this is the best copy. */
function largestVariant(variants: ImageVariant[]): ImageVariant | undefined {
  return [...variants].sort((a, b) => b.width - a.width)[0];
}

function largestRendition(renditions: VideoRendition[]): VideoRendition | undefined {
  return [...renditions].sort((a, b) => b.label - a.label)[0];
}

const extension = (key: string) => key.slice(key.lastIndexOf('.')) || '';

async function handlesOf(db: Db, ids: string[]): Promise<Map<string, string | null>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'handle']).where('id', 'in', unique).execute();
  return new Map(rows.map((row) => [row.id, row.handle]));
}

/** `phone` is the number decrypted for its owner (null: no number, or its key is gone). */
function profileOf(user: UserRow, phone: string | null) {
  return {
    id: user.id,
    phone,
    handle: user.handle,
    displayName: user.display_name,
    bio: user.bio,
    bioLanguage: user.bio_language,
    region: user.region,
    regionChangedAt: iso(user.region_changed_at),
    birthDate: user.birth_date,
    role: user.role,
    status: user.status,
    labels: user.labels,
    createdAt: iso(user.created_at),
    updatedAt: iso(user.updated_at),
  };
}

function settingsOf(user: UserRow) {
  return {
    language: user.language,
    likesPrivate: user.likes_private,
    collectsPrivate: user.collects_private,
    feedPersonalised: user.feed_personalised,
    privateAccount: user.is_private,
    whoMayComment: user.comment_permission,
    whoMayMention: user.mention_permission,
    hiddenFromSearchEngines: user.noindex,
    findableByPhone: user.discoverable_by_phone,
  };
}

function translationSettingsOf(user: UserRow) {
  return {
    readLanguages: effectiveReadLanguages(user),
    readLanguagesStored: user.read_languages,
    autoTranslate: user.auto_translate,
    feedLanguagesOnly: user.feed_languages_only,
  };
}

async function notesOf(db: Db, userId: string): Promise<{ notes: ExportedNote[]; media: ExportMedia[] }> {
  const rows = await db.selectFrom('notes').selectAll().where('author_id', '=', userId).orderBy('created_at').orderBy('id').execute();
  const ids = rows.map((row) => row.id);
  const [images, videos, topics] = ids.length
    ? await Promise.all([
        db.selectFrom('images').selectAll().where('note_id', 'in', ids).orderBy('position').execute(),
        db.selectFrom('videos').selectAll().where('note_id', 'in', ids).execute(),
        db
          .selectFrom('note_topics')
          .innerJoin('topics', 'topics.id', 'note_topics.topic_id')
          .select(['note_topics.note_id', 'topics.name'])
          .where('note_id', 'in', ids)
          .execute(),
      ])
    : [[], [], []];
  const media: ExportMedia[] = [];
  const byNote = new Map<string, ExportedNote['media']>();
  const push = (noteId: string, item: ExportedNote['media'][number], key: string) => {
    media.push({ path: item.file, key });
    byNote.set(noteId, [...(byNote.get(noteId) ?? []), item]);
  };
  for (const image of images) {
    const best = largestVariant(image.variants);
    if (!best || !image.note_id) continue;
    const file = `media/notes/${image.note_id}/image-${image.position ?? 0}-${image.id}${extension(best.key)}`;
    push(image.note_id, { type: 'image', file, alt: image.alt, width: best.width, height: best.height }, best.key);
  }
  for (const video of videos) {
    const best = largestRendition(video.renditions);
    if (!best || !video.note_id) continue;
    const file = `media/notes/${video.note_id}/video-${best.label}${extension(best.key)}`;
    push(video.note_id, { type: 'video', file, width: best.width, height: best.height }, best.key);
  }
  const topicsByNote = new Map<string, string[]>();
  for (const row of topics) topicsByNote.set(row.note_id, [...(topicsByNote.get(row.note_id) ?? []), row.name]);
  const notes = rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    place: row.place,
    language: row.language,
    topics: topicsByNote.get(row.id) ?? [],
    labels: row.labels,
    moderationState: row.mod_state,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    deletedAt: iso(row.deleted_at),
    media: byNote.get(row.id) ?? [],
  }));
  return { notes, media };
}

/** Everything for one person's export, read in a handful of queries. */
export async function loadExportData(db: Db, userId: string, ownPhone: (user: UserRow) => Promise<string | null>): Promise<ExportData> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
  const { notes, media } = await notesOf(db, userId);
  const [comments, likes, commentLikes, boards, collects, following, followers, blocks, mutes, sessions, notifications, reports, actions, statements, appeals] =
    await Promise.all([
      db.selectFrom('comments').selectAll().where('author_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('likes').selectAll().where('user_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('comment_likes').selectAll().where('user_id', '=', userId).execute(),
      db.selectFrom('boards').selectAll().where('owner_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('collects').selectAll().where('user_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('follows').selectAll().where('follower_id', '=', userId).execute(),
      db.selectFrom('follows').selectAll().where('followee_id', '=', userId).execute(),
      db.selectFrom('blocks').selectAll().where('blocker_id', '=', userId).execute(),
      db.selectFrom('mutes').selectAll().where('muter_id', '=', userId).execute(),
      // Token hashes stay out: they are the server's secret, and useless to the person.
      db
        .selectFrom('sessions')
        .select(['id', 'user_agent', 'device', 'browser', 'country', 'ip', 'created_at', 'last_seen_at', 'expires_at'])
        .where('user_id', '=', userId)
        .execute(),
      db.selectFrom('notifications').selectAll().where('recipient_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('reports').selectAll().where('reporter_id', '=', userId).orderBy('created_at').execute(),
      // Actions on the person's own items and account; who acted and their private reason are staff-only.
      db
        .selectFrom('moderation_actions')
        .select(['id', 'action', 'subject_type', 'subject_id', 'label', 'rulebooks', 'rule', 'duration_hours', 'automated', 'created_at'])
        .where('owner_id', '=', userId)
        .orderBy('created_at')
        .execute(),
      db.selectFrom('statements').selectAll().where('user_id', '=', userId).orderBy('created_at').execute(),
      db.selectFrom('appeals').select(['id', 'statement_id', 'text', 'status', 'created_at', 'decided_at', 'reason']).where('user_id', '=', userId).execute(),
    ]);
  const [requestsMade, requestsReceived, staffAccess] = await Promise.all([
    db.selectFrom('follow_requests').selectAll().where('requester_id', '=', userId).execute(),
    db.selectFrom('follow_requests').selectAll().where('target_id', '=', userId).execute(),
    // What staff opened of the person's data and why (who on staff stays out, as in the privacy centre).
    db.selectFrom('staff_access_log').select(['kind', 'reason', 'created_at']).where('subject_id', '=', userId).orderBy('created_at').execute(),
  ]);
  const [interests, served, notInterested] = await Promise.all([
    db
      .selectFrom('rec_user_topics')
      .innerJoin('topics', 'topics.id', 'rec_user_topics.topic_id')
      .select(['topics.name', 'rec_user_topics.weight'])
      .where('user_id', '=', userId)
      .orderBy('weight', 'desc')
      .execute(),
    db.selectFrom('rec_served').select(['note_id', 'source', 'served_at']).where('user_id', '=', userId).orderBy('served_at', 'desc').limit(1000).execute(),
    db.selectFrom('not_interested').select(['note_id', 'created_at']).where('user_id', '=', userId).execute(),
  ]);
  const handles = await handlesOf(db, [
    ...following.map((row) => row.followee_id),
    ...followers.map((row) => row.follower_id),
    ...blocks.map((row) => row.blocked_id),
    ...mutes.map((row) => row.muted_id),
    ...requestsMade.map((row) => row.target_id),
    ...requestsReceived.map((row) => row.requester_id),
    ...notifications.map((row) => row.actor_id),
  ]);
  const person = (id: string) => ({ id, handle: handles.get(id) ?? null });
  const boardNames = new Map(boards.map((board) => [board.id, board.name]));

  const sections: Record<string, unknown> = {
    profile: profileOf(user, await ownPhone(user)),
    settings: settingsOf(user),
    'translation-settings': translationSettingsOf(user),
    notes,
    comments: comments.map((row) => ({
      id: row.id,
      noteId: row.note_id,
      parentId: row.parent_id,
      body: row.body,
      language: row.language,
      moderationState: row.mod_state,
      createdAt: iso(row.created_at),
      deletedAt: iso(row.deleted_at),
    })),
    likes: {
      notes: likes.map((row) => ({ noteId: row.note_id, createdAt: iso(row.created_at) })),
      comments: commentLikes.map((row) => ({ commentId: row.comment_id, createdAt: iso(row.created_at) })),
    },
    collects: {
      boards: boards.map((row) => ({ id: row.id, name: row.name, private: row.is_private, createdAt: iso(row.created_at) })),
      notes: collects.map((row) => ({
        noteId: row.note_id,
        board: row.board_id ? (boardNames.get(row.board_id) ?? null) : null,
        createdAt: iso(row.created_at),
      })),
    },
    follows: {
      following: following.map((row) => ({ ...person(row.followee_id), since: iso(row.created_at) })),
      followers: followers.map((row) => ({ ...person(row.follower_id), since: iso(row.created_at) })),
      requestsIMade: requestsMade.map((row) => ({ ...person(row.target_id), since: iso(row.created_at) })),
      requestsToMe: requestsReceived.map((row) => ({ ...person(row.requester_id), since: iso(row.created_at) })),
    },
    'staff-access': staffAccess.map((row) => ({ kind: row.kind, reason: row.reason, at: iso(row.created_at) })),
    'blocks-and-mutes': {
      blocked: blocks.map((row) => ({ ...person(row.blocked_id), since: iso(row.created_at) })),
      muted: mutes.map((row) => ({ ...person(row.muted_id), since: iso(row.created_at) })),
    },
    sessions: sessions.map((row) => ({
      id: row.id,
      userAgent: row.user_agent,
      device: row.device,
      browser: row.browser,
      country: row.country,
      ip: row.ip,
      createdAt: iso(row.created_at),
      lastSeenAt: iso(row.last_seen_at),
      expiresAt: iso(row.expires_at),
    })),
    notifications: notifications.map((row) => ({
      id: row.id,
      kind: row.kind,
      actor: person(row.actor_id),
      noteId: row.note_id,
      commentId: row.comment_id,
      createdAt: iso(row.created_at),
      readAt: iso(row.read_at),
    })),
    'reports-i-made': reports.map((row) => ({
      id: row.id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      category: row.category,
      details: row.details,
      status: row.status,
      createdAt: iso(row.created_at),
      resolvedAt: iso(row.resolved_at),
    })),
    'moderation-about-me': {
      actions: actions.map((row) => ({
        id: row.id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        label: row.label,
        rulebooks: row.rulebooks,
        rule: row.rule,
        durationHours: row.duration_hours,
        automated: row.automated,
        createdAt: iso(row.created_at),
      })),
      statements: statements.map((row) => ({
        id: row.id,
        actionId: row.action_id,
        facts: row.facts,
        automatedDetection: row.automated_detection,
        territorialScope: row.territorial_scope,
        appealDeadline: iso(row.appeal_deadline),
        reversedAt: iso(row.reversed_at),
        createdAt: iso(row.created_at),
      })),
      appeals: appeals.map((row) => ({ ...row, created_at: iso(row.created_at), decided_at: iso(row.decided_at) })),
    },
    recommender: {
      personalised: user.feed_personalised,
      inferredInterests: interests.map((row) => ({ topic: row.name, weight: row.weight })),
      // The source of each served note is the reason the app showed with it ("because you liked #topic", "popular").
      recentlyShown: served.map((row) => ({ noteId: row.note_id, reason: row.source, shownAt: iso(row.served_at) })),
      notInterested: notInterested.map((row) => ({ noteId: row.note_id, at: iso(row.created_at) })),
    },
  };
  return { sections, notes, media, profile: { handle: user.handle, displayName: user.display_name } };
}
