import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { DEFAULT_PAGE_SIZE, IdParams, PageQuery, pageSchema } from '../../kernel/schemas.js';
import { requireViewer, requireViewerContext } from '../accounts/viewer.js';
import type { AppealsService } from './appeals-service.js';
import { AppealSchema, ReportSchema, StatementSchema, SubjectSchema } from './moderation-schemas.js';
import type { ReportsService } from './reports-service.js';

// The user's side of trust and safety: report what you see and follow your
// reports; read the decisions about you and appeal them.

/** The categories of the report button before reports covered every label. */
const LEGACY_REASON: Record<string, string> = { violence: 'graphic-violence' };

export async function reportsRoutes(app: ApiApp, deps: { reports: ReportsService; appeals: AppealsService; clock: () => Date }) {
  const { reports, appeals, clock } = deps;

  app.post(
    '/reports',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Report a note, comment or account (one open report per person and item)',
        body: Type.Object(
          {
            subject: SubjectSchema,
            category: Type.String({ minLength: 1, maxLength: 40, description: 'a label, "illegal" (with country) or "other" (with details)' }),
            country: Type.Optional(Type.String({ maxLength: 2 })),
            details: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ReportSchema, 201: ReportSchema },
      },
    },
    async (request, reply) => {
      const { report, created } = await reports.report(await requireViewerContext(request), request.body, clock());
      return reply.status(created ? 201 : 200).send(report);
    },
  );

  app.post(
    '/notes/:id/report',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Report a note (older clients; POST /reports says more)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 40 }) }, { additionalProperties: false }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const category = LEGACY_REASON[request.body.reason] ?? request.body.reason;
      const details = category === 'other' ? 'Reported from the feed.' : undefined;
      await reports.report(await requireViewerContext(request), { subject: { type: 'note', id: request.params.id }, category, details }, clock());
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me/reports',
    {
      schema: {
        tags: ['moderation'],
        summary: 'My reports and what became of them, newest first',
        querystring: PageQuery,
        response: { 200: pageSchema(ReportSchema) },
      },
    },
    async (request) => reports.mine(requireViewer(request).user.id, request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
  );

  app.get(
    '/me/statements',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Statements of reasons for decisions about my content or account, newest first',
        querystring: PageQuery,
        response: { 200: pageSchema(StatementSchema) },
      },
    },
    async (request) => appeals.mine(requireViewer(request).user.id, request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
  );

  app.get(
    '/me/statements/:id',
    { schema: { tags: ['moderation'], summary: 'One statement of reasons', params: IdParams, response: { 200: StatementSchema } } },
    async (request) => appeals.one(requireViewer(request).user.id, request.params.id),
  );

  app.post(
    '/me/statements/:id/appeal',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Appeal a decision within 30 days (once); another moderator decides',
        params: IdParams,
        body: Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false }),
        response: { 201: AppealSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await appeals.appeal(requireViewer(request).user.id, request.params.id, request.body.text, clock())),
  );
}
