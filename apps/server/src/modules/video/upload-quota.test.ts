import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';
import { tusCreate } from '../../../test/video-fixtures.js';

// Regression: 200 resumable uploads declaring 1 GiB each were all accepted in
// under two seconds, and a deferred length skipped every size check. Each
// person now has a daily budget of uploads and declared bytes, and a size must
// be declared up front.

let t: TestApp;
let baseUrl: string;
beforeAll(async () => {
  t = await createTestApp({ env: { VIDEO_UPLOADS_PER_DAY: '3', VIDEO_UPLOAD_MB_PER_DAY: '100', UPLOADS_MIN_FREE_DISK_MB: '0' } });
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => t.close());

const MB = 1024 * 1024;
const meta = { filename: 'clip.mp4', filetype: 'video/mp4' };

describe('upload quota', () => {
  it('caps uploads and declared bytes per person per day, and wants the length up front', async () => {
    const { cookie } = await signIn(t, '+14155550601', { handle: 'quota_q', displayName: 'Q' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await tusCreate(baseUrl, cookie, 10 * MB, meta)).status);
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
    const refused = await tusCreate(baseUrl, cookie, 10 * MB, meta);
    expect(JSON.parse(await refused.text()).error.code).toBe('upload_quota_exceeded');

    const other = await signIn(t, '+14155550602', { handle: 'quota_r', displayName: 'R' });
    expect((await tusCreate(baseUrl, other.cookie, 90 * MB, meta)).status).toBe(201);
    expect((await tusCreate(baseUrl, other.cookie, 20 * MB, meta)).status).toBe(429);

    const deferred = await fetch(`${baseUrl}/api/uploads/videos`, {
      method: 'POST',
      headers: {
        'tus-resumable': '1.0.0',
        cookie: other.cookie,
        'upload-defer-length': '1',
        'upload-metadata': `filename ${Buffer.from('a.mp4').toString('base64')}`,
      },
    });
    expect(deferred.status).toBe(400);
    expect(JSON.parse(await deferred.text()).error.code).toBe('upload_length_required');

    // A new day, a new budget.
    t.advance(86_400);
    expect((await tusCreate(baseUrl, cookie, 10 * MB, meta)).status).toBe(201);
  });
});
