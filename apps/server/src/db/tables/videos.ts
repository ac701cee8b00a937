import type { ColumnType, Selectable } from 'kysely';

export type VideoStatus = 'processing' | 'ready' | 'failed';

/** A still taken from the video (poster or preview), stored as WebP. */
export interface VideoFrame {
  key: string;
  width: number;
  height: number;
  /** blurhash */
  placeholder: string;
  color: string;
}

export interface VideoRendition {
  /** The shorter side: 480, 720, 1080 (a portrait 720p is 720 wide). */
  label: number;
  width: number;
  height: number;
  key: string;
  bytes: number;
}

type Json<T> = ColumnType<T, string | undefined, string>;

export interface VideosTable {
  /** The tus upload id. */
  id: string;
  owner_id: string;
  note_id: string | null;
  status: VideoStatus;
  progress: ColumnType<number, number | undefined, number>;
  error_code: string | null;
  error_message: string | null;
  source_name: string;
  source_bytes: ColumnType<string, number | string, number | string>;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  poster: ColumnType<VideoFrame | null, string | null | undefined, string | null>;
  previews: Json<VideoFrame[]>;
  renditions: Json<VideoRendition[]>;
  hls_key: string | null;
  /** Which preview frame is the cover (0-4); null: the poster. */
  cover_frame: number | null;
  created_at: ColumnType<Date, Date, never>;
  updated_at: Date;
}

export type VideoRow = Selectable<VideosTable>;
