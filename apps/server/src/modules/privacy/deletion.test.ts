import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneSpellings, searchClusterFiles } from '../../../test/cluster-files.js';
import { apiCaller, insertNote, signUp, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, lastCode, signIn, type TestApp } from '../../../test/test-app.js';
import { LocalDiskStorage, type MediaStorage } from '../media/media-storage.js';
import { runQueuedJobs } from './privacy-jobs.test-helper.js';

// Delete my account, measured: confirmed with a fresh SMS code, hidden and
// signed out during the grace, cancelled by signing in; after 30 days (the
// test clock) the erasure job leaves nothing of the person in the database
// files (heap, indexes, WAL), the media directory or the API, while replies by
// others stay readable under tombstones.

let t: TestApp;
let bob: TestUser;
const call = apiCaller(() => t);
const tag = randomBytes(5).toString('hex');
const phone = `+1415555${7000 + Math.floor(Math.random() * 999)}`;
const handle = `zora_${tag}`;
const displayName = `Zora Q${tag}`;
const texts = { note: `erasable-note-${tag}`, body: `erasable-body-${tag}`, comment: `erasable-comment-${tag}`, bio: `erasable-bio-${tag}` };

let zora: { cookie: string; id: string };

async function deletionCode(cookie: string): Promise<string> {
  const sent = await t.app.inject({ method: 'POST', url: '/api/me/deletion/code', headers: { cookie } });
  expect(sent.statusCode, sent.body).toBe(202);
  // The text says what the code does, so someone talked into reading it out can stop.
  expect(t.sms.recent(phone)[0]?.body).toMatch(/DELETE your Qiao account/);
  return lastCode(t.sms, phone);
}

function walk(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'error' } });
  bob = await signUp(t, `bob_${tag}`);
  const signedIn = await signIn(t, phone, { handle, displayName });
  zora = { cookie: signedIn.cookie, id: signedIn.user.id };
  t.advance(120);
});

afterAll(async () => {
  await t?.close();
});

describe('delete my account', () => {
  it('needs a fresh delete_account code: a sign-in code, a wrong or an old code does not do', async () => {
    expect((await call('POST', '/api/me/deletion', undefined, { code: '123456' })).statusCode).toBe(401);
    expect((await call('POST', '/api/me/deletion/code')).statusCode).toBe(401);
    expect((await call('GET', '/api/me/deletion')).statusCode).toBe(401);
    expect((await call('DELETE', '/api/me/deletion')).statusCode).toBe(401);
    expect((await call('POST', '/api/me/deletion', bob, { code: 'abc' })).statusCode).toBe(400);
    // The code of the sign-in is not a deletion code.
    const signInCode = lastCode(t.sms, phone);
    const withSignInCode = await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: { cookie: zora.cookie }, payload: { code: signInCode } });
    expect(withSignInCode.json().error.code).toBe('code_expired');

    const code = await deletionCode(zora.cookie);
    // A deletion code never signs anyone in.
    const verify = await t.app.inject({ method: 'POST', url: '/api/auth/verify', payload: { phone, code } });
    expect(verify.statusCode).toBe(400);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/me/deletion',
      headers: { cookie: zora.cookie },
      payload: { code: code === '000000' ? '111111' : '000000' },
    });
    expect(wrong.json().error.code).toBe('code_invalid');
    t.advance(11 * 60);
    const stale = await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: { cookie: zora.cookie }, payload: { code } });
    expect(stale.json().error.code).toBe('code_expired');
    expect((await t.app.inject({ method: 'GET', url: '/api/me/deletion', headers: { cookie: zora.cookie } })).json().scheduled).toBe(false);
  });

  it('deactivates at once, signs out everywhere, and signing in again cancels it', async () => {
    const noteId = await insertNote(t.database.db, { authorId: zora.id, title: 'Visible note', body: 'hello' });
    const code = await deletionCode(zora.cookie);
    const scheduled = await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: { cookie: zora.cookie }, payload: { code } });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json()).toMatchObject({ scheduled: true, eraseAfter: new Date(t.now.getTime() + 30 * 86400_000).toISOString() });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: zora.cookie } })).statusCode).toBe(401);
    // Hidden from others: profile, notes, search.
    expect((await call('GET', `/api/users/${handle}`, bob)).statusCode).toBe(404);
    expect((await call('GET', `/api/notes/${noteId}`, bob)).statusCode).toBe(404);
    expect((await call('GET', `/api/search?q=${handle}`, bob)).body).not.toContain(handle);

    t.advance(3 * 86400);
    const back = await signIn(t, phone);
    expect(back.user).toMatchObject({ id: zora.id });
    zora.cookie = back.cookie;
    const me = await t.app.inject({ method: 'GET', url: '/api/me/deletion', headers: { cookie: zora.cookie } });
    expect(me.json()).toEqual({ scheduled: false, requestedAt: null, eraseAfter: null });
    expect((await call('GET', `/api/users/${handle}`, bob)).statusCode).toBe(200);
    expect((await call('GET', `/api/notes/${noteId}`, bob)).statusCode).toBe(200);
    // Cancelling explicitly is idempotent.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/deletion', headers: { cookie: zora.cookie } })).statusCode).toBe(204);
  });

  it('the sign-in that cancels says so', async () => {
    t.advance(120);
    const code = await deletionCode(zora.cookie);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: { cookie: zora.cookie }, payload: { code } })).statusCode).toBe(200);
    t.advance(120);
    const sent = await t.app.inject({ method: 'POST', url: '/api/auth/code', payload: { phone }, remoteAddress: '10.9.9.9' });
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/verify',
      payload: { phone, code: lastCode(t.sms, phone) },
      remoteAddress: '10.9.9.9',
    });
    expect(sent.statusCode).toBe(202);
    expect(verified.json()).toMatchObject({ deletionCancelled: true, isNewUser: false });
    zora.cookie = `qiao_session=${verified.cookies.find((c) => c.name === 'qiao_session')!.value}`;
  });

  it('erases the person everywhere after 30 days; replies by others stay under tombstones', async () => {
    const db = t.database.db;
    const storage: MediaStorage = new LocalDiskStorage(t.config.media.dir, '/media');
    await call('PATCH', '/api/me', { ...bob, cookie: zora.cookie, id: zora.id }, { bio: texts.bio });
    // Zora's notes: one with photos and Bob's comment (becomes a tombstone), one no one answered (goes).
    const imageIds = await uploadImages(t, zora.cookie, 2);
    const posted = await t.app.inject({
      method: 'POST',
      url: '/api/notes',
      headers: { cookie: zora.cookie },
      payload: { title: texts.note, body: texts.body, imageIds },
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const discussedId: string = posted.json().note?.id ?? posted.json().id;
    const quietId = await insertNote(db, { authorId: zora.id, title: `${texts.note}-quiet`, body: texts.body });
    const bobsComment = await call('POST', `/api/notes/${discussedId}/comments`, bob, { body: 'Bob was here under Zora' });
    expect(bobsComment.statusCode).toBe(201);
    // Zora on Bob's note: a comment Bob replied to (tombstone), and a like (Bob's counter goes back down).
    const bobNote = await insertNote(db, { authorId: bob.id, title: 'Bob note' });
    const zoraComment = await t.app.inject({
      method: 'POST',
      url: `/api/notes/${bobNote}/comments`,
      headers: { cookie: zora.cookie },
      payload: { body: texts.comment },
    });
    expect(zoraComment.statusCode).toBe(201);
    const bobReply = await call('POST', `/api/notes/${bobNote}/comments`, bob, { body: 'Bob answers Zora', parentId: zoraComment.json().id });
    expect(bobReply.statusCode, bobReply.body).toBe(201);
    expect((await t.app.inject({ method: 'PUT', url: `/api/notes/${bobNote}/like`, headers: { cookie: zora.cookie } })).statusCode).toBe(200);
    expect((await call('GET', `/api/notes/${bobNote}`, bob)).json().counts.likes).toBe(1);
    // A stored translation of her text, and a video with renditions and HLS segments in media storage.
    await db
      .insertInto('translations')
      .values({
        source_hash: createHash('sha256').update(texts.body).digest('hex'),
        target: 'zh',
        provider: 'test',
        translated_text: `translated-${tag}`,
        created_at: t.now,
      })
      .execute();
    const videoId = `vid${tag}`;
    const videoFiles = [
      `videos/${videoId}/720.mp4`,
      `videos/${videoId}/poster.webp`,
      `videos/${videoId}/hls/master.m3u8`,
      `videos/${videoId}/hls/720/index.m3u8`,
      `videos/${videoId}/hls/720/seg000.ts`,
      `videos/${videoId}/hls/720/seg001.ts`,
    ];
    for (const key of videoFiles)
      await storage.put(
        key,
        Buffer.from(
          key.endsWith('master.m3u8')
            ? '#EXTM3U\n720/index.m3u8\n'
            : key.endsWith('index.m3u8')
              ? '#EXTM3U\n#EXTINF:4,\nseg000.ts\n#EXTINF:4,\nseg001.ts\n'
              : 'x',
        ),
        'application/octet-stream',
      );
    await db
      .insertInto('videos')
      .values({
        id: videoId,
        owner_id: zora.id,
        note_id: quietId,
        status: 'ready',
        source_name: `${tag}.mp4`,
        source_bytes: 1,
        poster: JSON.stringify({ key: videoFiles[1], width: 1, height: 1, placeholder: '', color: '#000' }),
        previews: '[]',
        renditions: JSON.stringify([{ label: 720, width: 720, height: 1280, key: videoFiles[0], bytes: 1 }]),
        hls_key: videoFiles[2],
        created_at: t.now,
        updated_at: t.now,
      })
      .execute();
    const imageKeys = (await db.selectFrom('images').select('variants').where('owner_id', '=', zora.id).execute()).flatMap((row) =>
      row.variants.map((v) => v.key),
    );
    expect(imageKeys.length).toBeGreaterThan(0);
    const eventsBefore = await db.selectFrom('events').select('id').where('user_id', '=', zora.id).execute();

    const needles = [handle, displayName, ...Object.values(texts), `translated-${tag}`, ...phoneSpellings(phone)];
    // The check can fail: before the erasure, the person is all over the cluster's files.
    const before = await searchClusterFiles(needles);
    expect(before.map((hit) => hit.needle)).toEqual(expect.arrayContaining([handle, texts.note, texts.comment]));

    t.advance(120);
    const code = await deletionCode(zora.cookie);
    expect((await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: { cookie: zora.cookie }, payload: { code } })).statusCode).toBe(200);
    // Nothing happens before the grace is over.
    t.advance(29 * 86400);
    expect((await t.app.privacyRights.tick(t.now)).erasuresQueued).toBe(0);
    t.advance(86400 + 60);
    expect((await t.app.privacyRights.tick(t.now)).erasuresQueued).toBe(1);
    const started = performance.now();
    expect(await runQueuedJobs(t, 'erase-account')).toEqual([{ userId: zora.id }]);
    const erasureMs = Math.round(performance.now() - started);

    // The database's files: heap, indexes, TOAST, WAL.
    const after = await searchClusterFiles(needles);
    expect(after, JSON.stringify(after)).toEqual([]);
    // The media directory: her files are gone, and no file names or holds her texts.
    for (const key of [...imageKeys, ...videoFiles]) expect(fs.existsSync(path.join(t.config.media.dir, key)), key).toBe(false);
    for (const file of walk(t.config.media.dir)) {
      const bytes = fs.readFileSync(file);
      for (const needle of needles) expect(bytes.includes(Buffer.from(needle)) || file.includes(needle), `${file} holds ${needle}`).toBe(false);
    }
    // The API: no profile, no notes, no search hit, no session.
    expect((await call('GET', `/api/users/${handle}`, bob)).statusCode).toBe(404);
    expect((await call('GET', `/api/notes/${quietId}`, bob)).statusCode).toBe(404);
    for (const q of [handle, texts.note, 'Zora']) expect((await call('GET', `/api/search?q=${encodeURIComponent(q)}`, bob)).body).not.toMatch(/zora|erasable/i);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: zora.cookie } })).statusCode).toBe(401);
    // Others' words stay: Bob's comment under the tombstone of her note, Bob's reply under the tombstone of her comment.
    const tombstone = await call('GET', `/api/notes/${discussedId}`, bob);
    expect(tombstone.statusCode, tombstone.body).toBe(200);
    expect(tombstone.json()).toMatchObject({ title: '', body: '', author: { handle: '', erased: true } });
    const underNote = (await call('GET', `/api/notes/${discussedId}/comments`, bob)).json();
    expect(underNote.items.map((c: { body: string }) => c.body)).toEqual(['Bob was here under Zora']);
    const underBob = (await call('GET', `/api/notes/${bobNote}/comments`, bob)).json();
    expect(underBob.items).toEqual([expect.objectContaining({ body: '', author: expect.objectContaining({ erased: true }) })]);
    const replies = (await call('GET', `/api/comments/${zoraComment.json().id}/replies`, bob)).json();
    expect(replies.items.map((c: { body: string }) => c.body)).toEqual(['Bob answers Zora']);
    // Counters of others' notes move back; events for statistics stay without her id.
    const bobView = (await call('GET', `/api/notes/${bobNote}`, bob)).json();
    expect(bobView.counts.likes).toBe(0);
    expect(await db.selectFrom('events').select('id').where('user_id', '=', zora.id).execute()).toEqual([]);
    if (eventsBefore.length) {
      const kept = await db
        .selectFrom('events')
        .select(['id', 'user_id'])
        .where(
          'id',
          'in',
          eventsBefore.map((e) => e.id),
        )
        .execute();
      expect(kept.every((e) => e.user_id === null)).toBe(true);
    }
    console.info(`erasure with ${t.config.privacyRights.erasureCompaction} took ${erasureMs} ms`);
  });
});
