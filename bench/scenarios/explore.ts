import { type LoadOptions, runLoad } from '../lib/measure.js';
import type { World } from '../lib/world.js';

/** A page of the For-you grid for signed-in users (a different account per request). */
export function exploreScenario(options: LoadOptions, world: World) {
  let next = 0;
  return runLoad('explore', options, {
    requests: [
      {
        method: 'GET',
        path: '/api/feed?limit=20',
        setupRequest: (request) => ({ ...request, headers: { cookie: world.cookies[next++ % world.cookies.length]! } }),
      },
    ],
  });
}
