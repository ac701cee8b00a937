import { Type } from 'typebox';
import { IdSchema } from '../../kernel/schemas.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import type { ViewBuffer } from './view-buffer.js';
import { viewableNoteIds } from './visible-views.js';

export async function viewsRoutes(app: ApiApp, deps: { views: ViewBuffer; hydrator: NoteHydrator; clock: () => Date }) {
  app.post(
    '/views',
    {
      schema: {
        tags: ['topics'],
        summary: 'Report note impressions (cards seen in a grid, notes opened), in batches',
        description: 'Each viewer counts once per note per 30 minutes, and only for notes they may see. Feeds note views and topic view counters.',
        body: Type.Object({ noteIds: Type.Array(IdSchema, { minItems: 1, maxItems: 50 }) }, { additionalProperties: false }),
        response: { 202: Type.Object({ counted: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      // Signed-out readers count too, keyed by address.
      const viewerKey = request.viewer ? `u${request.viewer.user.id}` : `ip${request.ip}`;
      const viewable = await viewableNoteIds(deps.hydrator, request.body.noteIds, await request.viewerContext());
      const counted = deps.views.record(viewerKey, viewable, deps.clock().getTime());
      return reply.status(202).send({ counted });
    },
  );
}
