import { Type } from 'typebox';
import type { VideoFrame, VideoRow } from '../../db/tables/videos.js';
import type { MediaStorage } from '../media/media-storage.js';

const Status = Type.Union([Type.Literal('processing'), Type.Literal('ready'), Type.Literal('failed')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

/** What anyone who can see the note sees of its video. */
export const VideoViewSchema = Type.Object({
  id: Type.String(),
  status: Status,
  durationMs: Nullable(Type.Integer()),
  width: Nullable(Type.Integer()),
  height: Nullable(Type.Integer()),
  posterUrl: Nullable(Type.String()),
  hlsUrl: Nullable(Type.String({ description: 'HLS master playlist' })),
  renditions: Type.Array(Type.Object({ height: Type.Integer({ description: 'the shorter side: 480, 720, 1080' }), url: Type.String() })),
});

/** The owner's view: processing progress, the failure reason, and the frames to pick a cover from. */
export const OwnVideoViewSchema = Type.Object({
  ...VideoViewSchema.properties,
  progress: Type.Number({ minimum: 0, maximum: 1 }),
  error: Nullable(Type.Object({ code: Type.String(), message: Type.String() })),
  previewUrls: Type.Array(Type.String()),
});

export function presentVideo(row: VideoRow, storage: MediaStorage) {
  const ready = row.status === 'ready';
  return {
    id: row.id,
    status: row.status,
    durationMs: row.duration_ms,
    width: row.width,
    height: row.height,
    posterUrl: ready && row.poster ? storage.url(row.poster.key) : null,
    hlsUrl: ready && row.hls_key ? storage.url(row.hls_key) : null,
    renditions: ready ? row.renditions.map((rendition) => ({ height: rendition.label, url: storage.url(rendition.key) })) : [],
  };
}

export function presentOwnVideo(row: VideoRow, storage: MediaStorage) {
  return {
    ...presentVideo(row, storage),
    progress: row.progress,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    previewUrls: row.status === 'ready' ? row.previews.map((frame) => storage.url(frame.key)) : [],
  };
}

/** The chosen frame of a ready video, shaped like an uploaded image so grids show video notes unchanged. */
export function videoCover(row: VideoRow, storage: MediaStorage) {
  if (row.status !== 'ready' || !row.poster) return null;
  const frame: VideoFrame = (row.cover_frame !== null ? row.previews[row.cover_frame] : undefined) ?? row.poster;
  const url = storage.url(frame.key);
  return {
    id: row.id,
    width: frame.width,
    height: frame.height,
    placeholder: frame.placeholder,
    color: frame.color,
    alt: '',
    url,
    variants: [{ width: frame.width, height: frame.height, url }],
  };
}
