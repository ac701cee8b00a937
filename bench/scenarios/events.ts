import { randomUUID } from 'node:crypto';
import { type LoadOptions, runLoad } from '../lib/measure.js';
import type { BenchServer } from '../lib/server.js';
import type { World } from '../lib/world.js';

const BATCH = 20;

/**
 * Telemetry from many clients: each request is a batch of 20 events (feed
 * impressions and shares) from one client session. Reports events accepted
 * per second, and checks they were all stored (`lostEvents` must be 0).
 */
export async function eventsScenario(options: LoadOptions, world: World, server: BenchServer) {
  const [before] = await server.query<{ n: string }>('select count(*) as n from events');
  let next = 0;
  let accepted = 0;
  const result = await runLoad('events', options, {
    requests: [
      {
        method: 'POST',
        path: '/api/events',
        setupRequest: (request) => {
          const i = next++;
          const sessionId = randomUUID();
          const at = Date.now();
          const events = Array.from({ length: BATCH }, (_, k) => ({
            type: k % 10 === 9 ? 'share' : 'impression',
            noteId: world.topicNoteIds[(i + k) % world.topicNoteIds.length]!,
            at: at + k,
            sessionId,
            seq: k,
            source: 'explore',
          }));
          return {
            ...request,
            headers: { cookie: world.cookies[i % world.cookies.length]!, 'content-type': 'application/json' },
            body: JSON.stringify({ events }),
          };
        },
        onResponse: (status, body) => {
          if (status === 202) accepted += (JSON.parse(body) as { accepted: number }).accepted;
        },
      },
    ],
  });
  const [after] = await server.query<{ n: string }>('select count(*) as n from events');
  const stored = Number(after!.n) - Number(before!.n);
  result.extra = {
    eventsAccepted: accepted,
    eventsPerSecond: Math.round(accepted / options.durationSeconds),
    eventsStored: stored,
    // Confirmed events that are not in the table (must be 0)...
    lostEvents: Math.max(0, accepted - stored),
    // ...and stored events whose response the run cut off when it stopped.
    storedUnconfirmed: Math.max(0, stored - accepted),
  };
  return result;
}
