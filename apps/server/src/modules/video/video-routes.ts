import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { MediaStorage } from '../media/media-storage.js';
import { OwnVideoViewSchema, presentOwnVideo } from './video-view.js';
import { findVideo } from './videos-queries.js';

export async function videoRoutes(api: ApiApp, deps: { db: Db; storage: MediaStorage }) {
  api.get(
    '/videos/:id',
    {
      schema: {
        tags: ['videos'],
        summary: 'A video: its processing state (poll while processing) and, when ready, its stream URLs',
        params: Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }),
        response: { 200: OwnVideoViewSchema },
      },
    },
    async (request) => {
      const video = await findVideo(deps.db, request.params.id);
      const isOwner = video !== undefined && request.viewer?.user.id === video.owner_id;
      // Only its owner sees a video before it is ready (or after it failed).
      if (!video || (!isOwner && video.status !== 'ready')) throw notFound('video_not_found', 'This video is not available.');
      const view = presentOwnVideo(video, deps.storage);
      return isOwner ? view : { ...view, progress: 1, error: null, previewUrls: [] };
    },
  );
}
