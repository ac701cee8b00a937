import type { FastifyInstance } from 'fastify';
import { forbidden } from '../lib/errors.js';

// Cross-site request forgery: a state-changing API request must come from the
// app itself. Browsers say where a request comes from (Sec-Fetch-Site, else
// Origin); a request another site's page made with the visitor's cookie is
// refused. Clients that are not browsers send neither and are let through:
// they carry no one's cookie but their own.

const CHANGES_STATE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installSameOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!CHANGES_STATE.has(request.method) || !request.url.startsWith('/api/')) return;
    const site = request.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      // 'none': the person typed or bookmarked it; 'same-origin': the app's own pages.
      if (site !== 'same-origin' && site !== 'none') throw forbidden('This request did not come from Qiao.');
      return;
    }
    const origin = request.headers.origin;
    if (typeof origin === 'string' && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw forbidden('This request did not come from Qiao.');
      }
      if (host !== request.host) throw forbidden('This request did not come from Qiao.');
    } else if (origin === 'null') {
      throw forbidden('This request did not come from Qiao.');
    }
  });
}
