import { phoneNumbers } from '../lib/phone-pool.js';
import { type LoadOptions, runLoad, type ScenarioResult } from '../lib/measure.js';
import type { BenchServer } from '../lib/server.js';
import type { World } from '../lib/world.js';

// A report storm: 10,000 reports on 1,000 notes from 2,000 accounts, as fast
// as the server takes them (the aim: within a minute). Every accepted report
// must be in the queue: `lostReports` counts accepted reports without a row,
// `casesPerNote` must be 1 (a surge collapses into one queue entry) and the
// cases' report counts must add up to the rows. Then a moderator pages the
// queue under load: its latency sits next to `health` from the same run.

const REPORTS = 10_000;
const NOTES = 1_000;
const REPORTERS = 2_000;
const CATEGORIES = ['spam', 'gambling', 'harassment', 'nudity', 'misinformation', 'hate', 'graphic-violence'];

async function signInMany(server: BenchServer, count: number, skip: number): Promise<string[]> {
  const numbers = phoneNumbers(skip);
  const cookies: string[] = [];
  const headers = { 'content-type': 'application/json' };
  const signIn = async () => {
    const phone = numbers.next().value as string;
    await fetch(`${server.url}/api/auth/code`, { method: 'POST', headers, body: JSON.stringify({ phone }) });
    const inbox = (await (await fetch(`${server.url}/api/dev/sms?to=${encodeURIComponent(phone)}`)).json()) as { messages: Array<{ code: string }> };
    const verified = await fetch(`${server.url}/api/auth/verify`, { method: 'POST', headers, body: JSON.stringify({ phone, code: inbox.messages[0]!.code }) });
    if (!verified.ok) throw new Error(`sign-in failed: ${verified.status} ${await verified.text()}`);
    cookies.push(verified.headers.get('set-cookie')!.split(';')[0]!);
  };
  for (let i = 0; i < count; i += 50) await Promise.all(Array.from({ length: Math.min(50, count - i) }, signIn));
  return cookies;
}

export async function reportsScenario(options: LoadOptions, world: World, server: BenchServer): Promise<ScenarioResult> {
  // The world's accounts first, then fresh ones from the far end of the number pool.
  const extra = Math.max(0, REPORTERS - world.cookies.length);
  const reporters = [...world.cookies.slice(0, REPORTERS), ...(await signInMany(server, extra, 9_000))];
  const notes = (await server.query<{ id: string }>('select id::text as id from notes where deleted_at is null order by id limit $1', [NOTES])).map(
    (row) => row.id,
  );
  // Request k: reporter k mod 2000 on note (k + 211·⌊k/2000⌋) mod 1000, so no pair repeats.
  let next = 0;
  const started = Date.now();
  const storm = await runLoad('reports', options, {
    // With an amount, autocannon sends exactly that many requests and ignores the duration.
    amount: REPORTS,
    requests: [
      {
        method: 'POST',
        path: '/api/reports',
        setupRequest: (request) => {
          const k = next++;
          const reporter = reporters[k % reporters.length]!;
          const note = notes[(k + 211 * Math.floor(k / reporters.length)) % notes.length]!;
          return {
            ...request,
            headers: { 'content-type': 'application/json', cookie: reporter },
            body: JSON.stringify({ subject: { type: 'note', id: note }, category: CATEGORIES[k % CATEGORIES.length] }),
          };
        },
      },
    ],
  });
  const stormSeconds = (Date.now() - started) / 1000;
  const [check] = await server.query<{ rows: string; cases: string; counted: string; orphans: string; max_cases: string }>(
    `select (select count(*) from reports) as rows,
            (select count(*) from moderation_cases where status = 'open') as cases,
            (select coalesce(sum(report_count), 0) from moderation_cases where status = 'open') as counted,
            (select count(*) from reports where case_id is null) as orphans,
            (select coalesce(max(n), 0) from (select count(*) as n from moderation_cases where status = 'open' group by subject_type, subject_id) c) as max_cases`,
  );
  const accepted = storm.requests - storm.non2xx - storm.errors;

  // A moderator pages the queue while it is full (the first reporter is made one).
  const moderator = reporters[0]!;
  const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie: moderator } })).json()) as { id: string };
  await server.query("update users set role = 'moderator' where id = $1", [me.id]);
  // Sessions are cached for SESSION_CACHE_MS: wait until the role shows.
  for (let i = 0; i < 40; i += 1) {
    if ((await fetch(`${server.url}/api/moderation/queue?limit=1`, { headers: { cookie: moderator } })).ok) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const queue = await runLoad('reports', options, {
    requests: [{ method: 'GET', path: '/api/moderation/queue?limit=20', headers: { cookie: moderator } }],
  });

  return {
    ...queue,
    extra: {
      reports: storm.requests,
      accepted,
      reportsPerSecond: Math.round(accepted / stormSeconds),
      stormSeconds: Math.round(stormSeconds * 10) / 10,
      stormP99Ms: storm.latencyMs.p99,
      reportRows: Number(check!.rows),
      lostReports: accepted - Number(check!.rows),
      openCases: Number(check!.cases),
      casesPerNote: Number(check!.max_cases),
      uncountedReports: Number(check!.rows) - Number(check!.counted),
      orphanReports: Number(check!.orphans),
      reporters: reporters.length,
    },
  };
}
