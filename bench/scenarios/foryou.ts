import { type LoadOptions, runLoad } from '../lib/measure.js';
import { phoneNumbers } from '../lib/phone-pool.js';
import type { BenchServer } from '../lib/server.js';
import { attachPhones, json, type World } from '../lib/world.js';

/** Pages a viewer scrolls before pulling to refresh (starting again from a first page). */
const PAGES_PER_VISIT = 5;
const PAGE_SIZE = 20;

interface Viewer {
  cookie: string;
  cursor: string | null;
  page: number;
}

/**
 * Signs in as seeded people who have a history (the ones with the most likes). The seed
 * gives them no number, so no one can sign in as them; each gets a real test number
 * first (sealed by the server's vault), then goes through the ordinary code flow.
 */
async function viewersWithHistory(server: BenchServer, count: number): Promise<Viewer[]> {
  const rows = await server.query<{ id: string }>(
    `select users.id from users join likes on likes.user_id = users.id
      where users.phone_index is null group by users.id order by count(*) desc, users.id limit $1`,
    [count],
  );
  // Far from the pools of the signup scenario (0…) and the world's sessions (8000…).
  const numbers = phoneNumbers(9_000);
  const viewers: Viewer[] = [];
  const headers = { 'content-type': 'application/json' };
  const signIn = async (userId: string, phone: string) => {
    await json(await fetch(`${server.url}/api/auth/code`, { method: 'POST', headers, body: JSON.stringify({ phone }) }));
    const inbox = await json<{ messages: Array<{ code: string }> }>(await fetch(`${server.url}/api/dev/sms?to=${encodeURIComponent(phone)}`));
    const verified = await fetch(`${server.url}/api/auth/verify`, { method: 'POST', headers, body: JSON.stringify({ phone, code: inbox.messages[0]!.code }) });
    const body = await json<{ user: { id: string } }>(verified);
    if (body.user.id !== userId) throw new Error(`signed in as ${body.user.id}, expected the seeded ${userId}`);
    viewers.push({ cookie: verified.headers.get('set-cookie')!.split(';')[0]!, cursor: null, page: 0 });
  };
  const pairs = rows.map((row) => ({ userId: row.id, phone: numbers.next().value as string }));
  await attachPhones(server, pairs);
  for (let i = 0; i < pairs.length; i += 50) {
    await Promise.all(pairs.slice(i, i + 50).map((pair) => signIn(pair.userId, pair.phone)));
  }
  return viewers;
}

/**
 * For you for signed-in people with a history: each request is the next page for the
 * next viewer in turn (first page, then the cursor it returned, a few pages deep, then
 * a fresh first page), so every answer is personal and nothing can come from a shared
 * page cache. `emptyPages` must stay 0 and `withReason` near 1.
 */
export async function foryouScenario(options: LoadOptions, _world: World, server: BenchServer, viewerCount = 300) {
  const viewers = await viewersWithHistory(server, viewerCount);
  if (viewers.length === 0) throw new Error('foryou: the seeded world has no one with likes');
  process.stderr.write(`foryou: ${viewers.length} viewers with history signed in\n`);
  // A session's first page builds the viewer's candidate pool (the heavy,
  // per-person query); later pages and fresh first pages within REC_CACHE_MS are
  // served from it. Open the app once for every viewer, timed on its own, so the
  // measured load is people scrolling, and the cold cost is reported separately.
  const firstPageMs = await warmUp(server, viewers);
  let next = 0;
  let pages = 0;
  let emptyPages = 0;
  let items = 0;
  let withReason = 0;
  const result = await runLoad('foryou', options, {
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context) => {
          const index = next++ % viewers.length;
          const viewer = viewers[index]!;
          (context as { viewer?: number }).viewer = index;
          const cursor = viewer.cursor ? `&cursor=${encodeURIComponent(viewer.cursor)}` : '';
          return { ...request, path: `/api/feed?tab=foryou&limit=${PAGE_SIZE}${cursor}`, headers: { cookie: viewer.cookie } };
        },
        onResponse: (status, body, context) => {
          const viewer = viewers[(context as { viewer?: number }).viewer ?? -1];
          if (status !== 200 || !viewer) return;
          const page = JSON.parse(body) as { items: Array<{ reason?: unknown }>; cursor: string | null };
          pages += 1;
          items += page.items.length;
          withReason += page.items.filter((item) => item.reason).length;
          if (page.items.length === 0) emptyPages += 1;
          viewer.page += 1;
          const again = viewer.page >= PAGES_PER_VISIT || !page.cursor;
          viewer.cursor = again ? null : page.cursor;
          if (again) viewer.page = 0;
        },
      },
    ],
  });
  result.extra = {
    viewers: viewers.length,
    firstPageP50Ms: firstPageMs.p50,
    firstPageP99Ms: firstPageMs.p99,
    pages,
    emptyPages,
    itemsPerPage: pages ? Math.round((items / pages) * 10) / 10 : 0,
    withReason: items ? Math.round((withReason / items) * 1000) / 1000 : 0,
  };
  return result;
}

/** One first page per viewer, four at a time; returns the latency distribution of those cold pages. */
async function warmUp(server: BenchServer, viewers: Viewer[]): Promise<{ p50: number; p99: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < viewers.length; i += 4) {
    await Promise.all(
      viewers.slice(i, i + 4).map(async (viewer) => {
        const started = performance.now();
        const page = await json<{ cursor: string | null }>(
          await fetch(`${server.url}/api/feed?tab=foryou&limit=${PAGE_SIZE}`, { headers: { cookie: viewer.cookie } }),
        );
        times.push(performance.now() - started);
        viewer.cursor = page.cursor;
        viewer.page = 1;
      }),
    );
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0);
  return { p50: at(0.5), p99: at(0.99), max: Math.round(times.at(-1) ?? 0) };
}
