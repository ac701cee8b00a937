import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertNote, signUp, type TestUser, apiCaller } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// The social rules the route-by-route matrix (docs/authorization-matrix.md)
// cannot express with one request per route: deleting comments on one's own
// note, replying to someone who blocked you, private likes tabs. Actors (the
// note's author, another user, a user the author blocked, an anonymous
// visitor) × actions, each on fresh rows.

let t: TestApp;
let author: TestUser;
let other: TestUser;
let blocked: TestUser;
let third: TestUser;
let fourth: TestUser;
let noteId: string;

type Actor = 'author' | 'other' | 'blocked' | 'anonymous';
const ACTORS: Actor[] = ['author', 'other', 'blocked', 'anonymous'];
const user = (actor: Actor): TestUser | undefined => ({ author, other, blocked, anonymous: undefined })[actor];

const call = apiCaller(() => t);

async function commentAs(who: TestUser, onNote: string, body = 'a comment'): Promise<string> {
  const response = await call('POST', `/api/notes/${onNote}/comments`, who, { body });
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id as string;
}

// Comments the blocked user must own are written before the block, as in life.
const ownComments = new Map<Actor, string>();
const notesOf = new Map<Actor, { noteId: string; commentByThird: string }>();
let thirdsNote: { noteId: string; commentByFourth: string };

beforeAll(async () => {
  t = await createTestApp();
  author = await signUp(t, 'author');
  other = await signUp(t, 'other');
  blocked = await signUp(t, 'blocked');
  third = await signUp(t, 'third');
  fourth = await signUp(t, 'fourth');
  noteId = await insertNote(t.database.db, { authorId: author.id });
  for (const actor of ['author', 'other', 'blocked'] as const) {
    ownComments.set(actor, await commentAs(user(actor)!, noteId, `${actor}'s own`));
    const own = await insertNote(t.database.db, { authorId: user(actor)!.id });
    notesOf.set(actor, { noteId: own, commentByThird: await commentAs(third, own) });
  }
  const thirds = await insertNote(t.database.db, { authorId: third.id });
  thirdsNote = { noteId: thirds, commentByFourth: await commentAs(fourth, thirds) };
  await call('PUT', '/api/users/blocked/block', author);
  await call('PATCH', '/api/me', author, { likesPrivate: true });
});
afterAll(() => t.close());

const ACTIONS: Record<string, { run: (actor: Actor) => Promise<{ statusCode: number }>; expect: Record<Actor, number> }> = {
  'like the note': {
    run: (actor) => call('PUT', `/api/notes/${noteId}/like`, user(actor)),
    expect: { author: 200, other: 200, blocked: 404, anonymous: 401 },
  },
  'collect the note': {
    run: (actor) => call('PUT', `/api/notes/${noteId}/collect`, user(actor)),
    expect: { author: 200, other: 200, blocked: 404, anonymous: 401 },
  },
  'comment on the note': {
    run: (actor) => call('POST', `/api/notes/${noteId}/comments`, user(actor), { body: 'hello' }),
    expect: { author: 201, other: 201, blocked: 404, anonymous: 401 },
  },
  "reply to the other user's comment": {
    run: (actor) => call('POST', `/api/notes/${noteId}/comments`, user(actor), { body: 're', parentId: ownComments.get('other') }),
    expect: { author: 201, other: 201, blocked: 404, anonymous: 401 },
  },
  'delete own comment': {
    run: (actor) => call('DELETE', `/api/comments/${ownComments.get(actor === 'anonymous' ? 'other' : actor)}`, user(actor)),
    expect: { author: 204, other: 204, blocked: 204, anonymous: 401 },
  },
  "delete someone else's comment on own note": {
    run: (actor) => call('DELETE', `/api/comments/${notesOf.get(actor === 'anonymous' ? 'other' : actor)!.commentByThird}`, user(actor)),
    expect: { author: 204, other: 204, blocked: 204, anonymous: 401 },
  },
  "delete someone else's comment on someone else's note": {
    run: (actor) => call('DELETE', `/api/comments/${thirdsNote.commentByFourth}`, user(actor)),
    expect: { author: 403, other: 403, blocked: 403, anonymous: 401 },
  },
  'follow the author': {
    run: (actor) => call('PUT', '/api/users/author/follow', user(actor)),
    expect: { author: 400, other: 200, blocked: 403, anonymous: 401 },
  },
  'report the note': {
    run: (actor) => call('POST', '/api/reports', user(actor), { subject: { type: 'note', id: noteId }, category: 'spam' }),
    expect: { author: 400, other: 201, blocked: 404, anonymous: 401 },
  },
  'report the author': {
    run: (actor) => call('POST', '/api/reports', user(actor), { subject: { type: 'user', id: author.id }, category: 'harassment' }),
    // Someone who blocked you does not exist for you, here as on their profile.
    expect: { author: 400, other: 201, blocked: 404, anonymous: 401 },
  },
  'read my reports and statements': {
    run: async (actor) => {
      const reports = await call('GET', '/api/me/reports', user(actor));
      const statements = await call('GET', '/api/me/statements', user(actor));
      return { statusCode: reports.statusCode === statements.statusCode ? reports.statusCode : 0 };
    },
    expect: { author: 200, other: 200, blocked: 200, anonymous: 401 },
  },
  "read someone else's statement": {
    run: (actor) => call('GET', '/api/me/statements/1', user(actor)),
    expect: { author: 404, other: 404, blocked: 404, anonymous: 401 },
  },
  'open the moderation queue (not a moderator)': {
    run: (actor) => call('GET', '/api/moderation/queue', user(actor)),
    expect: { author: 403, other: 403, blocked: 403, anonymous: 401 },
  },
  'act on a case (not a moderator)': {
    run: (actor) => call('POST', '/api/moderation/cases/1/actions', user(actor), { action: 'dismiss', rule: 'law/local', reason: 'x' }),
    expect: { author: 403, other: 403, blocked: 403, anonymous: 401 },
  },
  'decide an appeal (not a moderator)': {
    run: (actor) => call('POST', '/api/moderation/appeals/1/decision', user(actor), { outcome: 'upheld', reason: 'x' }),
    expect: { author: 403, other: 403, blocked: 403, anonymous: 401 },
  },
  'grant a moderator (not an admin)': {
    run: (actor) => call('PUT', '/api/admin/moderators/third', user(actor), { rulebooks: null, languages: null }),
    expect: { author: 403, other: 403, blocked: 403, anonymous: 401 },
  },
  'read the audit log (not an admin)': {
    run: (actor) => call('GET', '/api/moderation/audit', user(actor)),
    expect: { author: 403, other: 403, blocked: 403, anonymous: 401 },
  },
  'read the transparency report': {
    run: (actor) => call('GET', '/api/transparency', user(actor)),
    expect: { author: 200, other: 200, blocked: 200, anonymous: 200 },
  },
  "view the author's private likes tab": {
    run: (actor) => call('GET', '/api/users/author/likes', user(actor)),
    expect: { author: 200, other: 403, blocked: 404, anonymous: 403 },
  },
};

describe('social permissions', () => {
  it('answers every actor × action with the expected status', async () => {
    const actual: Record<string, Record<Actor, number>> = {};
    const expected: Record<string, Record<Actor, number>> = {};
    for (const [name, action] of Object.entries(ACTIONS)) {
      actual[name] = {} as Record<Actor, number>;
      expected[name] = action.expect;
      for (const actor of ACTORS) actual[name][actor] = (await action.run(actor)).statusCode;
    }
    expect(actual).toEqual(expected);
  });

  it('answers a reply to someone who blocked you with 403 blocked', async () => {
    const target = await commentAs(third, noteId, 'third speaks');
    await call('PUT', '/api/users/other/block', third);
    const response = await call('POST', `/api/notes/${noteId}/comments`, other, { body: 're', parentId: target });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('blocked');
    await call('DELETE', '/api/users/other/block', third);
  });

  it('hides a blocked person’s note and their profile from each other', async () => {
    for (const [who, url] of [
      [blocked, `/api/notes/${noteId}/comments`],
      [blocked, '/api/users/author'],
      [blocked, '/api/users/author/boards'],
    ] as const) {
      expect((await call('GET', url, who)).statusCode, url).toBe(404);
    }
    // The blocker keeps seeing the profile they blocked, to be able to unblock.
    expect((await call('GET', '/api/users/blocked', author)).statusCode).toBe(200);
  });
});
