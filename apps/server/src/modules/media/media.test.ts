import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { photoWithExif, uploadImage } from '../../../test/media-fixtures.js';
import { createTestApp, signIn, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ cookie } = await signIn(t, '+14155552671', { handle: 'ann', displayName: 'Ann' }));
});
afterAll(() => t.close());

describe('image upload', () => {
  it('turns a JPEG upright, strips its metadata, writes WebP variants and a placeholder', async () => {
    const response = await uploadImage(t, cookie, await photoWithExif(1600, 1200), { alt: 'A red square' });
    expect(response.statusCode).toBe(201);
    const { image } = response.json();
    // Orientation 6 means the camera was turned: the stored image is 1200 wide, 1600 high.
    expect(image).toMatchObject({ width: 1200, height: 1600, alt: 'A red square' });
    expect(image.placeholder).toMatch(/^[0-9A-Za-z#$%*+,-.:;=?@[\]^_{|}~]{20,}$/);
    expect(image.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(image.variants.map((v: { width: number }) => v.width)).toEqual([360, 720, 1200]);

    for (const variant of image.variants) {
      const file = await t.app.inject({ url: variant.url });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('image/webp');
      expect(file.headers['cache-control']).toContain('immutable');
      const meta = await sharp(file.rawPayload).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(file.rawPayload.includes(Buffer.from('SecretCam'))).toBe(false);
    }
  });

  it('accepts PNG, WebP and AVIF', async () => {
    const base = sharp({ create: { width: 300, height: 200, channels: 4, background: '#00000080' } });
    for (const [type, data] of [
      ['image/png', await base.clone().png().toBuffer()],
      ['image/webp', await base.clone().webp().toBuffer()],
      ['image/avif', await base.clone().avif().toBuffer()],
    ] as const) {
      const response = await uploadImage(t, cookie, data, { type, name: `x.${type.split('/')[1]}` });
      expect(response.statusCode, type).toBe(201);
      expect(response.json().image.variants).toHaveLength(1);
    }
  });

  it('refuses a text file, a truncated JPEG, a GIF and an oversized file, writing nothing', async () => {
    const filesBefore = countFiles(t.config.media.dir);
    const rowsBefore = (await t.database.db.selectFrom('images').select('id').execute()).length;
    const jpeg = await photoWithExif(800, 600);
    const cases: Array<[Buffer, number, string]> = [
      [Buffer.from('just some text, renamed to .jpg'), 400, 'image_invalid'],
      [jpeg.subarray(0, Math.floor(jpeg.length / 3)), 400, 'image_invalid'],
      [
        await sharp({ create: { width: 10, height: 10, channels: 3, background: '#fff' } })
          .gif()
          .toBuffer(),
        415,
        'image_type_unsupported',
      ],
      [Buffer.alloc(21 * 1024 * 1024, 1), 413, 'image_too_large'],
    ];
    for (const [data, status, code] of cases) {
      const response = await uploadImage(t, cookie, data);
      expect(response.statusCode, code).toBe(status);
      expect(response.json().error.code).toBe(code);
    }
    expect(countFiles(t.config.media.dir)).toBe(filesBefore);
    expect((await t.database.db.selectFrom('images').select('id').execute()).length).toBe(rowsBefore);
  });

  it('refuses a pixel bomb before decoding it (regression: an 8944×8944 PNG took seconds of a core each)', async () => {
    const bomb = await sharp({ create: { width: 8944, height: 8944, channels: 3, background: '#000' } })
      .greyscale()
      .png({ compressionLevel: 9 })
      .toBuffer();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const started = Date.now();
    const response = await uploadImage(t, cookie, bomb, { name: 'zeros.png', type: 'image/png' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('image_too_many_pixels');
    // Refused from the header alone: far quicker than one full decode.
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('needs a session and a multipart body', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/media/images', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    const json = await t.app.inject({ method: 'POST', url: '/api/media/images', payload: { file: 'x' }, headers: { cookie } });
    expect(json.statusCode).toBe(415);
  });

  it('removes uploads no note used within a day', async () => {
    const response = await uploadImage(t, cookie);
    const image = response.json().image;
    t.advance(25 * 3600);
    const removed = await t.app.content.images.removeAbandoned(t.now);
    expect(removed).toBeGreaterThan(0);
    expect((await t.app.inject({ url: image.url })).statusCode).toBe(404);
  });
});

function countFiles(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  return fs.readdirSync(dir, { recursive: true }).filter((entry) => fs.statSync(path.join(dir, String(entry))).isFile()).length;
}
