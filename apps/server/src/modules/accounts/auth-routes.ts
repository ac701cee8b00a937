import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { visitorCountry } from '../../kernel/viewer-context.js';
import { MeSchema, presentMe } from './account-schemas.js';
import type { AuthService, ClientContext } from './auth-service.js';
import { SESSION_COOKIE, type SessionsService } from './sessions-service.js';

export interface AuthRoutesDeps {
  auth: AuthService;
  sessions: SessionsService;
  clock: () => Date;
  cookie: { secure: boolean; maxAgeSeconds: number };
  /** The edge's country header: sessions remember the country they signed in from. */
  regionHeader: string | null;
}

export function clientContext(request: FastifyRequest, now: Date, regionHeader: string | null = null): ClientContext {
  return {
    ip: request.ip,
    country: visitorCountry(request, regionHeader),
    userAgent: request.headers['user-agent'] ?? null,
    acceptLanguage: request.headers['accept-language'],
    now,
  };
}

const SignedInSchema = Type.Object({
  user: MeSchema,
  isNewUser: Type.Boolean(),
  deletionCancelled: Type.Boolean({ description: 'The account was waiting for erasure; signing in cancelled it' }),
});

const TwoFactorRequiredSchema = Type.Object({
  twoFactorRequired: Type.Literal(true),
  pendingToken: Type.String({ description: 'Send it with the authenticator code to POST /api/auth/two-factor; no session exists yet' }),
  expiresInSeconds: Type.Integer(),
});

export async function authRoutes(app: ApiApp, deps: AuthRoutesDeps) {
  const { auth, clock, cookie } = deps;

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: cookie.secure,
      maxAge: cookie.maxAgeSeconds,
    });

  app.post(
    '/auth/code',
    {
      schema: {
        tags: ['auth'],
        summary: 'Send a 6-digit sign-in code to a phone number',
        description:
          'Sign-up and log-in are one flow. Codes expire after 5 minutes; a new code can be sent after 60 s; ' +
          'numbers and IP addresses are rate-limited (429 with Retry-After). Under unusual volume the answer is 428 ' +
          '`challenge_required` with a signed proof-of-work `challenge` and its `difficulty`; send the request again with `challenge` and `solution`.',
        body: Type.Object({
          phone: Type.String({ minLength: 1, maxLength: 32, description: 'E.164 (+8613800138000) or national digits with `country`' }),
          country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2 of the number' })),
          language: Type.Optional(Type.String({ maxLength: 16, description: 'Language of the text message' })),
          challenge: Type.Optional(Type.String({ maxLength: 200, description: 'From a 428 challenge_required answer' })),
          solution: Type.Optional(Type.String({ maxLength: 64, description: 'sha256(challenge + ":" + solution) starts with `difficulty` zero bits' })),
        }),
        response: {
          202: Type.Object({
            phone: Type.String(),
            expiresInSeconds: Type.Integer(),
            resendAfterSeconds: Type.Integer(),
          }),
        },
      },
    },
    async (request, reply) => {
      const result = await auth.requestCode(request.body, clientContext(request, clock(), deps.regionHeader));
      return reply.status(202).send(result);
    },
  );

  app.post(
    '/auth/verify',
    {
      schema: {
        tags: ['auth'],
        summary: 'Check a code; signs in, creating the account on first use',
        body: Type.Object({
          phone: Type.String({ minLength: 1, maxLength: 32 }),
          code: Type.String({ pattern: '^[0-9]{6}$' }),
        }),
        response: { 200: Type.Union([SignedInSchema, TwoFactorRequiredSchema]) },
      },
    },
    async (request, reply) => {
      const result = await auth.verifyCode(request.body, clientContext(request, clock(), deps.regionHeader));
      if (result.kind === 'two-factor') {
        return { twoFactorRequired: true as const, pendingToken: result.pendingToken, expiresInSeconds: result.expiresInSeconds };
      }
      setSessionCookie(reply, result.token);
      return { user: presentMe(result.user, result.phone, clock()), isNewUser: result.created, deletionCancelled: result.deletionCancelled };
    },
  );

  app.post(
    '/auth/two-factor',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second step for accounts with an authenticator app: its code (or a recovery code) turns the pending sign-in into a session',
        description: 'Five wrong codes end the pending sign-in; each authenticator code works once.',
        body: Type.Object({
          pendingToken: Type.String({ minLength: 20, maxLength: 100 }),
          code: Type.String({ minLength: 6, maxLength: 20, description: '6 digits from the app, or a recovery code (xxxxx-xxxxx)' }),
        }),
        response: { 200: SignedInSchema },
      },
    },
    async (request, reply) => {
      const result = await auth.verifySecondFactor(request.body, clientContext(request, clock(), deps.regionHeader));
      setSessionCookie(reply, result.token);
      return { user: presentMe(result.user, result.phone, clock()), isNewUser: false, deletionCancelled: result.deletionCancelled };
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'End this session', response: { 204: Type.Null() } } }, async (request, reply) => {
    if (request.viewer) {
      await deps.sessions.revoke(request.viewer.user.id, request.viewer.session.id);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });
}
