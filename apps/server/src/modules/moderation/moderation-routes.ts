import { Type } from 'typebox';
import type { ModerationPolicy } from '../../config/moderation-policy.js';
import type { Db } from '../../db/database.js';
import { decodeCursor, pageOf } from '../../db/pagination.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { DEFAULT_PAGE_SIZE, IdParams, PageQuery, pageSchema } from '../../kernel/schemas.js';
import { requireAdmin } from '../accounts/viewer.js';
import type { TranslationService } from '../translation/translation-service.js';
import type { ActionsService } from './actions-service.js';
import type { AppealsService } from './appeals-service.js';
import { type CasesService, presentAction, usersById } from './cases-service.js';
import { ActionSchema, AppealSchema, CaseDetailSchema, QueueItemSchema, StatementSchema, SubjectSchema } from './moderation-schemas.js';
import { ACTIONS, policyRules } from './moderation-rules.js';
import { moderatorScope } from './moderators.js';
import { UserSummarySchema } from '../../kernel/user-summary.js';

// The moderator console's API: the queues, a case's full context with a
// machine translation into the moderator's language, claims, actions, appeals
// and (for admins) the audit log. Moderators only; scoped to their rulebooks.

interface Deps {
  db: Db;
  policy: ModerationPolicy;
  cases: CasesService;
  actions: ActionsService;
  appeals: AppealsService;
  translation: TranslationService;
  clock: () => Date;
}

const TRANSLATION_KIND = { note: 'note', comment: 'comment', user: 'bio' } as const;

export async function moderationRoutes(app: ApiApp, deps: Deps) {
  const { db, policy, cases, actions, appeals, translation, clock } = deps;
  const scopeOf = (request: { viewer: Parameters<typeof moderatorScope>[1] }) => moderatorScope(db, request.viewer);

  app.get(
    '/moderation/policy',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Labels, rulebooks and the policy rules an action may cite',
        response: {
          200: Type.Object({
            labels: Type.Array(Type.String()),
            rulebooks: Type.Array(
              Type.Object({
                name: Type.String(),
                countries: Type.Array(Type.String()),
                hide: Type.Array(Type.String()),
                warn: Type.Array(Type.String()),
                adult: Type.Array(Type.String()),
              }),
            ),
            rules: Type.Array(Type.String()),
            actions: Type.Array(Type.String()),
          }),
        },
      },
    },
    async (request) => {
      await scopeOf(request);
      return { labels: policy.labels, rulebooks: Object.values(policy.rulebooks), rules: policyRules(policy.labels), actions: [...ACTIONS] };
    },
  );

  app.get(
    '/moderation/queue',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Open cases by priority: severity, reports, how fast the item spreads',
        querystring: Type.Object(
          { kind: Type.Optional(Type.Union([Type.Literal('reports'), Type.Literal('held')])), ...PageQuery.properties },
          { additionalProperties: false },
        ),
        response: { 200: pageSchema(QueueItemSchema) },
      },
    },
    async (request) => {
      const { kind = 'reports', cursor, limit = DEFAULT_PAGE_SIZE } = request.query;
      return cases.queue(await scopeOf(request), kind, cursor, limit, clock());
    },
  );

  app.post(
    '/moderation/cases',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Open a case on any item (or get its open one)',
        body: Type.Object({ subject: SubjectSchema }, { additionalProperties: false }),
        response: { 201: QueueItemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await cases.open(await scopeOf(request), request.body.subject, clock())),
  );

  app.get(
    '/moderation/cases/:id',
    {
      schema: {
        tags: ['moderation'],
        summary: 'A case with its item, a machine translation, the author’s history, earlier actions and the reports',
        params: IdParams,
        querystring: Type.Object({ translate: Type.Optional(Type.String({ maxLength: 16 })) }, { additionalProperties: false }),
        response: { 200: CaseDetailSchema },
      },
    },
    async (request) => {
      const scope = await scopeOf(request);
      const detail = await cases.detail(scope, request.params.id, clock());
      let translated = null;
      const item = detail.item;
      const target = request.query.translate ?? request.viewer!.user.language;
      if (translation.enabled && item && (item.title || item.text)) {
        try {
          const result = await translation.translateSource(
            { kind: TRANSLATION_KIND[detail.subject.type], id: detail.subject.id, target },
            { fields: { ...(item.title && detail.subject.type === 'note' ? { title: item.title } : {}), body: item.text }, language: item.language },
            { context: await request.viewerContext(), ip: request.ip },
          );
          translated = { language: result.target, title: result.fields.title ?? '', text: result.fields.body ?? '', provider: result.provider };
        } catch (error) {
          // Already in the moderator's language, nothing to translate, or no provider right now: the original stands.
          request.log.info({ err: error, caseId: detail.id }, 'case translation skipped');
        }
      }
      return { ...detail, translation: translated };
    },
  );

  app.post(
    '/moderation/cases/:id/claim',
    { schema: { tags: ['moderation'], summary: 'Claim a case so nobody else works on it', params: IdParams, response: { 200: QueueItemSchema } } },
    async (request) => cases.claim(await scopeOf(request), request.params.id, clock()),
  );

  app.delete(
    '/moderation/cases/:id/claim',
    { schema: { tags: ['moderation'], summary: 'Release my claim on a case', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await cases.release(await scopeOf(request), request.params.id, clock());
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/moderation/cases/:id/actions',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Decide a case: label, limit reach, restrict in rulebooks, remove, warn, suspend, ban, approve or dismiss',
        params: IdParams,
        body: Type.Object(
          {
            action: Type.Union(ACTIONS.map((action) => Type.Literal(action))),
            label: Type.Optional(Type.String({ maxLength: 40 })),
            // Null first: with type coercion on, a null would otherwise become [""].
            rulebooks: Type.Optional(Type.Union([Type.Null(), Type.Array(Type.String({ maxLength: 32 }), { maxItems: 50 })])),
            rule: Type.String({ minLength: 1, maxLength: 100 }),
            reason: Type.String({ minLength: 1, maxLength: 4000 }),
            durationHours: Type.Optional(Type.Integer({ minimum: 1 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ActionSchema },
      },
    },
    async (request, reply) => {
      const row = await actions.act(await scopeOf(request), request.params.id, request.body, clock());
      return reply.status(201).send(presentAction(row, await usersById(db, [row.moderator_id])));
    },
  );

  app.get(
    '/moderation/appeals',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Open appeals, oldest first (never those on my own decisions)',
        querystring: PageQuery,
        response: { 200: pageSchema(Type.Object({ appeal: AppealSchema, statement: StatementSchema, actedBy: Type.Union([UserSummarySchema, Type.Null()]) })) },
      },
    },
    async (request) => appeals.queue(await scopeOf(request), request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
  );

  app.post(
    '/moderation/appeals/:id/decision',
    {
      schema: {
        tags: ['moderation'],
        summary: 'Decide an appeal: upheld reverses the action and its effects',
        params: IdParams,
        body: Type.Object(
          { outcome: Type.Union([Type.Literal('upheld'), Type.Literal('rejected')]), reason: Type.String({ minLength: 1, maxLength: 4000 }) },
          { additionalProperties: false },
        ),
        response: { 200: AppealSchema },
      },
    },
    async (request) => appeals.decide(await scopeOf(request), request.params.id, request.body.outcome, request.body.reason, clock()),
  );

  app.get(
    '/moderation/audit',
    {
      schema: {
        tags: ['moderation'],
        summary: 'The append-only audit log, newest first (admins)',
        querystring: PageQuery,
        response: { 200: pageSchema(ActionSchema) },
      },
    },
    async (request) => {
      requireAdmin(request);
      const limit = request.query.limit ?? DEFAULT_PAGE_SIZE;
      const before = request.query.cursor ? decodeCursor(request.query.cursor, ['id'] as const)[0] : null;
      let query = db
        .selectFrom('moderation_actions')
        .selectAll()
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (before) query = query.where('id', '<', before);
      const rows = await query.execute();
      const people = await usersById(
        db,
        rows.map((row) => row.moderator_id),
      );
      return pageOf(
        rows,
        limit,
        (row) => presentAction(row, people),
        (row) => [row.id],
      );
    },
  );
}
