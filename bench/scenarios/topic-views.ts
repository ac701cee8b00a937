import { type LoadOptions, runLoad } from '../lib/measure.js';
import type { World } from '../lib/world.js';

/**
 * A burst of views on one topic: batches of its notes reported by many
 * accounts. After the buffer's flush the topic's view counter must have grown
 * by exactly the views the server said it counted (`lostViews` must be 0).
 */
export async function topicViewsScenario(options: LoadOptions, world: World) {
  const topicUrl = `${options.url}/api/topics/${world.topic}`;
  const before = ((await (await fetch(topicUrl)).json()) as { views: number }).views;
  let next = 0;
  let counted = 0;
  const result = await runLoad('topic-views', options, {
    requests: [
      {
        method: 'POST',
        path: '/api/views',
        setupRequest: (request) => {
          const i = next++;
          const ids = Array.from({ length: 10 }, (_, k) => world.topicNoteIds[(i * 7 + k) % world.topicNoteIds.length]!);
          return {
            ...request,
            headers: { cookie: world.cookies[i % world.cookies.length]!, 'content-type': 'application/json' },
            body: JSON.stringify({ noteIds: [...new Set(ids)] }),
          };
        },
        onResponse: (status, body) => {
          if (status === 202) counted += (JSON.parse(body) as { counted: number }).counted;
        },
      },
    ],
  });
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const after = ((await (await fetch(topicUrl)).json()) as { views: number }).views;
  result.extra = { viewsCounted: counted, topicViewsBefore: before, topicViewsAfter: after, lostViews: before + counted - after };
  return result;
}
