import { encode as encodeBlurhash } from 'blurhash';
import sharp from 'sharp';
import { AppError, badRequest } from '../../lib/errors.js';

// Every uploaded image is decoded, turned upright (EXIF orientation), and
// re-encoded as WebP without any metadata: EXIF and GPS never reach another user.

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif']);
const VARIANT_WIDTHS = [360, 720, 1440];
// A few hundred KB of PNG can declare a huge bitmap (a pixel bomb): refuse more pixels than
// the largest phone cameras take (48 MP) before decoding anything.
const MAX_PIXELS = 50_000_000;
/** Images decoded at once in this process: each can take a core and hundreds of MB. */
const MAX_CONCURRENT = 2;

export interface ProcessedVariant {
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  width: number;
  height: number;
  variants: ProcessedVariant[];
  placeholder: string;
  dominantColor: string;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

let running = 0;
const waiting: Array<() => void> = [];

/** At most MAX_CONCURRENT images are decoded at once; the others wait their turn. */
async function withImageSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

export async function processImage(input: Buffer): Promise<ProcessedImage> {
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(input).metadata();
  } catch {
    throw badRequest('image_invalid', 'This file is not an image we can read.');
  }
  if (!metadata.format || !ACCEPTED_FORMATS.has(metadata.format)) {
    throw new AppError(415, 'image_type_unsupported', 'Use a JPEG, PNG, WebP, AVIF or HEIC image.');
  }
  if ((metadata.width ?? 0) * (metadata.height ?? 0) > MAX_PIXELS) {
    throw badRequest('image_too_many_pixels', `Images can be at most ${MAX_PIXELS / 1_000_000} megapixels.`);
  }
  return withImageSlot(() => decodeOnce(input, metadata));
}

/**
 * One decode of the upload, straight to the largest variant's size (JPEG and
 * WebP shrink while decoding), kept raw; every variant, the placeholder and the
 * colour come from that bitmap instead of decoding the original again.
 */
async function decodeOnce(input: Buffer, metadata: sharp.Metadata): Promise<ProcessedImage> {
  try {
    // Orientations 5–8 turn the picture a quarter: width and height swap once upright.
    const turned = (metadata.orientation ?? 1) >= 5;
    const width = turned ? metadata.height! : metadata.width!;
    const height = turned ? metadata.width! : metadata.height!;
    const largest = VARIANT_WIDTHS.at(-1)!;
    // rotate() with no angle applies the EXIF orientation; raw output carries no metadata.
    const base = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error', sequentialRead: true })
      .rotate()
      .resize({ width: Math.min(width, largest), withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } };
    const from = () => sharp(base.data, raw);
    const widths = VARIANT_WIDTHS.filter((w) => w < width);
    if (widths.length < VARIANT_WIDTHS.length) widths.push(Math.min(width, largest));
    const variants: ProcessedVariant[] = [];
    for (const targetWidth of widths) {
      const out = await from().resize({ width: targetWidth, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
      variants.push({ width: out.info.width, height: out.info.height, data: out.data });
    }
    const tiny = await from().resize(32, 32, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const placeholder = encodeBlurhash(new Uint8ClampedArray(tiny.data), tiny.info.width, tiny.info.height, 4, 3);
    const { dominant } = await from().stats();
    return { width, height, variants, placeholder, dominantColor: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badRequest('image_invalid', 'This image is damaged or incomplete.');
  }
}
