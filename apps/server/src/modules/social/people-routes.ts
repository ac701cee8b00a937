import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer } from '../accounts/viewer.js';
import type { PeopleService } from './people-service.js';
import { DEFAULT_PAGE_SIZE, HandleParams, IdSchema, PageQuery, pageSchema } from '../../kernel/schemas.js';
import { UserSummarySchema } from '../../kernel/user-summary.js';

const UserPage = pageSchema(UserSummarySchema);

export async function peopleRoutes(app: ApiApp, deps: { people: PeopleService; clock: () => Date }) {
  const { people, clock } = deps;
  const toggle = { tags: ['social'], params: HandleParams };

  const FollowState = Type.Object({
    following: Type.Boolean(),
    requested: Type.Boolean({ description: 'A request to follow a private account waits for its owner (DELETE cancels it)' }),
    followers: Type.Integer(),
  });
  // The note that made someone follow (note page, video rail): a strong signal for the recommender.
  const FollowBody = Type.Object({ fromNoteId: Type.Optional(IdSchema) }, { additionalProperties: false });
  app.put(
    '/users/:handle/follow',
    {
      schema: {
        ...toggle,
        summary: 'Follow someone (idempotent); a private account gets a follow request instead; optionally from one of their notes',
        body: FollowBody,
        response: { 200: FollowState },
      },
      // The body is optional (most follow buttons send none): no body means {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => people.follow(requireViewer(request).user.id, request.params.handle, clock(), request.body.fromNoteId),
  );
  app.delete(
    '/users/:handle/follow',
    { schema: { ...toggle, summary: 'Unfollow someone, or cancel my request to follow them (idempotent)', response: { 200: FollowState } } },
    async (request) => people.unfollow(requireViewer(request).user.id, request.params.handle),
  );

  const BlockState = Type.Object({ blocked: Type.Boolean() });
  app.put(
    '/users/:handle/block',
    { schema: { ...toggle, summary: 'Block someone: ends follows both ways, neither sees the other', response: { 200: BlockState } } },
    async (request) => people.block(requireViewer(request).user.id, request.params.handle, clock()),
  );
  app.delete('/users/:handle/block', { schema: { ...toggle, summary: 'Unblock someone', response: { 200: BlockState } } }, async (request) =>
    people.unblock(requireViewer(request).user.id, request.params.handle),
  );

  const MuteState = Type.Object({ muted: Type.Boolean() });
  app.put(
    '/users/:handle/mute',
    { schema: { ...toggle, summary: 'Mute someone: hide their notes and comments from me', response: { 200: MuteState } } },
    async (request) => people.mute(requireViewer(request).user.id, request.params.handle, clock()),
  );
  app.delete('/users/:handle/mute', { schema: { ...toggle, summary: 'Unmute someone', response: { 200: MuteState } } }, async (request) =>
    people.unmute(requireViewer(request).user.id, request.params.handle),
  );

  for (const list of ['followers', 'following'] as const) {
    app.get(
      `/users/:handle/${list}`,
      { schema: { tags: ['social'], summary: `Someone's ${list}, newest first`, params: HandleParams, querystring: PageQuery, response: { 200: UserPage } } },
      async (request) =>
        people.connections(list, request.params.handle, await request.viewerContext(), request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
    );
  }

  for (const list of ['blocks', 'mutes'] as const) {
    app.get(
      `/me/${list}`,
      {
        schema: {
          tags: ['social'],
          summary: `People I ${list === 'blocks' ? 'blocked' : 'muted'}, newest first`,
          querystring: PageQuery,
          response: { 200: UserPage },
        },
      },
      async (request) => people.mine(list, requireViewer(request).user.id, request.query.cursor, request.query.limit ?? DEFAULT_PAGE_SIZE),
    );
  }
}
