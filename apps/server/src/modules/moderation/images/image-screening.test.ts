import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, policyEnv, setUserFields, signUp, TEST_POLICY } from '../../../../test/fixtures.js';
import { startFakeGoogleVision, type FakeVision } from '../../../../test/fakes/fake-google-vision.js';
import { photoWithExif, uploadImage } from '../../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';

// Images are classified by the screen-image job through the real Cloud Vision
// adapter, against a stand-in speaking its wire format over HTTP; labels reach
// the note whether the note is posted before or after the job ran.

let t: TestApp;
let vision: FakeVision;
const call = apiCaller(() => t);

beforeAll(async () => {
  vision = await startFakeGoogleVision({ apiKey: 'vision-key' });
  t = await createTestApp({
    env: { ...policyEnv(TEST_POLICY), MODERATION_IMAGE_CLASSIFIER: 'google-vision', GOOGLE_VISION_API_KEY: 'vision-key', GOOGLE_VISION_API_URL: vision.url },
  });
});
afterAll(async () => {
  await t.close();
  await vision.close();
});

async function upload(who: { cookie: string }, color: string): Promise<string> {
  const response = await uploadImage(t, who.cookie, await photoWithExif(800, 600, color));
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().image.id;
}

describe('image screening', () => {
  it('labels a note from its images, before or after the note is posted', async () => {
    const author = await signUp(t, 'is_author');
    const minor = await signUp(t, 'is_minor');
    const adult = await signUp(t, 'is_adult');
    await setUserFields(t.database.db, adult.id, { birth_date: '1990-01-01' });

    // Screened first, then posted: the content gate copies the image's labels.
    const orange = await upload(author, '#f0a070');
    expect(await t.app.moderation.images.screen(orange, t.now)).toEqual(['nudity']);
    const first = (await call('POST', '/api/notes', author, { title: 'beach', body: '', imageIds: [orange] })).json();
    expect((await call('GET', `/api/notes/${first.id}`, minor)).statusCode).toBe(404);
    expect((await call('GET', `/api/notes/${first.id}`, adult)).statusCode).toBe(200);

    // Posted first, then screened: the job labels the note.
    const red = await upload(author, '#d02020');
    const second = (await call('POST', '/api/notes', author, { title: 'film set', body: '', imageIds: [red] })).json();
    expect((await call('GET', `/api/notes/${second.id}`, minor)).json().warnings).toBeUndefined();
    expect(await t.app.moderation.images.screen(red, t.now)).toEqual(['graphic-violence']);
    expect((await call('GET', `/api/notes/${second.id}`, minor)).json().warnings).toEqual(['graphic-violence']);
    const statements = (await call('GET', '/api/me/statements', author)).json().items;
    expect(statements.map((s: { label: string; automatedDecision: boolean }) => [s.label, s.automatedDecision])).toEqual([
      ['graphic-violence', true],
      ['nudity', true],
    ]);

    // A harmless image changes nothing, and a retried job does not call the classifier again.
    const green = await upload(author, '#22aa66');
    expect(await t.app.moderation.images.screen(green, t.now)).toEqual([]);
    const calls = vision.calls;
    await t.app.moderation.images.screen(green, t.now);
    expect(vision.calls).toBe(calls);
  });

  it('queues a screen-image job with every upload', async () => {
    const author = await signUp(t, 'is_queue');
    const id = await upload(author, '#3366cc');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job where name = 'screen-image' and data->>'imageId' = ${id}`.execute(
      t.database.db,
    );
    expect(rows[0]!.n).toBe(1);
  });
});
