import { randomUUID } from 'node:crypto';
import { SESSION_COOKIE, SessionsService } from '../../src/modules/accounts/sessions-service.js';
import { cancelDeletionOnSignIn } from '../../src/modules/privacy/deletion-service.js';
import { runQueuedJobs } from '../../src/modules/privacy/privacy-jobs.test-helper.js';
import { startFakeLibreTranslate } from '../fakes/fake-libretranslate.js';
import { apiCaller, insertNote, insertTopic, policyEnv, setUserFields, TEST_POLICY } from '../fixtures.js';
import { createTestApp, lastCode, nextIp, sessionCookie, signIn, type TestApp } from '../test-app.js';

// The people of the authorization matrix and the things they own. Every cell
// asks for fresh things (a new note, a new board, a new case), so no cell
// depends on what another did to its rows.

export const ACTORS = ['anonymous', 'owner', 'other', 'blocked', 'stranger', 'moderator', 'admin'] as const;
export type Actor = (typeof ACTORS)[number];

export interface Account {
  id: string;
  handle: string;
  phone: string;
  cookie: string;
}

export interface World {
  t: TestApp;
  close(): Promise<void>;
  /** A public account; the thing a cell acts on belongs to it, except for the stranger. */
  owner: Account;
  /** A private account: the stranger acts on its things. */
  recluse: Account;
  other: Account;
  /** Blocked by the owner (and by the recluse). */
  blocked: Account;
  /** Signed in, follows nobody: what a private account hides from. */
  stranger: Account;
  moderator: Account;
  admin: Account;
  /** A second moderator: acts first, so the matrix's moderator may decide the appeal. */
  actingModerator: Account;
  /** Reports things so that cases exist. */
  reporter: Account;
  call: ReturnType<typeof apiCaller>;
  /** A new account nobody knows, for routes whose path names someone to change. */
  freshAccount(): Promise<Account>;
  /** Another session of the same account (for routes that end a session). */
  freshSession(account: Account): Promise<Account>;
  note(of: Account, fields?: { title?: string; body?: string }): Promise<string>;
  comment(of: Account, onNote: string): Promise<string>;
  board(of: Account): Promise<string>;
  sessionId(of: Account): Promise<string>;
  topic(of: Account): Promise<string>;
  video(of: Account): Promise<string>;
  upload(of: Account): Promise<string>;
  /** An open moderation case about a new note of the account. */
  caseAbout(of: Account): Promise<string>;
  /** A statement of reasons sent to the account (a moderator removed a note). */
  statementFor(of: Account): Promise<string>;
  /** An appeal the account made against a statement. */
  appealBy(of: Account): Promise<string>;
  /** The signed download link of a finished data export (of an account of its own: one export a day). */
  exportLink(): Promise<string>;
  /** Whose finished export `exportLink` is (staff may open it). */
  exporterId(): Promise<string>;
  /** A fresh delete-my-account code texted to the account. */
  deletionCode(of: Account): Promise<string>;
  /** Undoes a confirmed deletion as signing in would, and gives the account a new session (confirming ended them). */
  keepAccount(of: Account): Promise<void>;
}

let phoneCounter = 0;
const nextPhone = () => `+1415556${String(1000 + ++phoneCounter).padStart(4, '0')}`;

async function account(t: TestApp, handle: string): Promise<Account> {
  const phone = nextPhone();
  const { cookie, user } = await signIn(t, phone, { handle, displayName: handle });
  return { id: user.id, handle, phone, cookie };
}

export async function createWorld(): Promise<World> {
  // A translator that speaks LibreTranslate's wire format, so the translation route is really reached.
  const translator = await startFakeLibreTranslate();
  const t = await createTestApp({ env: { ...policyEnv(TEST_POLICY), LIBRETRANSLATE_URL: translator.url } });
  const call = apiCaller(() => t);
  const as = (who: Account) => ({ cookie: who.cookie, id: who.id, handle: who.handle });
  const must = async (response: Promise<{ statusCode: number; body: string }>, status: number) => {
    const done = await response;
    if (done.statusCode !== status) throw new Error(`fixture request answered ${done.statusCode}: ${done.body}`);
    return JSON.parse(done.body || 'null');
  };

  const owner = await account(t, 'am_owner');
  const recluse = await account(t, 'am_recluse');
  const other = await account(t, 'am_other');
  const blocked = await account(t, 'am_blocked');
  const stranger = await account(t, 'am_stranger');
  const moderator = await account(t, 'am_moderator');
  const admin = await account(t, 'am_admin');
  const actingModerator = await account(t, 'am_acting_mod');
  const reporter = await account(t, 'am_reporter');
  await setUserFields(t.database.db, moderator.id, { role: 'moderator' });
  await setUserFields(t.database.db, actingModerator.id, { role: 'moderator' });
  await setUserFields(t.database.db, admin.id, { role: 'admin' });
  for (const blocker of [owner, recluse]) await must(call('PUT', `/api/users/${blocked.handle}/block`, as(blocker)), 200);
  await makePrivate(t, recluse, reporter);

  const sessions = new SessionsService(t.database.db, 30);
  let exportLink: string | undefined;
  let exporter: Account | undefined;
  let freshCounter = 0;
  let topicCounter = 0;
  const world: World = {
    t,
    async close() {
      await t.close();
      await translator.close();
    },
    owner,
    recluse,
    other,
    blocked,
    stranger,
    moderator,
    admin,
    actingModerator,
    reporter,
    call,
    freshAccount: () => account(t, `am_fresh_${++freshCounter}`),
    async freshSession(of) {
      // Straight through the sessions service: signing in again would wait out the code resend delay.
      const { token } = await sessions.create(t.database.db, { userId: of.id, userAgent: 'matrix', ip: null, country: null, now: t.now });
      return { ...of, cookie: `${SESSION_COOKIE}=${token}` };
    },
    note: (of, fields = {}) => insertNote(t.database.db, { authorId: of.id, title: fields.title ?? 'A note', body: fields.body ?? 'Its text' }),
    async comment(of, onNote) {
      // Written as a row: through the API, dozens of comments a minute from one account are held as a burst.
      const row = await t.database.db
        .insertInto('comments')
        .values({ note_id: onNote, author_id: of.id, body: `Comment ${randomUUID()}`, created_at: t.now })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async board(of) {
      return (await must(call('POST', '/api/boards', as(of), { name: `Board ${randomUUID().slice(0, 8)}` }), 201)).id;
    },
    async sessionId(of) {
      const fresh = await world.freshSession(of);
      const sessions = await must(call('GET', '/api/sessions', as(fresh)), 200);
      return sessions.sessions.find((s: { current: boolean }) => s.current).id;
    },
    async topic(of) {
      const name = `amtopic${++topicCounter}`;
      const topicId = await insertTopic(t.database.db, name);
      await insertNote(t.database.db, { authorId: of.id, title: 'A topic note', body: `#${name}`, topicIds: [topicId] });
      return name;
    },
    async video(of) {
      const noteId = await world.note(of);
      const id = randomUUID();
      await t.database.db.updateTable('notes').set({ kind: 'video' }).where('id', '=', noteId).execute();
      await t.database.db
        .insertInto('videos')
        .values({ id, owner_id: of.id, note_id: noteId, status: 'ready', source_name: 'clip.mp4', source_bytes: 1000, created_at: t.now, updated_at: t.now })
        .execute();
      return id;
    },
    async upload(of) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/uploads/videos',
        headers: {
          cookie: of.cookie,
          'tus-resumable': '1.0.0',
          'upload-length': '1000',
          'upload-metadata': `filename ${Buffer.from('clip.mp4').toString('base64')}`,
        },
      });
      if (response.statusCode !== 201) throw new Error(`upload creation answered ${response.statusCode}: ${response.body}`);
      return String(response.headers.location).split('/').pop() as string;
    },
    async caseAbout(of) {
      const noteId = await world.note(of);
      await must(call('POST', '/api/reports', as(reporter), { subject: { type: 'note', id: noteId }, category: 'spam' }), 201);
      const row = await t.database.db
        .selectFrom('moderation_cases')
        .select('id')
        .where('subject_type', '=', 'note')
        .where('subject_id', '=', noteId)
        .executeTakeFirstOrThrow();
      return String(row.id);
    },
    async statementFor(of) {
      const caseId = await world.caseAbout(of);
      await must(
        call('POST', `/api/moderation/cases/${caseId}/actions`, as(actingModerator), {
          action: 'remove',
          rule: 'community-guidelines/spam',
          reason: 'Spam, repeated.',
        }),
        201,
      );
      const statements = await must(call('GET', '/api/me/statements', as(of)), 200);
      return String(statements.items[0].id);
    },
    async exporterId() {
      await world.exportLink();
      return exporter!.id;
    },
    async exportLink() {
      if (exportLink) return exportLink;
      exporter = await account(t, 'am_exporter');
      await must(call('POST', '/api/me/exports', as(exporter)), 202);
      await runQueuedJobs(t, 'build-export');
      exportLink = (await must(call('GET', '/api/me/exports', as(exporter)), 200)).export.downloadUrl as string;
      return exportLink;
    },
    async deletionCode(of) {
      t.advance(61);
      await must(call('POST', '/api/me/deletion/code', as(of)), 202);
      return lastCode(t.sms, of.phone);
    },
    async keepAccount(of) {
      await t.database.db.transaction().execute(async (trx) => {
        const user = await trx.selectFrom('users').selectAll().where('id', '=', of.id).executeTakeFirstOrThrow();
        await cancelDeletionOnSignIn(trx, user);
      });
      of.cookie = (await world.freshSession(of)).cookie;
    },
    async appealBy(of) {
      const statementId = await world.statementFor(of);
      return String((await must(call('POST', `/api/me/statements/${statementId}/appeal`, as(of), { text: 'It was not spam.' }), 201)).id);
    },
  };
  return world;
}

/**
 * The recluse switches on "private account" the way a person does, in the
 * privacy controls, and approves the reporter (who must see its notes to report them).
 */
async function makePrivate(t: TestApp, recluse: Account, reporter: Account): Promise<void> {
  const steps = [
    { method: 'PATCH' as const, url: '/api/me/privacy-controls', payload: { private: true }, who: recluse },
    { method: 'PUT' as const, url: `/api/users/${recluse.handle}/follow`, payload: {}, who: reporter },
    { method: 'POST' as const, url: `/api/me/follow-requests/${reporter.handle}/approve`, who: recluse },
  ];
  for (const { who, ...step } of steps) {
    const response = await t.app.inject({ ...step, headers: { cookie: who.cookie } });
    if (response.statusCode !== 200) throw new Error(`${step.method} ${step.url} answered ${response.statusCode}: ${response.body}`);
  }
}

/** A code for a new number, requested and read back the way a person would. */
export async function freshCode(t: TestApp): Promise<{ phone: string; code: string; ip: string }> {
  const ip = nextIp();
  const phone = nextPhone();
  const sent = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, remoteAddress: ip });
  if (sent.statusCode !== 202) throw new Error(`code request failed: ${sent.body}`);
  return { phone: sent.json().phone, code: lastCode(t.sms, sent.json().phone), ip };
}

export { nextIp, nextPhone, sessionCookie };
