import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadImages } from '../../test/media-fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../test/test-app.js';

// With the read caches on (as in production), a user's own changes still show at once.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ env: { READ_CACHE_MS: '60000', SESSION_CACHE_MS: '60000' } });
});
afterAll(() => t.close());

const me = (cookie: string) => t.app.inject({ url: '/api/me', headers: { cookie } });

describe('read caches', () => {
  it('forget a session on log out and on revoke, and a profile on edit', async () => {
    const phone = '+14155552671';
    const first = await signIn(t, phone, { handle: 'cached_ann', displayName: 'Ann' });
    t.advance(61);
    const second = await signIn(t, phone);
    expect((await me(first.cookie)).json().displayName).toBe('Ann');
    expect((await me(second.cookie)).statusCode).toBe(200);

    await t.app.inject({ method: 'PATCH', url: '/api/me', payload: { displayName: 'Annie' }, headers: { cookie: first.cookie } });
    expect((await me(first.cookie)).json().displayName).toBe('Annie');
    expect((await me(second.cookie)).json().displayName).toBe('Annie');

    const sessions = (await t.app.inject({ url: '/api/sessions', headers: { cookie: first.cookie } })).json().sessions;
    const other = sessions.find((s: { current: boolean }) => !s.current);
    await t.app.inject({ method: 'DELETE', url: `/api/sessions/${other.id}`, headers: { cookie: first.cookie } });
    expect((await me(second.cookie)).statusCode).toBe(401);

    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: first.cookie } });
    expect((await me(first.cookie)).statusCode).toBe(401);
  });

  it('show a note edit and a note deletion at once', async () => {
    const { cookie } = await signIn(t, '+8613800138000', { handle: 'cached_mei', displayName: 'Mei' });
    const imageIds = await uploadImages(t, cookie, 1);
    const note = (await t.app.inject({ method: 'POST', url: '/api/notes', payload: { title: 'Before', body: '', imageIds }, headers: { cookie } })).json();
    expect((await t.app.inject({ url: '/api/feed' })).json().items.map((i: { title: string }) => i.title)).toContain('Before');
    await t.app.inject({ method: 'PATCH', url: `/api/notes/${note.id}`, payload: { title: 'After' }, headers: { cookie } });
    expect((await t.app.inject({ url: `/api/notes/${note.id}` })).json().title).toBe('After');
    expect((await t.app.inject({ url: '/api/feed' })).json().items.map((i: { title: string }) => i.title)).toContain('After');
    await t.app.inject({ method: 'DELETE', url: `/api/notes/${note.id}`, headers: { cookie } });
    expect((await t.app.inject({ url: `/api/notes/${note.id}` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/feed' })).json().items).toEqual([]);
  });
});
