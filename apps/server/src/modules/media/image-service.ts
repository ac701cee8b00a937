import { imageDHash, isInformativeDHash } from '../../lib/image-dhash.js';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database.js';
import type { ImageRow } from '../../db/tables/images.js';
import { AppError } from '../../lib/errors.js';
import { processImage } from './image-processing.js';
import { deleteImages, insertImage, unattachedImagesBefore } from './images-queries.js';
import type { MediaStorage } from './media-storage.js';

// Uploads that no note used within a day are removed (a composer abandoned half-way).
const UNATTACHED_TTL_MS = 24 * 60 * 60 * 1000;

export class ImageService {
  constructor(
    private readonly db: Db,
    private readonly storage: MediaStorage,
    /** After an image is stored (moderation queues its screening); its failure never fails the upload. */
    private readonly afterUpload: (imageId: string) => Promise<void> = async () => {},
  ) {}

  async upload(ownerId: string, data: Buffer, alt: string, now: Date): Promise<ImageRow> {
    const processed = await processImage(data);
    const month = now.toISOString().slice(0, 7).replace('-', '/');
    const prefix = `images/${month}/${randomUUID()}`;
    const variants = processed.variants.map((variant) => ({
      width: variant.width,
      height: variant.height,
      key: `${prefix}-${variant.width}.webp`,
      bytes: variant.data.length,
    }));
    try {
      await Promise.all(processed.variants.map((variant, i) => this.storage.put(variants[i]!.key, variant.data, 'image/webp')));
    } catch (error) {
      await this.storage.delete(variants.map((variant) => variant.key)).catch(() => {});
      throw new AppError(503, 'storage_unavailable', 'We could not store the image right now. Try again in a moment.', { cause: error });
    }
    let row: ImageRow;
    try {
      row = await insertImage(this.db, {
        ownerId,
        prefix,
        width: processed.width,
        height: processed.height,
        variants,
        placeholder: processed.placeholder,
        color: processed.dominantColor,
        alt: alt.trim().slice(0, 300),
        dhash: await imageDHash(data)
          .then((hash) => (isInformativeDHash(hash) ? hash : null))
          .catch(() => null),
        now,
      });
    } catch (error) {
      await this.storage.delete(variants.map((variant) => variant.key));
      throw error;
    }
    await this.afterUpload(row.id).catch(() => {});
    return row;
  }

  async removeAbandoned(now: Date): Promise<number> {
    const rows = await unattachedImagesBefore(this.db, new Date(now.getTime() - UNATTACHED_TTL_MS), 500);
    await this.storage.delete(rows.flatMap((row) => row.variants.map((variant) => variant.key)));
    await deleteImages(
      this.db,
      rows.map((row) => row.id),
    );
    return rows.length;
  }
}
