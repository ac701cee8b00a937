import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer, requireViewerContext } from '../accounts/viewer.js';
import { DEFAULT_PAGE_SIZE, IdSchema, PageQuery } from '../../kernel/schemas.js';
import { UserSummarySchema } from '../../kernel/user-summary.js';
import type { NotificationsService } from './notifications-service.js';

const NotificationKindSchema = Type.Union([
  Type.Literal('like'),
  Type.Literal('collect'),
  Type.Literal('comment'),
  Type.Literal('reply'),
  Type.Literal('mention'),
  Type.Literal('follow'),
  Type.Literal('comment_like'),
  // A private account: someone asks to follow me; my request to follow someone was approved.
  Type.Literal('follow_request'),
  Type.Literal('follow_approved'),
  // Someone (hopefully me) signed in to my account from a device, browser or country it never used.
  Type.Literal('new_sign_in'),
]);

const Nullable = () => Type.Union([Type.String(), Type.Null()]);

const NotificationGroupSchema = Type.Object({
  id: IdSchema,
  kind: NotificationKindSchema,
  actors: Type.Array(UserSummarySchema, { description: 'The latest 3 distinct actors, newest first' }),
  actorCount: Type.Integer({ description: 'Distinct actors in the group ("Ann and 12 others")' }),
  note: Type.Union([Type.Object({ id: IdSchema, title: Type.String() }), Type.Null()]),
  comment: Type.Union([Type.Object({ id: IdSchema, body: Type.String() }), Type.Null()]),
  latestAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean({ description: 'False while any notification in the group is unread' }),
  signIn: Type.Union([Type.Object({ device: Nullable(), browser: Nullable(), country: Nullable() }), Type.Null()], {
    description: 'new_sign_in: where the sign-in came from (coarse: device type, browser, country)',
  }),
});

const UNREAD_DESCRIPTION = 'Unread notifications (rows, not groups) from the last 30 days, as the badge shows';

export async function notificationsRoutes(app: ApiApp, deps: { notifications: NotificationsService; clock: () => Date }) {
  const { notifications, clock } = deps;

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, grouped (likes and collects per note, follows together), latest first',
        querystring: PageQuery,
        response: {
          200: Type.Object({
            items: Type.Array(NotificationGroupSchema),
            cursor: Type.Union([Type.String(), Type.Null()]),
            unread: Type.Integer({ description: UNREAD_DESCRIPTION }),
          }),
        },
      },
    },
    async (request) => notifications.list(await requireViewerContext(request), request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE, clock()),
  );

  app.get(
    '/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The unread badge',
        response: { 200: Type.Object({ count: Type.Integer({ description: UNREAD_DESCRIPTION }) }) },
      },
    },
    async (request) => ({ count: await notifications.unreadCount(requireViewer(request).user.id, clock()) }),
  );

  app.post(
    '/notifications/read',
    { schema: { tags: ['notifications'], summary: 'Mark all my notifications read', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await notifications.markAllRead(requireViewer(request).user.id, clock());
      return reply.status(204).send(null);
    },
  );
}
