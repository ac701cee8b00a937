import { type LoadOptions, runLoad } from '../lib/measure.js';
import type { BenchServer } from '../lib/server.js';
import { json, type World } from '../lib/world.js';

/** People who scroll the Following tab follow this many accounts, and read this many pages before starting again from the top. */
const FOLLOWEES = 200;
const PAGES_PER_VISIT = 4;
const PAGE_SIZE = 50;

interface Reader {
  cookie: string;
  cursor: string | null;
  page: number;
}

/**
 * Makes every signed-in session of the world follow FOLLOWEES seeded authors
 * (a different random set each, among people who posted), in SQL after seeding:
 * a follow through the API would cost a request per edge for nothing measured.
 */
async function followAuthors(server: BenchServer, world: World): Promise<Reader[]> {
  const readers: Reader[] = [];
  for (const cookie of world.cookies) {
    const me = await json<{ id: string }>(await fetch(`${server.url}/api/me`, { headers: { cookie } }));
    await server.query(
      `insert into follows (follower_id, followee_id, created_at)
       select $1::bigint, author_id, now() from (select distinct author_id from notes where deleted_at is null and author_id <> $1::bigint) authors
       order by random() limit $2
       on conflict do nothing`,
      [me.id, FOLLOWEES],
    );
    readers.push({ cookie, cursor: null, page: 0 });
  }
  return readers;
}

/**
 * The Following tab for people who follow 200 accounts: each request is the next
 * 50-item page for the next reader in turn (the first page, then its cursor, a few
 * pages deep, then the top again). `itemsPerPage` must stay near 50 and
 * `emptyPages` at 0: a keyset page of the followees' notes with cached cards.
 */
export async function followingScenario(options: LoadOptions, world: World, server: BenchServer) {
  const readers = await followAuthors(server, world);
  process.stderr.write(`following: ${readers.length} readers follow ${FOLLOWEES} authors each\n`);
  let next = 0;
  let pages = 0;
  let items = 0;
  let emptyPages = 0;
  const result = await runLoad('following', options, {
    requests: [
      {
        method: 'GET',
        setupRequest: (request, context) => {
          const index = next++ % readers.length;
          const reader = readers[index]!;
          (context as { reader?: number }).reader = index;
          const cursor = reader.cursor ? `&cursor=${encodeURIComponent(reader.cursor)}` : '';
          return { ...request, path: `/api/feed?tab=following&limit=${PAGE_SIZE}${cursor}`, headers: { cookie: reader.cookie } };
        },
        onResponse: (status, body, context) => {
          const reader = readers[(context as { reader?: number }).reader ?? -1];
          if (status !== 200 || !reader) return;
          const page = JSON.parse(body) as { items: unknown[]; cursor: string | null };
          pages += 1;
          items += page.items.length;
          if (page.items.length === 0) emptyPages += 1;
          reader.page += 1;
          const again = reader.page >= PAGES_PER_VISIT || !page.cursor;
          reader.cursor = again ? null : page.cursor;
          if (again) reader.page = 0;
        },
      },
    ],
  });
  result.extra = {
    readers: readers.length,
    followees: FOLLOWEES,
    pages,
    emptyPages,
    itemsPerPage: pages ? Math.round((items / pages) * 10) / 10 : 0,
  };
  return result;
}
