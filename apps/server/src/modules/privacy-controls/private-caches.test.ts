import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, signUp } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// With the production read caches on (notes, comments, the media guard's index,
// each viewer's blocks, mutes and approved follows), going private, unfollowing,
// blocking and muting still take effect on the very next request.

let t: TestApp;
const call = apiCaller(() => t);
beforeAll(async () => {
  t = await createTestApp({ env: { READ_CACHE_MS: '60000' } });
});
afterAll(() => t.close());

describe('private accounts behind warm caches', () => {
  it('hide at once when the account goes private, and again when a follower leaves', async () => {
    const owner = await signUp(t, 'pc_owner');
    const fan = await signUp(t, 'pc_fan');
    const passer = await signUp(t, 'pc_passer');
    await call('PUT', '/api/users/pc_owner/follow', fan);
    const [image] = await uploadImages(t, owner.cookie, 1);
    const note = (await call('POST', '/api/notes', owner, { title: 'Warm', body: 'cached', imageIds: [image] })).json();
    const file = `/media/${note.images[0].url.replace(/^\/media\//, '')}`;
    const paths = [`/api/notes/${note.id}`, `/api/notes/${note.id}/comments`, file];
    // Warm every cache as a stranger.
    for (const path of paths) expect((await call('GET', path, passer)).statusCode, path).toBe(200);
    // … and the follower's cached relations (no private account among their follows yet).
    expect((await call('GET', paths[0]!, fan)).statusCode).toBe(200);
    expect((await call('GET', '/api/users/pc_owner/notes', passer)).json().items).toHaveLength(1);

    await call('PATCH', '/api/me/privacy-controls', owner, { private: true });
    for (const path of paths) {
      expect((await call('GET', path, passer)).statusCode, path).toBe(404);
      expect((await call('GET', path, fan)).statusCode, path).toBe(200);
    }
    expect((await call('GET', file, fan)).headers['cache-control']).toContain('private');

    await call('DELETE', '/api/users/pc_owner/follow', fan);
    for (const path of paths) expect((await call('GET', path, fan)).statusCode, path).toBe(404);
  });

  it('blocks and mutes hide at once for both people, and unblocking shows again', async () => {
    const author = await signUp(t, 'pc_blockee');
    const reader = await signUp(t, 'pc_blocker');
    const [image] = await uploadImages(t, author.cookie, 1);
    const note = (await call('POST', '/api/notes', author, { title: 'Seen', body: 'then not', imageIds: [image] })).json();
    const authorNotes = async (who: typeof reader) => (await call('GET', '/api/users/pc_blockee/notes', who)).json().items as unknown[];
    // Warm the reader's cached relations (and the note's card).
    expect((await call('GET', `/api/notes/${note.id}`, reader)).statusCode).toBe(200);
    expect(await authorNotes(reader)).toHaveLength(1);

    await call('PUT', '/api/users/pc_blockee/block', reader);
    expect((await call('GET', `/api/notes/${note.id}`, reader)).statusCode).toBe(404);
    // The blocked side does not see the blocker's profile either.
    expect((await call('GET', '/api/users/pc_blocker', author)).statusCode).toBe(404);

    await call('DELETE', '/api/users/pc_blockee/block', reader);
    expect((await call('GET', `/api/notes/${note.id}`, reader)).statusCode).toBe(200);

    await call('PUT', '/api/users/pc_blockee/mute', reader);
    const feed = (await call('GET', '/api/feed?tab=foryou&limit=50', reader)).json().items as Array<{ id: string }>;
    expect(feed.map((item) => item.id)).not.toContain(note.id);
  });
});
