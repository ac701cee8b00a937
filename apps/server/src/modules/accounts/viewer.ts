import type { FastifyInstance, FastifyRequest } from 'fastify';
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

export function requireAdmin(request: FastifyRequest): Viewer {
  const viewer = requireViewer(request);
  if (viewer.user.role !== 'admin') throw forbidden('Only administrators can do this.');
  return viewer;
}
