import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { apiCaller, insertNote, setUserFields, signUp, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { runQueuedJobs } from './privacy-jobs.test-helper.js';

// Download my data, measured: a seeded account with 200 notes (a few with real
// image files) exports to a zip that holds every item, opens offline (every
// link in index.html resolves inside the zip), and is served by one signed link.

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
const call = apiCaller(() => t);

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

const json = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(name)!.toString('utf8'));

beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'error' } });
  ann = await signUp(t, 'ann_export');
  bob = await signUp(t, 'bob_export');
});

afterAll(async () => {
  await t?.close();
});

describe('download my data', () => {
  it('exports every item of a 200-note account into a zip that browses offline', async () => {
    const db = t.database.db;
    const noteIds: string[] = [];
    for (let i = 0; i < 197; i += 1) noteIds.push(await insertNote(db, { authorId: ann.id, title: `Export note ${i}`, body: `Body <b>${i}</b> & more` }));
    // Three notes with real image files, through the real upload and post API.
    const imageIds = await uploadImages(t, ann.cookie, 4);
    for (const [i, ids] of [[imageIds[0]!], [imageIds[1]!, imageIds[2]!], [imageIds[3]!]].entries()) {
      const posted = await call('POST', '/api/notes', ann, { title: `Photo note ${i}`, body: 'with pictures', imageIds: ids });
      expect(posted.statusCode, posted.body).toBe(201);
      noteIds.push(posted.json().note?.id ?? posted.json().id);
    }
    expect(noteIds).toHaveLength(200);
    // Some of everything else.
    const bobNote = await insertNote(db, { authorId: bob.id, title: 'Bob note' });
    expect((await call('PUT', `/api/notes/${bobNote}/like`, ann)).statusCode).toBeLessThan(300);
    expect((await call('POST', `/api/notes/${bobNote}/comments`, ann, { body: 'Nice one, Bob' })).statusCode).toBe(201);
    expect((await call('PUT', `/api/users/${bob.handle}/follow`, ann)).statusCode).toBeLessThan(300);
    expect((await call('PUT', `/api/notes/${noteIds[0]}/like`, bob)).statusCode).toBeLessThan(300);

    const before = await call('GET', '/api/me/exports', ann);
    expect(before.json()).toEqual({ export: null });
    const started = await call('POST', '/api/me/exports', ann);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().export).toMatchObject({ state: 'queued', progress: 0, downloadUrl: null });

    // One a day: a second request is refused with Retry-After.
    const again = await call('POST', '/api/me/exports', ann);
    expect(again.statusCode).toBe(429);
    expect(again.json().error.code).toBe('export_too_soon');
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(23 * 3600);

    const payloads = await runQueuedJobs(t, 'build-export');
    expect(payloads).toEqual([{ exportId: started.json().export.id }]);

    const ready = (await call('GET', '/api/me/exports', ann)).json().export;
    expect(ready).toMatchObject({ state: 'ready', progress: 100 });
    expect(ready.downloadUrl).toMatch(/^\/api\/exports\/\d+\/download\?expires=\d+&signature=/);
    // Nobody else sees Ann's export.
    expect((await call('GET', '/api/me/exports', bob)).json()).toEqual({ export: null });

    // The link works without a session.
    const download = await t.app.inject({ method: 'GET', url: ready.downloadUrl });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/zip');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="qiao-data-\d{4}-\d{2}-\d{2}\.zip"$/);
    const files = await unzip(download.rawPayload);

    const notes = json(files, 'notes.json');
    expect(notes).toHaveLength(200);
    expect(new Set(notes.map((n: { id: string }) => n.id))).toEqual(new Set(noteIds));
    const media = notes.flatMap((n: { media: Array<{ file: string }> }) => n.media);
    expect(media).toHaveLength(4);
    for (const item of media) {
      const bytes = files.get(item.file);
      expect(bytes, item.file).toBeDefined();
      expect(bytes!.subarray(0, 4).toString('latin1')).toBe('RIFF'); // WebP
    }
    expect(json(files, 'profile.json')).toMatchObject({ handle: 'ann_export', id: ann.id });
    expect(json(files, 'comments.json')).toEqual([expect.objectContaining({ body: 'Nice one, Bob', noteId: bobNote })]);
    expect(json(files, 'likes.json').notes).toEqual([expect.objectContaining({ noteId: bobNote })]);
    expect(json(files, 'follows.json').following).toEqual([expect.objectContaining({ handle: 'bob_export' })]);
    expect(json(files, 'follows.json')).toMatchObject({ requestsIMade: [], requestsToMe: [] });
    expect(json(files, 'settings.json')).toMatchObject({ privateAccount: false, whoMayComment: 'everyone', findableByPhone: true });
    expect(json(files, 'staff-access.json')).toEqual([]);
    expect(json(files, 'notifications.json')).toEqual([expect.objectContaining({ kind: 'like', actor: expect.objectContaining({ handle: 'bob_export' }) })]);
    const sessions = json(files, 'sessions.json');
    expect(sessions.length).toBeGreaterThan(0);
    expect(JSON.stringify(sessions)).not.toMatch(/token/i);
    for (const name of ['settings', 'translation-settings', 'collects', 'blocks-and-mutes', 'reports-i-made', 'moderation-about-me', 'recommender']) {
      expect(files.has(`${name}.json`), name).toBe(true);
    }
    expect(json(files, 'recommender.json')).toHaveProperty('inferredInterests');

    // index.html: self-contained, every note linked, every relative link a file (or anchor) in the zip.
    const html = files.get('index.html')!.toString('utf8');
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(html).toContain('Body &lt;b&gt;3&lt;/b&gt; &amp; more');
    for (const id of noteIds) expect(html).toContain(`id="note-${id}"`);
    const anchors = new Set([...html.matchAll(/id="([^"]+)"/g)].map((m) => m[1]));
    const links = [...html.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
    expect(links.length).toBeGreaterThan(200);
    for (const link of links) {
      if (link.startsWith('#')) expect(anchors.has(link.slice(1)), link).toBe(true);
      else expect(files.has(decodeURIComponent(link)), link).toBe(true);
    }
  });

  it('lets an administrator open the export only for a reason, which the person then reads in their privacy centre', async () => {
    const admin = await signUp(t, 'admin_export');
    const moderator = await signUp(t, 'mod_export');
    await setUserFields(t.database.db, admin.id, { role: 'admin' });
    await setUserFields(t.database.db, moderator.id, { role: 'moderator' });
    const open = (who: TestUser | undefined, userId: string, reason: string) => call('POST', `/api/staff/users/${userId}/export/open`, who, { reason });

    // Refused: not staff enough, no reason, nothing to open; none of them leaves a trace.
    expect((await open(undefined, ann.id, 'court order 2026/81')).statusCode).toBe(401);
    expect((await open(bob, ann.id, 'court order 2026/81')).statusCode).toBe(403);
    expect((await open(moderator, ann.id, 'court order 2026/81')).statusCode).toBe(403);
    const noReason = await open(admin, ann.id, ' x ');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('access_reason_required');
    const nothing = await open(admin, bob.id, 'court order 2026/81');
    expect(nothing.statusCode).toBe(404);
    expect(nothing.json().error.code).toBe('export_not_found');
    expect((await call('GET', '/api/me/privacy/staff-access', ann)).json().items).toEqual([]);

    const opened = await open(admin, ann.id, 'court order 2026/81');
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.headers['cache-control']).toBe('no-store');
    expect((await t.app.inject({ method: 'GET', url: opened.json().export.downloadUrl })).statusCode).toBe(200);
    const seen = (await call('GET', '/api/me/privacy/staff-access', ann)).json().items;
    expect(seen).toMatchObject([{ kind: 'export_opened', reason: 'court order 2026/81' }]);
    expect((await call('GET', '/api/me/privacy/staff-access', bob)).json().items).toEqual([]);
  });

  it('refuses a tampered link (403) and an expired one (410), and the sweep deletes old exports', async () => {
    const ready = (await call('GET', '/api/me/exports', ann)).json().export;
    const tampered = ready.downloadUrl.replace(/signature=./, 'signature=A');
    expect((await t.app.inject({ method: 'GET', url: tampered })).statusCode).toBe(403);
    const otherExpiry = ready.downloadUrl.replace(/expires=\d+/, 'expires=99999999999');
    expect((await t.app.inject({ method: 'GET', url: otherExpiry })).statusCode).toBe(403);

    t.advance(7 * 24 * 3600 + 1);
    const expired = await t.app.inject({ method: 'GET', url: ready.downloadUrl });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('export_expired');
    expect((await call('GET', '/api/me/exports', ann)).json().export.downloadUrl).toBeNull();

    expect((await t.app.privacyRights.tick(t.now)).exportsPurged).toBe(1);
    expect((await call('GET', '/api/me/exports', ann)).json()).toEqual({ export: null });
    // A day later than the last one, a new export may start.
    expect((await call('POST', '/api/me/exports', ann)).statusCode).toBe(202);
  });

  it('needs a session', async () => {
    expect((await call('GET', '/api/me/exports')).statusCode).toBe(401);
    expect((await call('POST', '/api/me/exports')).statusCode).toBe(401);
  });
});
