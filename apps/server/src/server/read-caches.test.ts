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

  it("show new, liked and deleted comments at once, with each viewer's own likes", async () => {
    const author = await signIn(t, '+447400123456', { handle: 'cached_author', displayName: 'Author' });
    const reader = await signIn(t, '+819012345678', { handle: 'cached_reader', displayName: 'Reader' });
    const imageIds = await uploadImages(t, author.cookie, 1);
    const note = (
      await t.app.inject({ method: 'POST', url: '/api/notes', payload: { title: 'Talk', body: '', imageIds }, headers: { cookie: author.cookie } })
    ).json();
    const list = async (cookie?: string) =>
      (await t.app.inject({ url: `/api/notes/${note.id}/comments`, headers: cookie ? { cookie } : {} })).json().items as Array<{
        id: string;
        body: string;
        likes: number;
        viewer: { liked: boolean; canDelete: boolean } | null;
      }>;
    expect(await list()).toEqual([]);
    const created = (
      await t.app.inject({ method: 'POST', url: `/api/notes/${note.id}/comments`, payload: { body: 'first!' }, headers: { cookie: reader.cookie } })
    ).json();
    expect((await list()).map((c) => c.body)).toEqual(['first!']);
    await t.app.inject({ method: 'PUT', url: `/api/comments/${created.id}/like`, headers: { cookie: author.cookie } });
    expect((await list(author.cookie))[0]).toMatchObject({ likes: 1, viewer: { liked: true, canDelete: true } });
    expect((await list(reader.cookie))[0]).toMatchObject({ likes: 1, viewer: { liked: false, canDelete: true } });
    expect((await list())[0]!.viewer).toBeNull();
    await t.app.inject({ method: 'DELETE', url: `/api/comments/${created.id}`, headers: { cookie: reader.cookie } });
    expect(await list()).toEqual([]);
  });
});
