import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { MediaStorage } from '../media/media-storage.js';
import { reachableNote } from '../social/note-access.js';
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
      const unavailable = () => notFound('video_not_found', 'This video is not available.');
      // Only its owner sees a video before it is ready (or after it failed).
      if (!video || (!isOwner && video.status !== 'ready')) throw unavailable();
      // Anyone else sees it through its note: a note hidden from them (a block,
      // moderation, a private account) hides its video too.
      if (!isOwner) {
        if (!video.note_id) throw unavailable();
        await reachableNote(deps.db, video.note_id, await request.viewerContext()).catch(() => {
          throw unavailable();
        });
      }
      const view = presentOwnVideo(video, deps.storage);
      return isOwner ? view : { ...view, progress: 1, error: null, previewUrls: [] };
    },
  );
}
