import { type LoadOptions, runLoad } from '../lib/measure.js';
import type { BenchServer } from '../lib/server.js';
import type { World } from '../lib/world.js';

/**
 * Many accounts liking and unliking one note at once. Afterwards the note's
 * like count (the sum of its counter shards) must equal its like rows:
 * `lostCounts` is the difference and must be 0. (`unansweredAtEnd` counts the
 * requests cut off when the run stopped: the server may have applied them.)
 */
export async function likeHotScenario(options: LoadOptions, world: World, server: BenchServer) {
  const url = `${options.url}/api/notes/${world.hotNoteId}`;
  // Note pages are cached for up to READ_CACHE_MS (1 s): wait it out before each read.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500));
  await settle();
  const before = ((await (await fetch(url)).json()) as { counts: { likes: number } }).counts.likes;
  const liked = new Array<boolean>(world.cookies.length).fill(false);
  const inFlight = new Set<number>();
  let next = 0;
  interface Context {
    index?: number;
  }
  const result = await runLoad('like-hot', options, {
    requests: [
      {
        path: `/api/notes/${world.hotNoteId}/like`,
        setupRequest: (request, context: Context) => {
          // One request per account at a time, so each account's final state is known.
          let index = next++ % world.cookies.length;
          while (inFlight.has(index)) index = next++ % world.cookies.length;
          inFlight.add(index);
          context.index = index;
          return { ...request, method: liked[index] ? 'DELETE' : 'PUT', headers: { cookie: world.cookies[index]! } };
        },
        onResponse: (status, body, context: Context) => {
          const index = context.index!;
          inFlight.delete(index);
          if (status === 200) liked[index] = (JSON.parse(body) as { liked: boolean }).liked;
        },
      },
    ],
  });
  await settle();
  const after = ((await (await fetch(url)).json()) as { counts: { likes: number } }).counts.likes;
  const [check] = await server.query<{ rows: string; shards: string }>(
    'select (select count(*) from likes where note_id = $1) as rows, (select coalesce(sum(likes), 0) from note_counters where note_id = $1) as shards',
    [world.hotNoteId],
  );
  result.extra = {
    likesBefore: before,
    likesAfter: after,
    likeRows: Number(check!.rows),
    lostCounts: Number(check!.rows) - Number(check!.shards),
    unansweredAtEnd: inFlight.size,
  };
  return result;
}
