import type { Db } from '../../db/database.js';
import type { LabelSubject } from '../../db/tables/labels.js';
import type { AccountStatus, ModerationState } from '../../kernel/visibility.js';
import { notFound } from '../../lib/errors.js';
import type { Subject } from './labels-queries.js';

// What moderation needs to know about a note, comment or account, and the
// state changes actions make on them. Deleted items are gone for moderation too.

export interface SubjectFacts {
  subject: Subject;
  ownerId: string;
  /** The note concerned: the note itself, a comment's note; null for an account. */
  noteId: string | null;
  title: string;
  text: string;
  language: string | null;
  state: ModerationState;
  limited: boolean;
  labels: string[];
  ownerStatus: AccountStatus;
  createdAt: Date;
}

export const subjectNotFound = (type: LabelSubject) =>
  type === 'note'
    ? notFound('note_not_found', 'This note does not exist or was deleted.')
    : type === 'comment'
      ? notFound('comment_not_found', 'This comment does not exist or was deleted.')
      : notFound('user_not_found', 'No one has this handle.');

export async function subjectFacts(db: Db, subject: Subject): Promise<SubjectFacts | null> {
  if (subject.type === 'note') {
    const row = await db
      .selectFrom('notes')
      .innerJoin('users', 'users.id', 'notes.author_id')
      .select([
        'notes.id',
        'notes.author_id',
        'notes.title',
        'notes.body',
        'notes.language',
        'notes.mod_state',
        'notes.reach_limited',
        'notes.labels',
        'notes.created_at',
      ])
      .select('users.status')
      .where('notes.id', '=', subject.id)
      .where('notes.deleted_at', 'is', null)
      .executeTakeFirst();
    return row
      ? {
          subject,
          ownerId: row.author_id,
          noteId: row.id,
          title: row.title,
          text: row.body,
          language: row.language,
          state: row.mod_state,
          limited: row.reach_limited,
          labels: row.labels,
          ownerStatus: row.status,
          createdAt: row.created_at,
        }
      : null;
  }
  if (subject.type === 'comment') {
    const row = await db
      .selectFrom('comments')
      .innerJoin('users', 'users.id', 'comments.author_id')
      .select([
        'comments.id',
        'comments.author_id',
        'comments.note_id',
        'comments.body',
        'comments.language',
        'comments.mod_state',
        'comments.labels',
        'comments.created_at',
      ])
      .select('users.status')
      .where('comments.id', '=', subject.id)
      .where('comments.deleted_at', 'is', null)
      .executeTakeFirst();
    return row
      ? {
          subject,
          ownerId: row.author_id,
          noteId: row.note_id,
          title: '',
          text: row.body,
          language: row.language,
          state: row.mod_state,
          limited: false,
          labels: row.labels,
          ownerStatus: row.status,
          createdAt: row.created_at,
        }
      : null;
  }
  const user = await db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'bio', 'bio_language', 'labels', 'status', 'created_at'])
    .where('id', '=', subject.id)
    .executeTakeFirst();
  return user && user.handle !== null
    ? {
        subject,
        ownerId: user.id,
        noteId: null,
        title: user.display_name ?? user.handle,
        text: user.bio,
        language: user.bio_language,
        state: 'live',
        limited: false,
        labels: user.labels,
        ownerStatus: user.status,
        createdAt: user.created_at,
      }
    : null;
}

/** held / removed / live for a note or comment (accounts have a status instead). */
export async function setModerationState(db: Db, subject: Subject, state: ModerationState): Promise<void> {
  if (subject.type === 'note') await db.updateTable('notes').set({ mod_state: state }).where('id', '=', subject.id).execute();
  else if (subject.type === 'comment') await db.updateTable('comments').set({ mod_state: state }).where('id', '=', subject.id).execute();
}

export async function setReachLimited(db: Db, noteId: string, limited: boolean): Promise<void> {
  await db.updateTable('notes').set({ reach_limited: limited }).where('id', '=', noteId).execute();
}

export async function setAccountStatus(db: Db, userId: string, status: AccountStatus, until: Date | null): Promise<void> {
  await db.updateTable('users').set({ status, suspended_until: until }).where('id', '=', userId).execute();
}

export interface SubjectPreview {
  ownerId: string;
  title: string;
  text: string;
  language: string | null;
}

/** Previews of many subjects in one query per kind (a queue page), keyed `type:id`. */
export async function subjectPreviews(db: Db, subjects: readonly Subject[]): Promise<Map<string, SubjectPreview>> {
  const ids = (type: LabelSubject) => [...new Set(subjects.filter((subject) => subject.type === type).map((subject) => subject.id))];
  const [notes, comments, users] = await Promise.all([
    ids('note').length ? db.selectFrom('notes').select(['id', 'author_id', 'title', 'body', 'language']).where('id', 'in', ids('note')).execute() : [],
    ids('comment').length ? db.selectFrom('comments').select(['id', 'author_id', 'body', 'language']).where('id', 'in', ids('comment')).execute() : [],
    ids('user').length ? db.selectFrom('users').select(['id', 'handle', 'display_name', 'bio', 'bio_language']).where('id', 'in', ids('user')).execute() : [],
  ]);
  const previews = new Map<string, SubjectPreview>();
  for (const row of notes) previews.set(`note:${row.id}`, { ownerId: String(row.author_id), title: row.title, text: row.body, language: row.language });
  for (const row of comments) previews.set(`comment:${row.id}`, { ownerId: String(row.author_id), title: '', text: row.body, language: row.language });
  for (const row of users) {
    previews.set(`user:${row.id}`, { ownerId: String(row.id), title: row.display_name ?? row.handle ?? '', text: row.bio, language: row.bio_language });
  }
  return previews;
}
