import { encode as encodeBlurhash } from 'blurhash';
import sharp from 'sharp';

export interface EncodedFrame {
  data: Buffer;
  width: number;
  height: number;
  placeholder: string;
  color: string;
}

const hex = (n: number) => n.toString(16).padStart(2, '0');

/** A PNG still from ffmpeg as a WebP with its blurhash and dominant colour, like an uploaded image's. */
export async function encodeFrame(png: Buffer): Promise<EncodedFrame> {
  const out = await sharp(png).resize({ width: 720, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
  const tiny = await sharp(png).resize(32, 32, { fit: 'inside' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const placeholder = encodeBlurhash(new Uint8ClampedArray(tiny.data), tiny.info.width, tiny.info.height, 4, 3);
  const { dominant } = await sharp(png).stats();
  return { data: out.data, width: out.info.width, height: out.info.height, placeholder, color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}` };
}
