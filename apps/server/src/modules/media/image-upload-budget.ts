import type { Db } from '../../db/database.js';
import { tooManyRequests } from '../../lib/errors.js';
import { imageUploadsSince } from './images-queries.js';

export interface ImageUploadLimits {
  perHour: number;
  perDay: number;
}

const WINDOWS = [
  { seconds: 3600, limit: (limits: ImageUploadLimits) => limits.perHour, label: 'an hour' },
  { seconds: 86_400, limit: (limits: ImageUploadLimits) => limits.perDay, label: 'a day' },
] as const;

/**
 * Every image upload costs a decode and three encodes; a script with one
 * account could keep the CPU busy and fill the disk. The limit counts the
 * person's stored images in the last hour and day (sliding windows, in the
 * database, so it holds across restarts and instances) and is checked before
 * the file is read. Two uploads racing past the edge can both pass: a limit
 * off by one or two is fine for its purpose.
 */
export async function checkImageUploadBudget(db: Db, ownerId: string, limits: ImageUploadLimits, now: Date): Promise<void> {
  for (const window of WINDOWS) {
    const limit = window.limit(limits);
    const { count, oldest } = await imageUploadsSince(db, ownerId, new Date(now.getTime() - window.seconds * 1000));
    if (count < limit) continue;
    // The window frees a slot when its oldest upload falls out of it.
    const freesAt = (oldest ?? now).getTime() + window.seconds * 1000;
    const retryAfter = Math.max(1, Math.ceil((freesAt - now.getTime()) / 1000));
    throw tooManyRequests('image_upload_limit', `You can upload up to ${limit} images in ${window.label}. Try again later.`, retryAfter);
  }
}
