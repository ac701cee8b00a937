import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { hammingDistance } from '../modules/moderation/screening/simhash.js';
import { IMAGE_NEAR_DUPLICATE_MAX_DISTANCE, imageDHash } from './image-dhash.js';

// Test images are drawn here, pixel by pixel, so nothing is downloaded.
function picture(width: number, height: number, shade: (x: number, y: number) => number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const value = Math.max(0, Math.min(255, Math.round(shade(x / width, y / height))));
      pixels.set([value, Math.round(200 - value / 2), 255 - value], (y * width + x) * 3);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

// Photo-like: regions of different brightness with some texture on top.
function regions(seed: number) {
  let state = seed;
  const random = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const grid = Array.from({ length: 30 }, () => random() * 255);
  return (x: number, y: number) => grid[Math.floor(y * 5) * 6 + Math.floor(x * 6)]! * 0.8 + 30 * Math.sin(40 * x) * Math.sin(30 * y);
}
const rings = (x: number, y: number) => 128 + 100 * Math.sin(12 * Math.hypot(x - 0.4, y - 0.6));

describe('imageDHash', () => {
  it('keeps a resized, recompressed copy within a few bits', async () => {
    for (const shade of [regions(7), rings]) {
      const original = await picture(320, 240, shade);
      const hash = await imageDHash(original);
      const smaller = await sharp(original).resize(160, 120).jpeg({ quality: 55 }).toBuffer();
      const larger = await sharp(original).resize(800, 600).webp({ quality: 70 }).toBuffer();
      expect(hammingDistance(hash, await imageDHash(smaller))).toBeLessThanOrEqual(IMAGE_NEAR_DUPLICATE_MAX_DISTANCE);
      expect(hammingDistance(hash, await imageDHash(larger))).toBeLessThanOrEqual(IMAGE_NEAR_DUPLICATE_MAX_DISTANCE);
    }
  });

  it('tells a different image apart', async () => {
    const a = await imageDHash(await picture(320, 240, regions(7)));
    const b = await imageDHash(await picture(320, 240, regions(99)));
    const c = await imageDHash(await picture(320, 240, rings));
    expect(hammingDistance(a, b)).toBeGreaterThan(IMAGE_NEAR_DUPLICATE_MAX_DISTANCE * 2);
    expect(hammingDistance(a, c)).toBeGreaterThan(IMAGE_NEAR_DUPLICATE_MAX_DISTANCE * 2);
  });

  it('handles transparency and returns a 64-bit value', async () => {
    const transparent = await sharp({ create: { width: 50, height: 40, channels: 4, background: { r: 10, g: 200, b: 30, alpha: 0.5 } } })
      .png()
      .toBuffer();
    const hash = await imageDHash(transparent);
    expect(hash).toBeGreaterThanOrEqual(0n);
    expect(hash).toBeLessThan(1n << 64n);
  });

  it('rejects bytes that are not an image', async () => {
    await expect(imageDHash(Buffer.from('not an image'))).rejects.toThrow();
  });
});
