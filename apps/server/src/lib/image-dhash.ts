import sharp from 'sharp';

// A perceptual fingerprint for images, to catch the same spam picture uploaded
// again resized or recompressed: the difference hash (dHash) of a 9x8 greyscale
// thumbnail, one bit per horizontally adjacent pixel pair (brighter left = 1).

/** Images whose dHashes differ in at most this many of 64 bits are treated as copies. */
export const IMAGE_NEAR_DUPLICATE_MAX_DISTANCE = 6;

export async function imageDHash(image: Buffer): Promise<bigint> {
  // Two steps: straight to 9x8 aliases fine detail differently at each source size,
  // so a resized copy would drift; a 64x64 intermediate averages it away first.
  const small = await sharp(image)
    .rotate()
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(64, 64, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const { data, info } = await sharp(small.data, { raw: { width: small.info.width, height: small.info.height, channels: small.info.channels } })
    .resize(9, 8, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const channels = info.channels;
  let hash = 0n;
  for (let y = 0; y < 8; y += 1) {
    for (let x = 0; x < 8; x += 1) {
      const left = data[(y * 9 + x) * channels]!;
      const right = data[(y * 9 + x + 1) * channels]!;
      hash = (hash << 1n) | (left > right ? 1n : 0n);
    }
  }
  return hash;
}

/**
 * Whether a hash says anything about the picture: a flat or nearly flat image
 * (one colour, a plain gradient) hashes to almost all zeros or all ones, and
 * every such image would look like a copy of every other.
 */
export function isInformativeDHash(hash: bigint): boolean {
  let bits = 0;
  for (let rest = hash; rest !== 0n; rest &= rest - 1n) bits += 1;
  return bits > 4 && bits < 60;
}
