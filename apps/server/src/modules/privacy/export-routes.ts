import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { IdParams, IdSchema } from '../../kernel/schemas.js';
import { requireViewer } from '../accounts/viewer.js';
import type { ExportService } from './export-service.js';
import { REASON_MAX, REASON_MIN } from './staff-access.js';

export const ExportSchema = Type.Object({
  id: IdSchema,
  state: Type.Union([Type.Literal('queued'), Type.Literal('building'), Type.Literal('ready'), Type.Literal('failed')]),
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  expiresAt: Type.String({ format: 'date-time' }),
  sizeBytes: Type.Union([Type.Integer(), Type.Null()]),
  downloadUrl: Type.Union([Type.String(), Type.Null()], { description: 'Signed; works without a session until expiresAt' }),
  nextAllowedAt: Type.String({ format: 'date-time' }),
});

export async function exportRoutes(app: ApiApp, deps: { exports: ExportService; clock: () => Date }) {
  const { exports, clock } = deps;

  app.get(
    '/me/exports',
    {
      schema: {
        tags: ['privacy'],
        summary: 'My latest data export: state, progress (0–100) and the download link',
        response: { 200: Type.Object({ export: Type.Union([ExportSchema, Type.Null()]) }) },
      },
    },
    async (request) => ({ export: await exports.latest(requireViewer(request).user.id, clock()) }),
  );

  app.post(
    '/me/exports',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Start building a zip of everything stored about me (once a day; 429 with Retry-After otherwise)',
        response: { 202: Type.Object({ export: ExportSchema }) },
      },
    },
    async (request, reply) => {
      const view = await exports.request(requireViewer(request).user.id, clock());
      return reply.status(202).send({ export: view });
    },
  );

  app.post(
    '/staff/users/:id/export/open',
    {
      schema: {
        tags: ['privacy'],
        summary: "Open a person's finished data export for a stated reason (administrators); the person sees the reason in their privacy centre",
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ maxLength: 2000, description: `${REASON_MIN}–${REASON_MAX} characters, e.g. "court order 2026/81"` }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ export: ExportSchema }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const view = await exports.openForStaff(requireViewer(request), { userId: request.params.id, reason: request.body.reason, now: clock() });
      return { export: view };
    },
  );

  app.get(
    '/exports/:id/download',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Download an export by its signed link (403: wrong signature, 410: expired)',
        params: Type.Object({ id: IdSchema }),
        querystring: Type.Object(
          {
            expires: Type.Integer({ minimum: 0, maximum: 99_999_999_999 }),
            signature: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown({ description: 'application/zip' }) },
      },
    },
    async (request, reply) => {
      const file = await exports.open({ id: request.params.id, ...request.query }, clock());
      return reply
        .type('application/zip')
        .header('content-length', String(file.size))
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.stream);
    },
  );
}
