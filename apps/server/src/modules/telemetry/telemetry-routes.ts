import { Type } from 'typebox';
import { IdSchema } from '../../kernel/schemas.js';
import type { ApiApp } from '../../kernel/api-app.js';
import type { TelemetryService } from './telemetry-service.js';

const EventSchema = Type.Object(
  {
    type: Type.Union([
      Type.Literal('impression'),
      Type.Literal('play'),
      Type.Literal('watch'),
      Type.Literal('complete'),
      Type.Literal('replay'),
      Type.Literal('skip'),
      Type.Literal('unmute'),
      Type.Literal('share'),
      Type.Literal('dwell'),
    ]),
    noteId: IdSchema,
    at: Type.Number({ minimum: 0 }),
    sessionId: Type.String({ format: 'uuid' }),
    seq: Type.Integer({ minimum: 0, maximum: 2_000_000_000 }),
    source: Type.Optional(Type.String({ maxLength: 32 })),
    watchMs: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400_000 })),
    positionMs: Type.Optional(Type.Number({ minimum: 0, maximum: 86_400_000 })),
    /** Impressions: the slot the note was shown in (0-based), e.g. in the explore grid. */
    position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export async function telemetryRoutes(app: ApiApp, deps: { telemetry: TelemetryService; clock: () => Date }) {
  app.post(
    '/events',
    {
      schema: {
        tags: ['telemetry'],
        summary: 'Player and feed telemetry, in batches (impressions, watch time, completions, skips, dwell…)',
        description:
          'Up to 100 events per batch. Each (sessionId, seq) counts once, so a retried batch is harmless. ' +
          '`watch` carries the milliseconds played since the previous one, `dwell` the time spent on a note page (both in `watchMs`); ' +
          'an `impression` may carry its slot in `position`. ' +
          'Invalid events are listed in `rejected` with a reason; the rest are stored.',
        body: Type.Object({ events: Type.Array(EventSchema, { minItems: 1, maxItems: 100 }) }, { additionalProperties: false }),
        response: {
          202: Type.Object({
            accepted: Type.Integer(),
            duplicates: Type.Integer(),
            rejected: Type.Array(Type.Object({ index: Type.Integer(), reason: Type.String() })),
          }),
        },
      },
    },
    async (request, reply) => {
      const context = await request.viewerContext();
      const viewer = request.viewer
        ? { userId: request.viewer.user.id, viewerKey: `u${request.viewer.user.id}`, context }
        : { userId: null, viewerKey: `ip${request.ip}`, context };
      const result = await deps.telemetry.record(viewer, request.body.events, deps.clock());
      return reply.status(202).send(result);
    },
  );
}
