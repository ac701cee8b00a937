import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type TestUser } from '../../../test/fixtures.js';
import { photoWithExif, uploadImage } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let ann: TestUser;
let bob: TestUser;
let photo: Buffer;
beforeAll(async () => {
  t = await createTestApp({ env: { IMAGE_UPLOADS_PER_HOUR: '3', IMAGE_UPLOADS_PER_DAY: '5' } });
  ann = await signUp(t, 'many_photos');
  bob = await signUp(t, 'few_photos');
  photo = await photoWithExif(200, 150);
});
afterAll(() => t.close());

const imagesOf = async (userId: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('images')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('owner_id', '=', userId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('image upload limit per person', () => {
  it('refuses the upload past the hourly limit with 429 and Retry-After, storing nothing', async () => {
    for (let i = 0; i < 3; i += 1) expect((await uploadImage(t, ann.cookie, photo)).statusCode).toBe(201);
    t.advance(600);
    const refused = await uploadImage(t, ann.cookie, photo);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('image_upload_limit');
    // The first upload leaves the hour 50 minutes from now.
    expect(Number(refused.headers['retry-after'])).toBe(3000);
    expect(await imagesOf(ann.id)).toBe(3);
    // Another person is not affected.
    expect((await uploadImage(t, bob.cookie, photo)).statusCode).toBe(201);
  });

  it('lets uploads through again as the hour slides, until the daily limit', async () => {
    t.advance(3001);
    expect((await uploadImage(t, ann.cookie, photo)).statusCode).toBe(201);
    expect((await uploadImage(t, ann.cookie, photo)).statusCode).toBe(201);
    t.advance(3600);
    const refused = await uploadImage(t, ann.cookie, photo);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.message).toContain('a day');
    expect(await imagesOf(ann.id)).toBe(5);
    t.advance(86_400);
    expect((await uploadImage(t, ann.cookie, photo)).statusCode).toBe(201);
  });
});
