import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { makeClip, readJson, tools, tusCreate, tusHead, tusPatch, tusUpload } from '../../../test/video-fixtures.js';
import { VideoProcessor } from './video-processor.js';

// Whatever arrives, the answer is a clear error or a failed video with a
// reason: never a stuck "processing", never a crashed worker.

let t: TestApp;
let baseUrl: string;
let cookie: string;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-video-bad-'));

beforeAll(async () => {
  t = await createTestApp();
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  ({ cookie } = await signIn(t, '+14155550401', { handle: 'bad', displayName: 'Bad' }));
});

afterAll(async () => {
  await t.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

async function processAndRead(videoId: string) {
  await t.app.videos.processor.run(videoId, { lastAttempt: false });
  return readJson(fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } }));
}

describe('video bad input', () => {
  it("never lets a query string point tus at someone else's upload (regression: IDOR)", async () => {
    const other = await signIn(t, '+14155550402', { handle: 'bad_other', displayName: 'Other' });
    const theirs = (await tusCreate(baseUrl, other.cookie, 1000, { filename: 'theirs.mp4', filetype: 'video/mp4' })).headers.get('location')!;
    const mine = (await tusCreate(baseUrl, cookie, 2000, { filename: 'mine.mp4', filetype: 'video/mp4' })).headers.get('location')!;
    const sneaky = `${mine}?x=/${path.basename(theirs)}`;
    const head = await tusHead(baseUrl, sneaky, cookie);
    // The answer is about my upload (2000 bytes), never theirs (1000).
    expect(head.headers.get('upload-length')).toBe('2000');
    const patched = await tusPatch(baseUrl, sneaky, cookie, 0, Buffer.alloc(10));
    expect(patched.status).toBe(204);
    expect((await tusHead(baseUrl, theirs, other.cookie)).headers.get('upload-offset')).toBe('0');
    const deleted = await fetch(new URL(sneaky, baseUrl), { method: 'DELETE', headers: { 'tus-resumable': '1.0.0', cookie } });
    expect(deleted.status).toBe(204);
    expect((await tusHead(baseUrl, theirs, other.cookie)).status).toBe(200);
  });

  it('speaks tus 1.0 with creation, termination and expiration', async () => {
    const options = await fetch(`${baseUrl}/api/uploads/videos`, { method: 'OPTIONS' });
    expect(options.status).toBe(204);
    expect(options.headers.get('tus-version')).toContain('1.0.0');
    expect(options.headers.get('tus-extension')?.split(',')).toEqual(expect.arrayContaining(['creation', 'termination', 'expiration']));
    expect(Number(options.headers.get('tus-max-size'))).toBe(1024 * 1024 * 1024);
  });

  it('refuses uploads without a session, of another type, or over 1 GB', async () => {
    const anonymous = await tusCreate(baseUrl, '', 100, { filename: 'a.mp4', filetype: 'video/mp4' });
    expect(anonymous.status).toBe(401);
    expect((await readJson(anonymous)).error.code).toBe('unauthenticated');

    for (const metadata of [
      { filename: 'notes.txt', filetype: 'text/plain' },
      { filename: 'clip.avi' },
      { filename: 'clip.mp4', filetype: 'image/png' },
      {},
    ] as Array<Record<string, string>>) {
      const response = await tusCreate(baseUrl, cookie, 100, metadata);
      expect(response.status).toBe(415);
      expect(JSON.parse(await response.text()).error.code).toBe('video_type_unsupported');
    }

    const huge = await tusCreate(baseUrl, cookie, 2 * 1024 * 1024 * 1024, { filename: 'huge.mp4', filetype: 'video/mp4' });
    expect(huge.status).toBe(413);
    expect(JSON.parse(await huge.text()).error.code).toBe('video_too_large');
    expect(await t.database.db.selectFrom('videos').select('id').execute()).toEqual([]);
  });

  it('fails a renamed text file, a truncated MP4 and an audio-only file with their reasons', async () => {
    const text = Buffer.from('this is not a video\n'.repeat(500));
    const textId = await tusUpload(baseUrl, cookie, text, 'holiday.mp4');
    expect(await processAndRead(textId)).toMatchObject({ status: 'failed', error: { code: 'video_unreadable' } });

    // Without faststart the index is at the end: a cut-off upload has none.
    const whole = await makeClip(path.join(scratch, 'whole.mp4'), { width: 320, height: 240, seconds: 2 });
    const truncatedId = await tusUpload(baseUrl, cookie, whole.subarray(0, Math.floor(whole.length * 0.6)), 'cut.mp4');
    expect(await processAndRead(truncatedId)).toMatchObject({ status: 'failed', error: { code: 'video_unreadable' } });

    const audio = await makeClip(path.join(scratch, 'audio.mp4'), { width: 0, height: 0, seconds: 2, video: false });
    const audioId = await tusUpload(baseUrl, cookie, audio, 'song.mp4');
    const failed = await processAndRead(audioId);
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'video_no_video_stream' }, hlsUrl: null, renditions: [] });
    expect(failed.error.message).toMatch(/no picture/);
    // The source of a rejected video is not kept.
    expect(fs.existsSync(path.join(t.config.video.uploadsDir, audioId))).toBe(false);
  }, 60_000);

  it('marks a video failed when its last attempt fails, and retries before that', async () => {
    const clip = await makeClip(path.join(scratch, 'ok.mp4'), { width: 320, height: 240, seconds: 1 });
    const videoId = await tusUpload(baseUrl, cookie, clip, 'ok.mp4');
    const job = (await t.database.db
      .selectFrom('pgboss.job' as any)
      .select(['id', 'retry_limit', 'retry_backoff', 'expire_in'] as any)
      .where('data', '@>', JSON.stringify({ videoId }) as any)
      .executeTakeFirstOrThrow()) as { retry_limit: number; retry_backoff: boolean };
    expect(job).toMatchObject({ retry_limit: 2, retry_backoff: true });

    // An encoder that cannot run: a transient failure as far as the job knows.
    const broken = new VideoProcessor({
      db: t.database.db,
      storage: { put: async () => {}, get: async () => Buffer.alloc(0), delete: async () => {}, url: (key) => key },
      tools: { ffprobe: tools.ffprobe, ffmpeg: '/bin/false' },
      uploadsDir: t.config.video.uploadsDir,
      workDir: path.join(scratch, 'work'),
      threads: 1,
      maxDurationSeconds: 900,
      clock: () => t.now,
    });
    await expect(broken.run(videoId, { lastAttempt: false })).rejects.toThrow(/exited with 1/);
    expect((await readJson(fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } }))).status).toBe('processing');
    await expect(broken.run(videoId, { lastAttempt: true })).rejects.toThrow();
    expect(await readJson(fetch(`${baseUrl}/api/videos/${videoId}`, { headers: { cookie } }))).toMatchObject({
      status: 'failed',
      error: { code: 'video_processing_failed' },
    });
  }, 60_000);

  it('cancels an upload, and removes one abandoned half-way after a day', async () => {
    const created = await tusCreate(baseUrl, cookie, 1000, { filename: 'cancel.mp4', filetype: 'video/mp4' });
    const location = created.headers.get('location')!;
    expect((await tusPatch(baseUrl, location, cookie, 0, Buffer.alloc(400))).status).toBe(204);
    const cancelled = await fetch(new URL(location, baseUrl), { method: 'DELETE', headers: { 'tus-resumable': '1.0.0', cookie } });
    expect(cancelled.status).toBe(204);
    expect((await tusHead(baseUrl, location, cookie)).status).toBe(404);

    const abandoned = await tusCreate(baseUrl, cookie, 1000, { filename: 'gone.mp4', filetype: 'video/mp4' });
    const abandonedAt = abandoned.headers.get('location')!;
    expect(abandoned.headers.get('upload-expires')).toBeTruthy();
    expect((await tusPatch(baseUrl, abandonedAt, cookie, 0, Buffer.alloc(300))).status).toBe(204);
    const fresh = await tusCreate(baseUrl, cookie, 1000, { filename: 'fresh.mp4', filetype: 'video/mp4' });
    // The tus store dates uploads with the wall clock: age this one by a day and an hour.
    const infoFile = path.join(t.config.video.uploadsDir, `${path.basename(abandonedAt)}.json`);
    const info = JSON.parse(fs.readFileSync(infoFile, 'utf8'));
    info.creation_date = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    fs.writeFileSync(infoFile, JSON.stringify(info));

    expect(await t.app.videos.uploads.cleanUpExpired()).toBe(1);
    expect(fs.existsSync(path.join(t.config.video.uploadsDir, path.basename(abandonedAt)))).toBe(false);
    expect((await tusHead(baseUrl, fresh.headers.get('location')!, cookie)).status).toBe(200);
  });
});
