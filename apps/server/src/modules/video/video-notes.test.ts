import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { makeClip, tusUpload } from '../../../test/video-fixtures.js';

let t: TestApp;
let baseUrl: string;
let author: { cookie: string };
let reader: { cookie: string };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-video-notes-'));

beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  author = await signIn(t, '+14155550501', { handle: 'maker', displayName: 'Maker' });
  reader = await signIn(t, '+14155550502', { handle: 'reader', displayName: 'Reader' });
});

afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (payload: object, cookie = author.cookie) => t.app.inject({ method: 'POST', url: '/api/notes', payload, headers: { cookie } });

describe('video notes', () => {
  it('needs exactly one kind of media, text, and a video of my own that did not fail', async () => {
    const [imageId] = await uploadImages(t, author.cookie, 1);
    const clip = await makeClip(path.join(scratch, 'a.mp4'), { width: 320, height: 568, seconds: 1 });
    const videoId = await tusUpload(baseUrl, author.cookie, clip, 'a.mp4');
    expect((await post({ title: 'x', body: '', imageIds: [imageId], videoId })).json().error.code).toBe('note_media_conflict');
    expect((await post({ title: 'x', body: '' })).json().error.code).toBe('note_media_required');
    expect((await post({ title: ' ', body: '', videoId })).json().error.code).toBe('note_empty');
    expect((await post({ title: 'x', body: '', videoId, coverFrame: 5 })).statusCode).toBe(400);
    expect((await post({ title: 'x', body: '', videoId }, reader.cookie)).json().error.code).toBe('video_invalid');

    const textId = await tusUpload(baseUrl, author.cookie, Buffer.from('not a video'), 'fake.mp4');
    await t.app.videos.processor.run(textId, { lastAttempt: false });
    const failed = await post({ title: 'x', body: '', videoId: textId });
    expect(failed.statusCode).toBe(400);
    expect(failed.json().error.code).toBe('video_failed');
  }, 30_000);

  it('shows a processing video note to its author only, and everywhere once ready, with the chosen cover', async () => {
    const clip = await makeClip(path.join(scratch, 'b.mp4'), { width: 640, height: 1136, seconds: 2 });
    const videoId = await tusUpload(baseUrl, author.cookie, clip, 'b.mp4');
    const created = await post({ title: 'Sunset walk #citywalk', body: 'by the river', videoId, coverFrame: 2 });
    expect(created.statusCode).toBe(201);
    const note = created.json();
    expect(note).toMatchObject({ kind: 'video', images: [], video: { id: videoId, status: 'processing', hlsUrl: null, posterUrl: null } });
    expect((await post({ title: 'again', body: '', videoId })).json().error.code).toBe('video_invalid');

    const mine = (await get('/api/users/maker/notes', author.cookie)).json();
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(note.id);
    expect(mine.items.find((item: { id: string }) => item.id === note.id).cover).toBeNull();
    expect((await get('/api/users/maker/notes', reader.cookie)).json().items).toEqual([]);
    expect((await get(`/api/notes/${note.id}`, reader.cookie)).statusCode).toBe(404);
    expect((await get('/api/feed', reader.cookie)).json().items.map((item: { id: string }) => item.id)).not.toContain(note.id);
    expect((await get('/api/search?q=sunset', reader.cookie)).json().notes).toEqual([]);
    expect((await get('/api/feed?tab=topic&topic=citywalk', reader.cookie)).json().items).toEqual([]);

    await t.app.videos.processor.run(videoId, { lastAttempt: false });

    const feed = (await get('/api/feed', reader.cookie)).json();
    const card = feed.items.find((item: { id: string }) => item.id === note.id);
    expect(card).toMatchObject({ kind: 'video', cover: { id: videoId, alt: '', width: 720, height: 1278 } });
    expect(card.cover.url).toMatch(/preview-2\.webp$/);
    expect(card.cover.variants).toEqual([{ width: 720, height: 1278, url: card.cover.url }]);
    expect(card.cover.placeholder.length).toBeGreaterThan(5);
    expect(card.cover.color).toMatch(/^#[0-9a-f]{6}$/);
    expect((await get('/api/search?q=sunset', reader.cookie)).json().notes).toHaveLength(1);

    const view = (await get(`/api/notes/${note.id}`, reader.cookie)).json();
    expect(view.video).toMatchObject({ id: videoId, status: 'ready', durationMs: 2000, width: 640, height: 1136 });
    expect(view.video.hlsUrl).toMatch(/master\.m3u8$/);
    expect(view.video.renditions.map((r: { height: number }) => r.height)).toEqual([480, 720]);
    expect(view.video).not.toHaveProperty('progress');
    // Once ready, anyone may read the video's state, without the owner's fields.
    const publicVideo = (await get(`/api/videos/${videoId}`, reader.cookie)).json();
    expect(publicVideo).toMatchObject({ status: 'ready', previewUrls: [], error: null });
  }, 30_000);
});
