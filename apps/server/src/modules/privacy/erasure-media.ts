import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { VideoFrame, VideoRendition } from '../../db/tables/videos.js';
import type { MediaStorage } from '../media/media-storage.js';

// Every media file a person uploaded: image variants, and for videos every
// rendition, the HLS playlists with each segment they name, the poster and the
// preview frames, plus an unfinished upload's source. Deleted through
// MediaStorage, so local disk and S3 alike lose them.

/** Segment file names an HLS playlist names (lines that are not tags). */
export function playlistEntries(playlist: string): string[] {
  return playlist
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** The keys of one video's files; playlists are read to find their segments. */
export async function videoKeys(
  storage: MediaStorage,
  video: { hls_key: string | null; renditions: VideoRendition[]; poster: VideoFrame | null; previews: VideoFrame[] },
): Promise<string[]> {
  const keys = new Set<string>();
  for (const rendition of video.renditions) keys.add(rendition.key);
  if (video.poster) keys.add(video.poster.key);
  for (const frame of video.previews) keys.add(frame.key);
  if (video.hls_key) {
    keys.add(video.hls_key);
    const base = video.hls_key.slice(0, video.hls_key.lastIndexOf('/') + 1);
    const master = await storage.get(video.hls_key).catch(() => null);
    for (const variant of master ? playlistEntries(master.toString('utf8')) : []) {
      const variantKey = path.posix.normalize(base + variant);
      if (!variantKey.startsWith(base)) continue;
      keys.add(variantKey);
      const variantBase = variantKey.slice(0, variantKey.lastIndexOf('/') + 1);
      const playlist = await storage.get(variantKey).catch(() => null);
      for (const segment of playlist ? playlistEntries(playlist.toString('utf8')) : []) {
        const segmentKey = path.posix.normalize(variantBase + segment);
        if (segmentKey.startsWith(base)) keys.add(segmentKey);
      }
    }
  }
  return [...keys];
}

/** Deletes the person's media files; returns how many keys went. Rows are the caller's. */
export async function eraseMediaFiles(db: Db, storage: MediaStorage, uploadsDir: string, userId: string): Promise<number> {
  const [images, videos] = await Promise.all([
    db.selectFrom('images').select(['variants']).where('owner_id', '=', userId).execute(),
    db.selectFrom('videos').select(['id', 'hls_key', 'renditions', 'poster', 'previews']).where('owner_id', '=', userId).execute(),
  ]);
  const keys = images.flatMap((image) => image.variants.map((variant) => variant.key));
  for (const video of videos) {
    keys.push(...(await videoKeys(storage, video)));
    // A video still uploading or processing: its source file and tus metadata.
    await Promise.all([fsp.rm(path.join(uploadsDir, video.id), { force: true }), fsp.rm(path.join(uploadsDir, `${video.id}.json`), { force: true })]);
  }
  for (let i = 0; i < keys.length; i += 500) await storage.delete(keys.slice(i, i + 500));
  return keys.length;
}
