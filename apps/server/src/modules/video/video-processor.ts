import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../db/database.js';
import type { VideoFrame } from '../../db/tables/videos.js';
import type { JobContext } from '../jobs/jobs.js';
import type { MediaStorage } from '../media/media-storage.js';
import type { FfmpegTools } from './ffmpeg-tools.js';
import { VideoRejected } from './video-errors.js';
import { encodeFrame } from './video-frames.js';
import { probeVideo } from './video-probe.js';
import { transcodeVideo } from './video-transcode.js';
import { findVideo, markVideoFailed, markVideoReady, setVideoProgress } from './videos-queries.js';

export interface VideoProcessorDeps {
  db: Db;
  storage: MediaStorage;
  tools: FfmpegTools;
  /** Where tus keeps finished uploads (the source files). */
  uploadsDir: string;
  /** Scratch space for ffmpeg's outputs. */
  workDir: string;
  threads: number;
  maxDurationSeconds: number;
  clock: () => Date;
}

const CONTENT_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m3u8': 'application/vnd.apple.mpegurl',
  '.ts': 'video/mp2t',
  '.webp': 'image/webp',
};

export const videoKey = (videoId: string, name: string) => `videos/${videoId}/${name}`;

/**
 * The `transcode-video` job. Idempotent: outputs overwrite their keys and the
 * row changes only at the end, so a run cut short by a crash is simply run again.
 */
export class VideoProcessor {
  constructor(private readonly deps: VideoProcessorDeps) {}

  sourceFile(videoId: string): string {
    return path.join(this.deps.uploadsDir, videoId);
  }

  async run(videoId: string, context: Pick<JobContext, 'lastAttempt'>, signal?: AbortSignal): Promise<void> {
    const { db, clock } = this.deps;
    const video = await findVideo(db, videoId);
    // Already finished by an earlier run (or gone): nothing to redo.
    if (video?.status !== 'processing') return;
    // Per run: a re-delivered job may overlap a slow first run of the same video.
    const workDir = path.join(this.deps.workDir, `${videoId}-${randomUUID().slice(0, 8)}`);
    const progress = new ProgressWriter((fraction) => setVideoProgress(db, videoId, fraction, clock()));
    try {
      await this.process(videoId, workDir, progress, signal);
      await this.removeSource(videoId);
    } catch (error) {
      if (error instanceof VideoRejected) {
        await markVideoFailed(db, videoId, { code: error.code, message: error.message }, clock());
        await this.removeSource(videoId);
        return;
      }
      if (context.lastAttempt) {
        await markVideoFailed(db, videoId, { code: 'video_processing_failed', message: 'We could not process this video. Try uploading it again.' }, clock());
        await this.removeSource(videoId);
      }
      throw error;
    } finally {
      await progress.flush();
      await fs.rm(workDir, { recursive: true, force: true, maxRetries: 3 });
    }
  }

  private async process(videoId: string, workDir: string, progress: ProgressWriter, signal?: AbortSignal): Promise<void> {
    const { tools, storage } = this.deps;
    const source = this.sourceFile(videoId);
    try {
      await fs.access(source);
    } catch {
      throw new VideoRejected('video_source_missing', 'The uploaded file is gone. Upload the video again.');
    }
    const probe = await probeVideo(tools, source, this.deps.maxDurationSeconds);
    const output = await transcodeVideo({ tools, source, probe, workDir, threads: this.deps.threads, onProgress: (f) => progress.report(f), signal });

    const put = async (key: string, file: string) => storage.put(key, await fs.readFile(file), CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
    const renditions = [];
    for (const rendition of output.renditions) {
      const key = videoKey(videoId, `${rendition.label}.mp4`);
      await put(key, rendition.file);
      renditions.push({ label: rendition.label, width: rendition.width, height: rendition.height, key, bytes: rendition.bytes });
    }
    for (const rendition of output.renditions) {
      const dir = path.join(output.hlsDir, String(rendition.label));
      for (const name of await fs.readdir(dir)) await put(videoKey(videoId, `hls/${rendition.label}/${name}`), path.join(dir, name));
    }
    // The master goes last: once it exists, every playlist it names does too.
    const hlsKey = videoKey(videoId, 'hls/master.m3u8');
    await put(hlsKey, path.join(output.hlsDir, 'master.m3u8'));

    const storeFrame = async (png: Buffer, name: string): Promise<VideoFrame> => {
      const frame = await encodeFrame(png);
      const key = videoKey(videoId, name);
      await storage.put(key, frame.data, 'image/webp');
      return { key, width: frame.width, height: frame.height, placeholder: frame.placeholder, color: frame.color };
    };
    const poster = await storeFrame(output.poster, 'poster.webp');
    const previews: VideoFrame[] = [];
    for (const [i, png] of output.previews.entries()) previews.push(await storeFrame(png, `preview-${i}.webp`));

    await progress.flush();
    await markVideoReady(this.deps.db, videoId, {
      durationMs: Math.round(probe.durationSeconds * 1000),
      width: probe.width,
      height: probe.height,
      poster,
      previews,
      renditions,
      hlsKey,
      now: this.deps.clock(),
    });
  }

  private async removeSource(videoId: string): Promise<void> {
    const source = this.sourceFile(videoId);
    await Promise.all([fs.rm(source, { force: true }), fs.rm(`${source}.json`, { force: true })]);
  }
}

/** Writes progress at most once a second, never backwards, one write at a time. */
class ProgressWriter {
  private last = 0;
  private lastWriteAt = 0;
  private pending: Promise<void> = Promise.resolve();

  constructor(private readonly write: (fraction: number) => Promise<void>) {}

  report(fraction: number): void {
    const rounded = Math.floor(fraction * 100) / 100;
    if (rounded <= this.last || Date.now() - this.lastWriteAt < 1000) return;
    this.last = rounded;
    this.lastWriteAt = Date.now();
    this.pending = this.pending.then(() => this.write(rounded)).catch(() => {});
  }

  flush(): Promise<void> {
    return this.pending;
  }
}
