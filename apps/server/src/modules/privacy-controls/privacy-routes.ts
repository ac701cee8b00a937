import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { DEFAULT_PAGE_SIZE, HandleParams, PageQuery } from '../../kernel/schemas.js';
import { UserSummarySchema } from '../../kernel/user-summary.js';
import { requireViewer } from '../accounts/viewer.js';
import type { FollowRequestsService } from './follow-requests-service.js';
import type { PrivacySettingsService } from './privacy-settings-service.js';
import { clearWatchHistory } from './watch-history.js';
import type { Db } from '../../db/database.js';

const AudienceSchema = Type.Union([Type.Literal('everyone'), Type.Literal('followers'), Type.Literal('following'), Type.Literal('nobody')], {
  description: 'followers: people who follow me; following: people I follow',
});

const PrivacySchema = Type.Object({
  private: Type.Boolean({ description: 'Only approved followers see my notes, collects, likes and boards; new followers ask first' }),
  commentPermission: AudienceSchema,
  mentionPermission: AudienceSchema,
  noindex: Type.Boolean({ description: 'Search engines are asked not to index my profile and notes' }),
  pendingRequests: Type.Integer({ description: 'Follow requests waiting for me' }),
});

const RequestSchema = Type.Intersect([UserSummarySchema, Type.Object({ requestedAt: Type.String({ format: 'date-time' }) })]);

export async function privacyRoutes(
  app: ApiApp,
  deps: {
    db: Db;
    settings: PrivacySettingsService;
    requests: FollowRequestsService;
    clock: () => Date;
    /** Before the history goes: write what is still buffered, and let the recommender forget the viewer. */
    beforeClear: (userId: string) => Promise<void>;
    afterClear: (userId: string) => void;
  },
) {
  const { db, settings, requests, clock } = deps;

  app.get('/me/privacy-controls', { schema: { tags: ['privacy'], summary: 'My privacy switches', response: { 200: PrivacySchema } } }, async (request) =>
    settings.get(requireViewer(request).user),
  );

  app.patch(
    '/me/privacy-controls',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Change my privacy switches; going public approves every pending follow request',
        body: Type.Object(
          {
            private: Type.Optional(Type.Boolean()),
            commentPermission: Type.Optional(AudienceSchema),
            mentionPermission: Type.Optional(AudienceSchema),
            noindex: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PrivacySchema },
      },
    },
    async (request) => settings.update(requireViewer(request).user, request.body, clock()),
  );

  app.get(
    '/me/follow-requests',
    {
      schema: {
        tags: ['privacy'],
        summary: 'People asking to follow me, newest first',
        querystring: PageQuery,
        response: { 200: Type.Object({ items: Type.Array(RequestSchema), cursor: Type.Union([Type.String(), Type.Null()]), total: Type.Integer() }) },
      },
    },
    async (request) => requests.list(requireViewer(request).user.id, request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
  );

  app.post(
    '/me/follow-requests/:handle/approve',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Approve a follow request (idempotent): they become a follower and are told',
        params: HandleParams,
        response: { 200: Type.Object({ follower: Type.Boolean(), followers: Type.Integer() }) },
      },
    },
    async (request) => requests.approve(requireViewer(request).user.id, request.params.handle, clock()),
  );

  app.delete(
    '/me/follow-requests/:handle',
    { schema: { tags: ['privacy'], summary: 'Deny a follow request (deletes it; idempotent)', params: HandleParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      await requests.deny(requireViewer(request).user.id, request.params.handle);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/me/watch-history',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Clear what I was shown and watched: For you starts fresh (note counters stay)',
        response: { 200: Type.Object({ events: Type.Integer(), served: Type.Integer() }) },
      },
    },
    async (request) => {
      const userId = requireViewer(request).user.id;
      await deps.beforeClear(userId);
      const cleared = await clearWatchHistory(db, userId);
      deps.afterClear(userId);
      return cleared;
    },
  );
}
