import { Session } from 'node:inspector/promises';
import { DEFAULT_RECOMMENDER_SETTINGS } from '../config/recommender-settings.js';
import { seededRandom } from '../demo/random.js';
import type { Candidate, CandidateSource } from '../modules/recommender/recommender-types.js';
import { rerank } from '../modules/recommender/rerank.js';

// The For-you re-rank on pages shaped like production's (six sources, each
// capped at three pages' worth of candidates, 1–3 topics per note), timed per
// page and profiled with V8's sampling profiler: the JSON carries the time per
// page and the profile (bench/scenarios/rerank.ts turns it into the flame: the functions where the samples fell, by self time).
// Run by `npm run bench -- rerank`.

const PAGES = 20_000;
/** Distinct pages generated (cycled): keeps the input set small, so the garbage collector measures rerank, not the bench. */
const DISTINCT = 1_000;
const LIMIT = 20;
const PER_SOURCE = Math.max(LIMIT * 3, 30);
const SOURCES: CandidateSource[] = ['interest', 'following', 'fresh', 'trending', 'explore', 'popular'];

function pages(count: number): Candidate[][] {
  const random = seededRandom(7);
  return Array.from({ length: count }, () =>
    SOURCES.flatMap((source) =>
      Array.from({ length: PER_SOURCE }, (_, rank) => ({
        noteId: String(random.int(1, 100_000)),
        authorId: String(random.int(1, 300)),
        topicIds: Array.from({ length: random.int(1, 3) }, () => String(random.int(1, 200))),
        language: 'en',
        kind: 'image' as const,
        score: PER_SOURCE - rank,
        source,
        reason: { code: 'popular' as const },
      })),
    ),
  );
}

const { quotas, maxPerAuthor, diversityLambda } = DEFAULT_RECOMMENDER_SETTINGS;
const inputs = pages(DISTINCT);
const run = (list: Candidate[]) => rerank(list, { limit: LIMIT, quotas: { ...quotas }, maxPerAuthor, diversityLambda });
for (const list of inputs) run(list);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const times: number[] = [];
for (let i = 0; i < PAGES; i += 1) {
  const list = inputs[i % DISTINCT]!;
  const started = performance.now();
  run(list);
  times.push(performance.now() - started);
}
const { profile } = await session.post('Profiler.stop');
session.disconnect();

times.sort((a, b) => a - b);
const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]! * 1000) / 1000;
process.stdout.write(
  `${JSON.stringify({ pages: PAGES, candidatesPerPage: SOURCES.length * PER_SOURCE, pageSize: LIMIT, msPerPage: { p50: at(0.5), p99: at(0.99), max: at(1) }, profile })}\n`,
);
