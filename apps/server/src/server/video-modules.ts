import os from 'node:os';
import path from 'node:path';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import type { JobQueue } from '../modules/jobs/job-queue.js';
import type { MediaStorage } from '../modules/media/media-storage.js';
import { resolveFfmpegTools } from '../modules/video/ffmpeg-tools.js';
import { VideoProcessor } from '../modules/video/video-processor.js';
import { videoRoutes } from '../modules/video/video-routes.js';
import { VideoUploads } from '../modules/video/video-uploads.js';
import type { ApiApp } from '../kernel/api-app.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The video pipeline: uploads, the transcode job and the queue it runs on. */
    videos: VideoModules;
  }
}

export interface VideoModules {
  uploads: VideoUploads;
  processor: VideoProcessor;
  jobs: JobQueue;
}

/** Resumable video uploads and video state, under /api; the transcode job's code for workers. */
export async function registerVideoModules(
  api: ApiApp,
  deps: { config: Config; db: Db; storage: MediaStorage; jobs: JobQueue; clock: () => Date },
): Promise<VideoModules> {
  const { config, db, storage, jobs, clock } = deps;
  const uploads = new VideoUploads({
    db,
    jobs,
    uploadsDir: config.video.uploadsDir,
    maxBytes: config.video.maxUploadBytes,
    quota: { uploads: config.video.uploadsPerDay, bytes: config.video.uploadBytesPerDay, minFreeDiskBytes: config.video.minFreeDiskBytes },
    clock,
  });
  const processor = new VideoProcessor({
    db,
    storage,
    tools: resolveFfmpegTools(config.video),
    uploadsDir: config.video.uploadsDir,
    // Scratch files per process: two workers on one machine never share a directory.
    workDir: path.join(os.tmpdir(), `qiao-transcode-${process.pid}`),
    threads: config.video.ffmpegThreads,
    maxDurationSeconds: config.video.maxDurationSeconds,
    clock,
  });
  await uploads.routes(api);
  await videoRoutes(api, { db, storage });
  return { uploads, processor, jobs };
}
