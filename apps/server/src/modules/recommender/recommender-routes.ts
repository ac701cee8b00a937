import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewerContext } from '../accounts/viewer.js';
import { IdParams } from '../../kernel/schemas.js';
import type { FeedbackService } from './feedback-service.js';

// The viewer's direct say over For you: "not interested" and its undo (reports: moderation/reports-routes.ts).

const NoContent = { 204: Type.Null() };

export async function recommenderRoutes(app: ApiApp, deps: { feedback: FeedbackService; clock: () => Date }) {
  const { feedback, clock } = deps;

  app.post(
    '/notes/:id/not-interested',
    { schema: { tags: ['feed'], summary: 'Show me fewer notes like this one (idempotent)', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await feedback.notInterested(await requireViewerContext(request), request.params.id, clock());
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/notes/:id/not-interested',
    { schema: { tags: ['feed'], summary: 'Undo "not interested" (idempotent)', params: IdParams, response: NoContent } },
    async (request, reply) => {
      await feedback.undoNotInterested(await requireViewerContext(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
