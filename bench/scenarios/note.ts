import { type LoadOptions, runLoad } from '../lib/measure.js';
import type { World } from '../lib/world.js';

/** The note page: the note, then its first comments (two requests per page view). */
export async function noteScenario(options: LoadOptions, world: World) {
  let next = 0;
  const cookie = () => world.cookies[next++ % world.cookies.length]!;
  const result = await runLoad('note', options, {
    requests: [
      { method: 'GET', path: `/api/notes/${world.hotNoteId}`, setupRequest: (request) => ({ ...request, headers: { cookie: cookie() } }) },
      { method: 'GET', path: `/api/notes/${world.hotNoteId}/comments?limit=10`, setupRequest: (request) => ({ ...request, headers: { cookie: cookie() } }) },
    ],
  });
  result.extra = { pageViewsPerSecond: Math.round(result.requestsPerSecond / 2) };
  return result;
}
