import { encode as encodeBlurhash } from 'blurhash';
import sharp from 'sharp';
import { AppError, badRequest } from '../../lib/errors.js';

// Every uploaded image is decoded, turned upright (EXIF orientation), and
// re-encoded as WebP without any metadata: EXIF and GPS never reach another user.

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'heif']);
const VARIANT_WIDTHS = [360, 720, 1440];
// A 20 MB file can still decode to a huge bitmap; cap the pixels we agree to decode.
const MAX_PIXELS = 80_000_000;

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

export async function processImage(input: Buffer): Promise<ProcessedImage> {
  let format: string | undefined;
  try {
    format = (await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata()).format;
  } catch {
    throw badRequest('image_invalid', 'This file is not an image we can read.');
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new AppError(415, 'image_type_unsupported', 'Use a JPEG, PNG, WebP, AVIF or HEIC image.');
  }
  try {
    // rotate() with no angle applies the EXIF orientation; output carries no metadata.
    const upright = await sharp(input, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate().toBuffer({ resolveWithObject: true });
    const { width, height } = upright.info;
    const widths = VARIANT_WIDTHS.filter((w) => w < width);
    if (widths.length < VARIANT_WIDTHS.length) widths.push(Math.min(width, VARIANT_WIDTHS.at(-1)!));
    const variants = await Promise.all(
      widths.map(async (targetWidth) => {
        const out = await sharp(upright.data)
          .resize({ width: targetWidth, withoutEnlargement: true })
          .webp({ quality: 80 })
          .toBuffer({ resolveWithObject: true });
        return { width: out.info.width, height: out.info.height, data: out.data };
      }),
    );
    const tiny = await sharp(upright.data).resize(32, 32, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const placeholder = encodeBlurhash(new Uint8ClampedArray(tiny.data), tiny.info.width, tiny.info.height, 4, 3);
    const { dominant } = await sharp(upright.data).stats();
    return { width, height, variants, placeholder, dominantColor: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw badRequest('image_invalid', 'This image is damaged or incomplete.');
  }
}
