import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer } from '../accounts/viewer.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { insertVideo } from './videos-queries.js';

// Resumable uploads (tus 1.0: creation, termination, expiration) at
// /api/uploads/videos. A finished upload becomes a `videos` row and a
// transcode job in one transaction; unfinished ones expire after a day.

export const UPLOAD_PATH = '/api/uploads/videos';
export const UPLOAD_EXPIRY_MS = 24 * 60 * 60 * 1000;
const ACCEPTED_EXTENSIONS = new Set(['.mp4', '.mov', '.webm', '.m4v']);
const ACCEPTED_TYPES = new Set(['video/mp4', 'video/quicktime', 'video/webm', 'video/x-m4v']);
// Set by our route from the session, never by the client (any incoming value is replaced).
const UPLOADER_HEADER = 'x-qiao-uploader';

const jsonError = (status: number, code: string, message: string) => ({ status_code: status, body: JSON.stringify({ error: { code, message } }) });

export interface VideoUploadsDeps {
  db: Db;
  jobs: JobQueue;
  uploadsDir: string;
  maxBytes: number;
  /** Per person per UTC day; and the free disk below which nothing new is accepted. */
  quota: { uploads: number; bytes: number; minFreeDiskBytes: number };
  clock: () => Date;
}

/** tus sees the request through srvx, which reads rawHeaders: set it in both, dropping any the client sent. */
function setUploaderHeader(request: FastifyRequest, userId: string): void {
  const raw = request.raw.rawHeaders;
  for (let i = raw.length - 2; i >= 0; i -= 2) {
    if (raw[i]!.toLowerCase() === UPLOADER_HEADER) raw.splice(i, 2);
  }
  raw.push(UPLOADER_HEADER, userId);
  request.raw.headers[UPLOADER_HEADER] = userId;
}

export class VideoUploads {
  readonly store: FileStore;
  readonly tus: TusServer;

  constructor(private readonly deps: VideoUploadsDeps) {
    this.store = new FileStore({ directory: deps.uploadsDir, expirationPeriodInMilliseconds: UPLOAD_EXPIRY_MS });
    this.tus = new TusServer({
      path: UPLOAD_PATH,
      datastore: this.store,
      maxSize: deps.maxBytes,
      relativeLocation: true,
      // A finished upload is a video being transcoded: its file must stay until the job has it.
      disableTerminationForFinishedUploads: true,
      namingFunction: () => randomUUID(),
      onUploadCreate: async (req, upload) => {
        const uploader = req.headers.get(UPLOADER_HEADER);
        if (!uploader) throw jsonError(401, 'unauthenticated', 'Sign in to continue.');
        const name = upload.metadata?.filename ?? upload.metadata?.name ?? '';
        const type = (upload.metadata?.filetype ?? upload.metadata?.type ?? '').toLowerCase();
        const extension = path.extname(name).toLowerCase();
        const extensionOk = extension ? ACCEPTED_EXTENSIONS.has(extension) : false;
        const typeOk = type ? ACCEPTED_TYPES.has(type) : false;
        // Both must agree when both are given; one of them is required.
        if ((!extension && !type) || (extension && !extensionOk) || (type && !typeOk)) {
          throw jsonError(415, 'video_type_unsupported', 'Upload an MP4, MOV or WebM video.');
        }
        // A size declared later could not be counted against the quota: the length comes first.
        if (upload.sizeIsDeferred || upload.size === undefined) throw jsonError(400, 'upload_length_required', 'Say the file size when the upload starts.');
        await this.reserve(uploader, upload.size);
        return { metadata: { ...upload.metadata, uploader, filename: name } };
      },
      onUploadFinish: async (_req, upload) => {
        await this.finished(upload.id, upload.metadata?.uploader ?? '', upload.metadata?.filename ?? '', upload.size ?? upload.offset);
        return {};
      },
      onResponseError: (_req, error) => {
        if ('status_code' in error && error.status_code === 413) {
          return jsonError(413, 'video_too_large', `Videos can be at most ${Math.round(deps.maxBytes / 1024 / 1024)} MB.`);
        }
        return undefined;
      },
    });
  }

  /**
   * Counts a new upload and its declared bytes against the uploader's day, in one
   * statement (parallel creations cannot both slip under the limit), and refuses
   * new uploads while the disk is nearly full.
   */
  private async reserve(userId: string, bytes: number): Promise<void> {
    const { quota } = this.deps;
    const disk = await fs.statfs(this.deps.uploadsDir).catch(() => null);
    if (disk && disk.bavail * disk.bsize < quota.minFreeDiskBytes + bytes) {
      throw jsonError(507, 'storage_full', 'Uploads are paused for a moment: the server is short of space.');
    }
    const refused = () => jsonError(429, 'upload_quota_exceeded', `You can start ${quota.uploads} video uploads a day. Try again tomorrow.`);
    if (bytes > quota.bytes) throw refused();
    const day = this.deps.clock().toISOString().slice(0, 10);
    const { rows } = await sql<{ uploads: number }>`
      insert into upload_budgets (user_id, day, uploads, bytes) values (${userId}, ${day}, 1, ${bytes})
      on conflict (user_id, day) do update set uploads = upload_budgets.uploads + 1, bytes = upload_budgets.bytes + ${bytes}
        where upload_budgets.uploads < ${quota.uploads} and upload_budgets.bytes + ${bytes} <= ${quota.bytes}
      returning uploads`.execute(this.deps.db);
    if (rows.length === 0) throw refused();
  }

  /** The upload is complete: the video exists from now on, and its transcode is queued with it. */
  async finished(videoId: string, ownerId: string, sourceName: string, bytes: number): Promise<void> {
    if (!ownerId) throw jsonError(500, 'upload_invalid', 'This upload has no owner.');
    await this.deps.db.transaction().execute(async (trx) => {
      const created = await insertVideo(trx, { id: videoId, ownerId, sourceName, sourceBytes: bytes, now: this.deps.clock() });
      if (created) await this.deps.jobs.send(trx, { type: 'transcode-video', payload: { videoId } });
    });
  }

  /** Removes uploads that stopped half-way and were not resumed within a day. */
  cleanUpExpired(): Promise<number> {
    return this.tus.cleanUpExpiredUploads();
  }

  async routes(api: ApiApp): Promise<void> {
    await api.register(async (scope) => {
      // tus reads the raw request body itself: Fastify must not parse or buffer it.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
      const handle = async (request: FastifyRequest, reply: FastifyReply) => {
        // Capability discovery and CORS preflights carry no cookie; tus answers them without touching an upload.
        if (request.method === 'OPTIONS') {
          reply.hijack();
          return this.tus.handle(request.raw, reply.raw);
        }
        const viewer = requireViewer(request);
        const id = (request.params as { id?: string }).id;
        // tus reads the upload id from the whole raw URL, query included: `/<mine>?x=/<theirs>` would pass the
        // check on <mine> and act on <theirs>. tus uses no query parameters, so the URL it sees ends at the path.
        request.raw.url = request.raw.url?.split('?')[0];
        if (id) {
          const upload = await this.store.getUpload(id).catch(() => null);
          if (!upload || upload.metadata?.uploader !== viewer.user.id) throw notFound('upload_not_found', 'This upload does not exist or has expired.');
        }
        setUploaderHeader(request, viewer.user.id);
        reply.hijack();
        await this.tus.handle(request.raw, reply.raw);
      };
      const schema = { tags: ['videos'], summary: 'Resumable video upload (tus 1.0)', hide: false };
      scope.route({ method: ['POST', 'OPTIONS'], url: '/uploads/videos', schema, handler: handle });
      scope.route({ method: ['HEAD', 'PATCH', 'DELETE', 'OPTIONS'], url: '/uploads/videos/:id', schema, exposeHeadRoute: false, handler: handle });
    });
  }
}
