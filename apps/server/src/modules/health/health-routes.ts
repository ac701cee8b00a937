import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
  database: Type.Object({
    status: Type.Union([Type.Literal('up'), Type.Literal('down')]),
    latencyMs: Type.Number(),
  }),
});

export async function healthRoutes(app: ApiApp, deps: { db: Db }) {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database state (503 when the database is down)',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const started = performance.now();
      try {
        await sql`select 1`.execute(deps.db);
        return { status: 'ok' as const, database: { status: 'up' as const, latencyMs: Math.round((performance.now() - started) * 100) / 100 } };
      } catch {
        return reply.status(503).send({ status: 'error', database: { status: 'down', latencyMs: Math.round(performance.now() - started) } });
      }
    },
  );
}
