import { Type } from 'typebox';
import type { ApiApp } from '../../kernel/api-app.js';
import { clientContext } from '../accounts/auth-routes.js';
import { SESSION_COOKIE } from '../accounts/sessions-service.js';
import { requireViewer } from '../accounts/viewer.js';
import type { DeletionService } from './deletion-service.js';

const DeletionSchema = Type.Object({
  scheduled: Type.Boolean(),
  requestedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  eraseAfter: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'The account and everything in it is erased after this' }),
});

export async function deletionRoutes(app: ApiApp, deps: { deletions: DeletionService; clock: () => Date }) {
  const { deletions, clock } = deps;

  app.get(
    '/me/deletion',
    { schema: { tags: ['privacy'], summary: 'Is my account scheduled for deletion, and when is it erased?', response: { 200: DeletionSchema } } },
    async (request) => deletions.state(requireViewer(request).user.id),
  );

  app.post(
    '/me/deletion/code',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Text a code to my number that confirms deleting my account (sign-in code limits apply)',
        response: { 202: Type.Object({ expiresInSeconds: Type.Integer(), resendAfterSeconds: Type.Integer() }) },
      },
    },
    async (request, reply) => {
      const sent = await deletions.requestCode(requireViewer(request).user, clientContext(request, clock()));
      return reply.status(202).send({ expiresInSeconds: sent.expiresInSeconds, resendAfterSeconds: sent.resendAfterSeconds });
    },
  );

  app.post(
    '/me/deletion',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Delete my account: hidden and signed out now, erased after the grace period; signing in again cancels',
        body: Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) }, { additionalProperties: false }),
        response: { 200: DeletionSchema },
      },
    },
    async (request, reply) => {
      const view = await deletions.schedule(requireViewer(request).user, request.body.code, clientContext(request, clock()));
      // Every session was revoked, this one too.
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return view;
    },
  );

  app.delete(
    '/me/deletion',
    { schema: { tags: ['privacy'], summary: 'Cancel the deletion of my account', response: { 204: Type.Null() } } },
    async (request, reply) => {
      await deletions.cancel(requireViewer(request).user.id);
      return reply.status(204).send(null);
    },
  );
}
