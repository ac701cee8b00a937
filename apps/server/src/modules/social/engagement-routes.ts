import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewerContext } from '../accounts/viewer.js';
import type { EngagementService } from './engagement-service.js';
import { IdParams, IdSchema } from '../../kernel/schemas.js';

const LikeState = Type.Object({ liked: Type.Boolean(), likes: Type.Integer() });

export async function engagementRoutes(app: ApiApp, deps: { engagement: EngagementService; clock: () => Date }) {
  const { engagement, clock } = deps;

  app.put(
    '/notes/:id/like',
    { schema: { tags: ['social'], summary: 'Like a note (idempotent)', params: IdParams, response: { 200: LikeState } } },
    async (request) => engagement.like(await requireViewerContext(request), request.params.id, clock()),
  );

  app.delete(
    '/notes/:id/like',
    { schema: { tags: ['social'], summary: 'Take a like back (idempotent)', params: IdParams, response: { 200: LikeState } } },
    async (request) => engagement.unlike(await requireViewerContext(request), request.params.id, clock()),
  );

  app.put(
    '/notes/:id/collect',
    {
      schema: {
        tags: ['social'],
        summary: 'Collect a note, optionally into one of my boards; collecting again moves it',
        params: IdParams,
        body: Type.Object(
          { boardId: Type.Optional(Type.Union([IdSchema, Type.Null()], { description: 'Omit to keep the current board; null for none' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ collected: Type.Boolean(), collects: Type.Integer(), boardId: Type.Union([IdSchema, Type.Null()]) }),
        },
      },
      // The body is optional (a plain "collect" button sends none): no body means {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => engagement.collect(await requireViewerContext(request), request.params.id, request.body.boardId, clock()),
  );

  app.delete(
    '/notes/:id/collect',
    {
      schema: {
        tags: ['social'],
        summary: 'Remove a note from my collects (idempotent)',
        params: IdParams,
        response: { 200: Type.Object({ collected: Type.Boolean(), collects: Type.Integer() }) },
      },
    },
    async (request) => engagement.uncollect(await requireViewerContext(request), request.params.id, clock()),
  );
}
