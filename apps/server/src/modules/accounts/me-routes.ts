import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { HandleSchema, MeSchema, presentMe, presentPublicProfile, presentSession, PublicProfileSchema, SessionSchema } from './account-schemas.js';
import type { UserRow } from '../../db/tables/users.js';
import type { ProfileService } from './profile-service.js';
import type { SessionsService } from './sessions-service.js';
import { requireViewer } from './viewer.js';

export interface MeRoutesDeps {
  profiles: ProfileService;
  sessions: SessionsService;
  clock: () => Date;
  /** Decrypts the signed-in person's own number for them. */
  ownPhone: (user: UserRow) => Promise<string | null>;
}

export async function meRoutes(app: ApiApp, deps: MeRoutesDeps) {
  const { profiles, sessions, clock, ownPhone } = deps;

  app.get('/me', { schema: { tags: ['accounts'], summary: 'The signed-in account', response: { 200: MeSchema } } }, async (request) => {
    const { user } = requireViewer(request);
    return presentMe(user, await ownPhone(user), clock());
  });

  app.patch(
    '/me',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Edit my profile; a new account sets handle and display name here',
        body: Type.Object(
          {
            handle: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
            displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
            bio: Type.Optional(Type.String({ maxLength: 160 })),
            language: Type.Optional(Type.String({ maxLength: 16 })),
            region: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'decides the rulebook; once per 30 days' })),
            birthDate: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 10 })], { description: 'YYYY-MM-DD; adults-only content needs it' })),
            likesPrivate: Type.Optional(Type.Boolean()),
            collectsPrivate: Type.Optional(Type.Boolean()),
            // Null first: with type coercion on, a null would otherwise become an empty string.
            bioLanguage: Type.Optional(
              Type.Union([Type.Null(), Type.String({ minLength: 1, maxLength: 16 })], { description: 'ISO 639-1; null: detect it from the bio' }),
            ),
            // 1 to 10 supported codes; the service checks them (with its own error code), the schema only bounds the payload.
            readLanguages: Type.Optional(Type.Array(Type.String({ maxLength: 16 }), { maxItems: 50 })),
            autoTranslate: Type.Optional(Type.Boolean()),
            feedLanguagesOnly: Type.Optional(Type.Boolean()),
            feedPersonalised: Type.Optional(Type.Boolean()),
            discoverableByPhone: Type.Optional(Type.Boolean({ description: 'false: nobody finds my account by my phone number' })),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const now = clock();
      const user = await profiles.update(viewer.user, request.body, now);
      return presentMe(user, await ownPhone(user), now);
    },
  );

  app.get(
    '/handles/:handle',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Is a handle free to take?',
        params: Type.Object({ handle: HandleSchema }),
        response: {
          200: Type.Object({
            handle: Type.String(),
            available: Type.Boolean(),
            reason: Type.Optional(Type.Union([Type.Literal('taken'), Type.Literal('reserved'), Type.Literal('invalid')])),
          }),
        },
      },
    },
    async (request) => ({
      handle: request.params.handle,
      ...(await profiles.checkHandle(request.params.handle, request.viewer?.user.id)),
    }),
  );

  app.get(
    '/users/:handle',
    {
      schema: {
        tags: ['accounts'],
        summary: "Someone's public profile, with counts and how I stand with them (404 if they blocked me)",
        params: Type.Object({ handle: HandleSchema }),
        response: { 200: PublicProfileSchema },
      },
    },
    async (request) => presentPublicProfile(await profiles.publicProfile(request.params.handle, await request.viewerContext())),
  );

  app.get(
    '/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'My signed-in devices',
        response: { 200: Type.Object({ sessions: Type.Array(SessionSchema) }) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      const list = await sessions.list(viewer.user.id, clock());
      return { sessions: list.map((session) => presentSession(session, viewer.session.id)) };
    },
  );

  app.delete(
    '/sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out all other devices (this one stays signed in)',
        querystring: Type.Object({ others: Type.Literal('true', { description: 'Required: only the other sessions can be ended at once' }) }),
        response: { 200: Type.Object({ revoked: Type.Integer({ description: 'How many sessions ended' }) }) },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      return { revoked: await sessions.revokeOthers(viewer.user.id, viewer.session.id) };
    },
  );

  app.delete(
    '/sessions/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign a device out',
        params: Type.Object({ id: Type.String({ maxLength: 20 }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await sessions.revoke(viewer.user.id, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
