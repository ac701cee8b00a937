import type { Db } from '../../db/database.js';
import type { VideoFrame, VideoRendition, VideoRow } from '../../db/tables/videos.js';

export function insertVideo(db: Db, input: { id: string; ownerId: string; sourceName: string; sourceBytes: number; now: Date }) {
  return (
    db
      .insertInto('videos')
      .values({
        id: input.id,
        owner_id: input.ownerId,
        status: 'processing',
        source_name: input.sourceName,
        source_bytes: input.sourceBytes,
        created_at: input.now,
        updated_at: input.now,
      })
      // A finished upload reported twice (a retried PATCH) makes one video.
      .onConflict((oc) => oc.column('id').doNothing())
      .returningAll()
      .executeTakeFirst()
  );
}

export function findVideo(db: Db, id: string): Promise<VideoRow | undefined> {
  return db.selectFrom('videos').selectAll().where('id', '=', id).executeTakeFirst();
}

export function lockVideo(db: Db, id: string): Promise<VideoRow | undefined> {
  return db.selectFrom('videos').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function videosOfNotes(db: Db, noteIds: readonly string[]): Promise<Map<string, VideoRow>> {
  if (noteIds.length === 0) return new Map();
  const rows = await db.selectFrom('videos').selectAll().where('note_id', 'in', noteIds).execute();
  return new Map(rows.map((row) => [row.note_id!, row]));
}

export async function attachVideo(db: Db, input: { videoId: string; noteId: string; coverFrame: number | null; now: Date }): Promise<void> {
  await db.updateTable('videos').set({ note_id: input.noteId, cover_frame: input.coverFrame, updated_at: input.now }).where('id', '=', input.videoId).execute();
}

/** Only while processing: a late progress report never turns a finished video back. */
export async function setVideoProgress(db: Db, id: string, progress: number, now: Date): Promise<void> {
  await db.updateTable('videos').set({ progress, updated_at: now }).where('id', '=', id).where('status', '=', 'processing').execute();
}

export async function markVideoReady(
  db: Db,
  id: string,
  output: {
    durationMs: number;
    width: number;
    height: number;
    poster: VideoFrame;
    previews: VideoFrame[];
    renditions: VideoRendition[];
    hlsKey: string;
    now: Date;
  },
): Promise<void> {
  await db
    .updateTable('videos')
    .set({
      status: 'ready',
      progress: 1,
      error_code: null,
      error_message: null,
      duration_ms: output.durationMs,
      width: output.width,
      height: output.height,
      poster: JSON.stringify(output.poster),
      previews: JSON.stringify(output.previews),
      renditions: JSON.stringify(output.renditions),
      hls_key: output.hlsKey,
      updated_at: output.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function markVideoFailed(db: Db, id: string, error: { code: string; message: string }, now: Date): Promise<void> {
  await db
    .updateTable('videos')
    .set({ status: 'failed', error_code: error.code, error_message: error.message, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'processing')
    .execute();
}

/**
 * Videos still processing long after any attempt could have run (the last
 * attempt's worker died): failed, so no note waits forever.
 */
export async function failStuckVideos(db: Db, olderThan: Date, now: Date): Promise<number> {
  const result = await db
    .updateTable('videos')
    .set({ status: 'failed', error_code: 'video_processing_timeout', error_message: 'Processing this video took too long. Upload it again.', updated_at: now })
    .where('status', '=', 'processing')
    .where('updated_at', '<', olderThan)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
