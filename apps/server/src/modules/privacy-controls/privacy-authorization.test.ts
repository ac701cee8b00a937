import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, insertNote, setUserFields, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// Who may call the privacy routes, and what a private account's routes answer
// each kind of caller: one table, actors × routes, through HTTP. The owner is a
// private account that blocked `blocked`; `requester` asked to follow it.

let t: TestApp;
const call = apiCaller(() => t);
type Actor = 'anonymous' | 'owner' | 'other' | 'blocked' | 'moderator' | 'admin';
const ACTORS: Actor[] = ['anonymous', 'owner', 'other', 'blocked', 'moderator', 'admin'];
const users = new Map<Actor, TestUser>();
let noteId: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const actor of ACTORS) if (actor !== 'anonymous') users.set(actor, await signUp(t, `az_${actor}`));
  await setUserFields(t.database.db, users.get('moderator')!.id, { role: 'moderator' });
  await setUserFields(t.database.db, users.get('admin')!.id, { role: 'admin' });
  const owner = users.get('owner')!;
  await call('PATCH', '/api/me/privacy-controls', owner, { private: true });
  await call('PUT', '/api/users/az_blocked/block', owner);
  await call('PUT', '/api/users/az_owner/follow', await signUp(t, 'az_requester'));
  noteId = await insertNote(t.database.db, { authorId: owner.id });
});
afterAll(() => t.close());

const ROUTES: Record<string, { run: (who: TestUser | undefined) => Promise<{ statusCode: number }>; expect: Record<Actor, number> }> = {
  'GET /api/me/privacy-controls': {
    run: (who) => call('GET', '/api/me/privacy-controls', who),
    expect: { anonymous: 401, owner: 200, other: 200, blocked: 200, moderator: 200, admin: 200 },
  },
  'PATCH /api/me/privacy-controls': {
    run: (who) => call('PATCH', '/api/me/privacy-controls', who, { noindex: false }),
    expect: { anonymous: 401, owner: 200, other: 200, blocked: 200, moderator: 200, admin: 200 },
  },
  'GET /api/me/follow-requests': {
    run: (who) => call('GET', '/api/me/follow-requests', who),
    expect: { anonymous: 401, owner: 200, other: 200, blocked: 200, moderator: 200, admin: 200 },
  },
  // Only the account asked can approve; everyone else has no such request.
  'POST /api/me/follow-requests/az_requester/approve': {
    run: (who) => call('POST', '/api/me/follow-requests/az_requester/approve', who),
    expect: { anonymous: 401, owner: 200, other: 404, blocked: 404, moderator: 404, admin: 404 },
  },
  'DELETE /api/me/follow-requests/az_requester': {
    run: (who) => call('DELETE', '/api/me/follow-requests/az_requester', who),
    expect: { anonymous: 401, owner: 204, other: 204, blocked: 204, moderator: 204, admin: 204 },
  },
  'DELETE /api/me/watch-history': {
    run: (who) => call('DELETE', '/api/me/watch-history', who),
    expect: { anonymous: 401, owner: 200, other: 200, blocked: 200, moderator: 200, admin: 200 },
  },
  // The private account's own routes, for its owner and for strangers.
  'GET /api/users/az_owner': {
    run: (who) => call('GET', '/api/users/az_owner', who),
    expect: { anonymous: 200, owner: 200, other: 200, blocked: 404, moderator: 200, admin: 200 },
  },
  'GET /api/users/az_owner/notes': {
    run: (who) => call('GET', '/api/users/az_owner/notes', who),
    expect: { anonymous: 403, owner: 200, other: 403, blocked: 404, moderator: 403, admin: 403 },
  },
  'GET /api/users/az_owner/followers': {
    run: (who) => call('GET', '/api/users/az_owner/followers', who),
    expect: { anonymous: 403, owner: 200, other: 403, blocked: 404, moderator: 403, admin: 403 },
  },
  'GET /api/notes/:id (the private account’s note)': {
    run: (who) => call('GET', `/api/notes/${noteId}`, who),
    expect: { anonymous: 404, owner: 200, other: 404, blocked: 404, moderator: 404, admin: 404 },
  },
  'PUT /api/users/az_owner/follow (a request)': {
    run: (who) => call('PUT', '/api/users/az_owner/follow', who),
    expect: { anonymous: 401, owner: 400, other: 200, blocked: 403, moderator: 200, admin: 200 },
  },
};

describe('privacy routes authorization', () => {
  it('answers every actor as the table says', async () => {
    const actual: Record<string, Record<Actor, number>> = {};
    const wanted: Record<string, Record<Actor, number>> = {};
    for (const [route, { run, expect: expected }] of Object.entries(ROUTES)) {
      wanted[route] = expected;
      actual[route] = {} as Record<Actor, number>;
      for (const actor of ACTORS) actual[route]![actor] = (await run(users.get(actor))).statusCode;
    }
    expect(actual).toEqual(wanted);
  });
});
