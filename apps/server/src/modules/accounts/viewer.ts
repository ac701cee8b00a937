import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SignedInContext } from '../../kernel/viewer-context.js';
import { forbidden, unauthenticated } from '../../lib/errors.js';
import { SESSION_COOKIE, type SessionsService, type Viewer } from './sessions-service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user and their session, or null. */
    viewer: Viewer | null;
  }
}

/** Resolves the session cookie once per API request. */
export function installViewer(app: FastifyInstance, sessions: SessionsService, clock: () => Date): void {
  app.decorateRequest('viewer', null);
  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.viewer = await sessions.authenticate(token, clock());
  });
}

export function requireViewer(request: FastifyRequest): Viewer {
  if (!request.viewer) throw unauthenticated();
  return request.viewer;
}

/** The signed-in viewer's context (401 when signed out). */
export async function requireViewerContext(request: FastifyRequest): Promise<SignedInContext> {
  requireViewer(request);
  return (await request.viewerContext()) as SignedInContext;
}

export function requireAdmin(request: FastifyRequest): Viewer {
  const viewer = requireViewer(request);
  if (viewer.user.role !== 'admin') throw forbidden('Only administrators can do this.');
  return viewer;
}
