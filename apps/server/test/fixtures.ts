import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../src/db/database.js';
import { ViewerContexts, type ViewerContext } from '../src/kernel/viewer-context.js';
import { signIn, type TestApp } from './test-app.js';

// Rows tests need before the API that makes them exists (or when going through
// it would test something else). Values are plain; nothing here is validated.

export interface NoteFixture {
  authorId: string;
  title?: string;
  body?: string;
  createdAt?: Date;
  /** Topic ids to tag the note with (rows in note_topics). */
  topicIds?: string[];
}

/** Inserts a live image note and returns its id. */
export async function insertNote(db: Db, input: NoteFixture): Promise<string> {
  const createdAt = input.createdAt ?? new Date('2026-11-24T12:00:00Z');
  const row = await db
    .insertInto('notes')
    .values({ author_id: input.authorId, title: input.title ?? 'A note', body: input.body ?? '', created_at: createdAt, updated_at: createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.topicIds?.length) {
    await db
      .insertInto('note_topics')
      .values(input.topicIds.map((topicId) => ({ topic_id: topicId, note_id: row.id, created_at: createdAt })))
      .execute();
  }
  return row.id;
}

/** Inserts a topic by name and returns its id. */
export async function insertTopic(db: Db, name: string, createdAt = new Date('2026-11-24T12:00:00Z')): Promise<string> {
  const row = await db.insertInto('topics').values({ name, name_key: name.toLowerCase(), created_at: createdAt }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

let phoneCounter = 0;

/**
 * A signed-in, onboarded user with a fresh phone number, through the real
 * sign-in flow. Returns the session cookie, id and handle.
 */
export async function signUp(t: TestApp, handle: string): Promise<TestUser> {
  phoneCounter += 1;
  const phone = `+1415555${String(3000 + phoneCounter).padStart(4, '0')}`;
  const { cookie, user } = await signIn(t, phone, { handle, displayName: handle.replace(/_/g, ' ') });
  return { cookie, id: user.id, handle };
}

export interface TestUser {
  cookie: string;
  id: string;
  handle: string;
}

export type ApiMethod = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/**
 * `call(method, url, who?, payload?)`: a request through the real app as a
 * signed-in user (or anonymously). Takes a getter because test files build
 * their app in beforeAll.
 */
export function apiCaller(app: () => TestApp) {
  return (method: ApiMethod, url: string, who?: TestUser, payload?: object) =>
    app().app.inject({ method, url, headers: who ? { cookie: who.cookie } : {}, ...(payload ? { payload } : {}) });
}

/** The viewer context a request from this user would carry (for tests that call services directly). */
export async function contextOf(t: TestApp, userId: string): Promise<ViewerContext> {
  const context = await new ViewerContexts(t.database.db, t.config.moderation.policy).forUserId(userId, t.now);
  if (!context) throw new Error(`no user ${userId}`);
  return context;
}

/** Gives a user a role (moderator, admin) or region directly, as an operator's CLI would. */
export async function setUserFields(db: Db, userId: string, fields: { role?: 'user' | 'moderator' | 'admin'; region?: string; birth_date?: string | null }) {
  await db.updateTable('users').set(fields).where('id', '=', userId).execute();
}

/** Writes a moderation policy to a temp file and returns the env that points the app at it. */
export function policyEnv(policy: object): Record<string, string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-policy-')), 'policy.json');
  fs.writeFileSync(file, JSON.stringify(policy));
  return { MODERATION_POLICY_FILE: file };
}

/** Rulebooks most moderation tests use: cn hides gambling; everywhere else shows it. */
export const TEST_POLICY = {
  rulebooks: {
    cn: { countries: ['CN'], hide: ['gambling'], warn: ['graphic-violence'], adult: ['nudity'] },
    de: { countries: ['DE', 'AT'], hide: ['hate'], warn: ['graphic-violence'], adult: ['nudity', 'sexual'] },
    default: { hide: ['spam'], warn: ['graphic-violence'], adult: ['nudity', 'sexual'] },
  },
};
