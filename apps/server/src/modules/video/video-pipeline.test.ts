import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { ffprobeJson, readJson, makeClip, topLevelBoxes, tusCreate, tusHead, tusPatch, tusUpload } from '../../../test/video-fixtures.js';

// The whole path of a video through real HTTP (tus over a socket), the real
// job queue, real ffmpeg and the media server.

let t: TestApp;
let baseUrl: string;
let cookie: string;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-video-test-'));

beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  ({ cookie } = await signIn(t, '+14155550301', { handle: 'vid', displayName: 'Vid' }));
});

afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

const mediaFile = (url: string) => path.join(t.config.media.dir, url.replace(/^\/media\//, ''));

describe('video upload and transcoding', () => {
  it('resumes an interrupted tus upload, transcodes through the job queue and serves the outputs', async () => {
    const clip = await makeClip(path.join(scratch, 'portrait.mp4'), { width: 640, height: 1136, seconds: 3 });
    const created = await tusCreate(baseUrl, cookie, clip.length, { filename: 'portrait.mp4', filetype: 'video/mp4' });
    expect(created.status).toBe(201);
    expect(created.headers.get('tus-resumable')).toBe('1.0.0');
    const location = created.headers.get('location')!;
    const videoId = path.basename(location);

    // First half, then the connection "drops": HEAD tells where to resume.
    const half = Math.floor(clip.length / 2);
    expect((await tusPatch(baseUrl, location, cookie, 0, clip.subarray(0, half))).status).toBe(204);
    const head = await tusHead(baseUrl, location, cookie);
    expect(head.status).toBe(200);
    expect(Number(head.headers.get('upload-offset'))).toBe(half);
    expect((await fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } })).status).toBe(404);
    // Someone else cannot see or continue my upload.
    const other = await signIn(t, '+14155550302', { handle: 'other', displayName: 'Other' });
    expect((await tusHead(baseUrl, location, other.cookie)).status).toBe(404);

    const rest = await tusPatch(baseUrl, location, cookie, half, clip.subarray(half));
    expect(rest.status).toBe(204);

    const processing = await readJson(fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } }));
    expect(processing).toMatchObject({ id: videoId, status: 'processing', progress: 0, error: null, hlsUrl: null, renditions: [] });
    // Not ready: nobody but the owner sees it.
    expect((await fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie: other.cookie } })).status).toBe(404);

    // The job was enqueued with the row; a worker picks it up.
    await t.app.videos.jobs.work({ 'transcode-video': (payload, context) => t.app.videos.processor.run(payload.videoId, context) }, 0.5);
    let video = processing;
    for (let i = 0; i < 120 && video.status === 'processing'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      video = await readJson(fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } }));
    }
    expect(video).toMatchObject({ status: 'ready', progress: 1, error: null, durationMs: 3000, width: 640, height: 1136 });
    expect(video.renditions.map((r: { height: number }) => r.height)).toEqual([480, 720]);
    expect(video.previewUrls).toHaveLength(5);
    expect(video.posterUrl).toMatch(/\/media\/videos\/.+\/poster\.webp$/);

    for (const rendition of video.renditions as Array<{ height: number; url: string }>) {
      const file = mediaFile(rendition.url);
      const probe = await ffprobeJson(file);
      const v = probe.streams.find((s) => s.codec_type === 'video')!;
      expect(v.codec_name).toBe('h264');
      // Portrait stays portrait: "720p" is the shorter side.
      expect(v.width).toBe(rendition.height);
      expect(v.height! > v.width!).toBe(true);
      expect(probe.streams.find((s) => s.codec_type === 'audio')?.codec_name).toBe('aac');
      const boxes = topLevelBoxes(fs.readFileSync(file));
      expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));
      const tags = JSON.stringify([probe.format.tags ?? {}, ...probe.streams.map((s) => s.tags ?? {})]);
      // Nothing from the source file survives; ffmpeg's own tag, if any, is the version-less bitexact one.
      expect(tags).not.toMatch(/Secret|37\.7749|Lavf\d|Lavc\d|creation_time|location/i);
    }

    const master = await fetch(`${baseUrl}${video.hlsUrl}`);
    expect(master.status).toBe(200);
    expect(master.headers.get('content-type')).toMatch(/^application\/vnd\.apple\.mpegurl/);
    expect(master.headers.get('cache-control')).toMatch(/max-age=31536000/);
    const masterText = await master.text();
    expect(masterText).toContain('RESOLUTION=480x852');
    expect(masterText).toContain('720/index.m3u8');
    const media = await (await fetch(new URL('720/index.m3u8', `${baseUrl}${video.hlsUrl}`))).text();
    expect(media).toContain('#EXT-X-ENDLIST');
    const segment = /^(seg\d+\.ts)$/m.exec(media)![1]!;
    const ts = await fetch(new URL(`720/${segment}`, `${baseUrl}${video.hlsUrl}`));
    expect(ts.headers.get('content-type')).toBe('video/mp2t');

    // Seeking: a range request gets its slice.
    const ranged = await fetch(`${baseUrl}${video.renditions[0].url}`, { headers: { range: 'bytes=0-99' } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-99\//);
    expect((await ranged.arrayBuffer()).byteLength).toBe(100);
    expect(ranged.headers.get('content-type')).toBe('video/mp4');

    for (const url of [video.posterUrl, ...video.previewUrls]) expect(fs.existsSync(mediaFile(url))).toBe(true);
    // The source upload is gone once the outputs exist.
    expect(fs.existsSync(path.join(t.config.video.uploadsDir, videoId))).toBe(false);
    const job = await t.database.db
      .selectFrom('pgboss.job' as any)
      .select(['state'] as any)
      .where('data', '@>', JSON.stringify({ videoId }) as any)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ state: 'completed' });
    // The next test drives the job by hand.
    await t.app.videos.jobs.stopWorking();
  }, 90_000);

  it('runs a job again after a crash mid-transcode, losing nothing', async () => {
    const clip = await makeClip(path.join(scratch, 'crash.mp4'), { width: 1920, height: 1080, seconds: 2 });
    const videoId = await tusUpload(baseUrl, cookie, clip, 'crash.mov');
    const row = await t.database.db.selectFrom('videos').selectAll().where('id', '=', videoId).executeTakeFirstOrThrow();
    expect(row.status).toBe('processing');

    // A worker dies while ffmpeg runs: the attempt fails, the row is untouched.
    const crash = new AbortController();
    setTimeout(() => crash.abort(), 300);
    await expect(t.app.videos.processor.run(videoId, { lastAttempt: false }, crash.signal)).rejects.toThrow(/abort/i);
    const afterCrash = await t.database.db.selectFrom('videos').selectAll().where('id', '=', videoId).executeTakeFirstOrThrow();
    expect(afterCrash.status).toBe('processing');
    expect(fs.existsSync(path.join(t.config.video.uploadsDir, videoId))).toBe(true);

    // pg-boss runs it again (after expiry or a retry): same outputs, now complete.
    await t.app.videos.processor.run(videoId, { lastAttempt: false });
    const done = await readJson(fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } }));
    expect(done.status).toBe('ready');
    expect(done.renditions.map((r: { height: number }) => r.height)).toEqual([480, 720, 1080]);
    const probe = await ffprobeJson(mediaFile(done.renditions[2].url));
    expect(probe.streams.find((s) => s.codec_type === 'video')).toMatchObject({ width: 1920, height: 1080 });
    // A third run (a duplicate delivery) changes nothing.
    await t.app.videos.processor.run(videoId, { lastAttempt: true });
    expect((await t.database.db.selectFrom('videos').select('status').where('id', '=', videoId).executeTakeFirstOrThrow()).status).toBe('ready');
  }, 90_000);
});
