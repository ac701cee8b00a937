import { DEFAULT_POLICY } from '../../src/config/moderation-policy.js';
import { ViewerContexts } from '../../src/kernel/viewer-context.js';
import type { RecommenderSettings } from '../../src/config/recommender-settings.js';
import type { Db } from '../../src/db/database.js';
import { seededRandom } from '../../src/demo/random.js';
import { CHEAP_JOBS, Recommender, runRecommenderJobs } from '../../src/modules/recommender/engine.js';
import { react } from './simulation-behaviour.js';
import { type SimulationReport, summarise } from './simulation-report.js';
import { followerCounts, insertFollows, insertNotes, insertPeople, noteStages, recordSeen, type SeenNote } from './simulation-store.js';
import { buildWorld, type SimNote } from './simulation-world.js';

// Drives the real Recommender with simulated people over simulated days: each
// step a batch of people opens For you (now = the simulated clock), sees a
// page, engages or not according to hidden tastes and hidden note quality,
// new notes are posted, and the recommender's jobs run as the server would
// run them. The engine only ever sees what a real deployment would.

export interface SimulationOptions {
  users: number;
  creators: number;
  famous: number;
  days: number;
  seed: number;
  stepMinutes: number;
  /** The similarity job runs this often (the cheap jobs every step). */
  similaritiesEveryMinutes: number;
  /** Chance per step that a person of average activity opens the app. */
  activeShare: number;
  pageSize: number;
  postsPerDay: number;
  newCreatorsPerDay: number;
  settings: RecommenderSettings;
  start: Date;
  log?: (line: string) => void;
}

export const SIMULATION_DEFAULTS = {
  users: 1000,
  creators: 150,
  famous: 5,
  days: 3,
  seed: 1,
  stepMinutes: 30,
  similaritiesEveryMinutes: 180,
  activeShare: 0.018,
  pageSize: 20,
  postsPerDay: 12,
  newCreatorsPerDay: 6,
  start: new Date('2026-01-13T00:00:00Z'),
} satisfies Partial<SimulationOptions>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const CONCURRENCY = 4;
const HISTORY_PER_VIEWER = 40;

export interface NoteTrack {
  impressions: number;
  /** When the note's 1,000th impression happened (ms), if it did. */
  reached1000At: number | null;
}

export async function runSimulation(db: Db, options: SimulationOptions): Promise<SimulationReport> {
  const log = options.log ?? (() => {});
  const startedAt = Date.now();
  const start = options.start.getTime();
  const end = start + options.days * DAY;
  const random = seededRandom(options.seed);
  const world = buildWorld({ ...options, viewers: options.users, start }, random);
  const backlog = world.notes.filter((note) => !note.fresh);
  const ids = await insertPeople(db, world, new Date(start - 30 * DAY));
  await insertFollows(db, world, ids, random.next, new Date(start - 20 * DAY));
  await insertNotes(db, backlog, ids);
  log(`simulate: ${world.viewers.length} people, ${world.creators.length} creators (${options.famous} famous), ${backlog.length} older notes`);

  const tracks = new Map<number, NoteTrack>();
  const sources: Record<string, number> = {};
  const see = (seen: SeenNote[]) => {
    for (const item of seen) {
      if (item.source) sources[item.source] = (sources[item.source] ?? 0) + 1;
      const track = tracks.get(item.note.index) ?? { impressions: 0, reached1000At: null };
      track.impressions += 1;
      if (track.impressions === 1000) track.reached1000At = item.at.getTime();
      tracks.set(item.note.index, track);
    }
  };

  // A history before the first step: each person saw and reacted to older notes, mostly in their topics.
  const history: SeenNote[] = [];
  for (const viewer of world.viewers) {
    const liked = backlog.filter((note) => viewer.interest[note.topic]! >= 0.35);
    for (let i = 0; i < HISTORY_PER_VIEWER; i += 1) {
      const note = random.next() < 0.7 && liked.length ? random.pick(liked) : random.pick(backlog);
      const at = new Date(Math.max(note.createdAt, start - 3 * DAY) + random.next() * Math.max(HOUR, start - Math.max(note.createdAt, start - 3 * DAY) - HOUR));
      history.push({ viewer, note, position: i % options.pageSize, at, actions: react(viewer, note, random) });
    }
  }
  await recordSeen(db, dedupe(history), ids);
  await runRecommenderJobs(db, options.settings, new Date(start));
  log(`simulate: history of ${history.length} impressions folded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  const recommender = new Recommender(db, options.settings, { cacheMs: 0 });
  const contexts = new ViewerContexts(db, DEFAULT_POLICY);
  const pending = world.notes.filter((note) => note.fresh);
  let posted = 0;
  let lastSimilarities = start;
  let engagements = 0;
  const timing = { serve: 0, jobs: 0, pages: 0 };
  const step = options.stepMinutes * MINUTE;
  for (let clock = start + step, index = 1; clock <= end; clock += step, index += 1) {
    const now = new Date(clock);
    const due: SimNote[] = [];
    while (posted < pending.length && pending[posted]!.createdAt <= clock) due.push(pending[posted++]!);
    await insertNotes(db, due, ids);

    const active = world.viewers.filter((viewer) => random.next() < viewer.activity * options.activeShare);
    const seen: SeenNote[] = [];
    let next = 0;
    const worker = async () => {
      while (next < active.length) {
        const viewer = active[next++]!;
        // Each session draws from its own stream, so results do not depend on which request finished first.
        const session = seededRandom(options.seed * 1_000_003 + index * 7919 + viewer.index);
        const pages = session.next() < 0.5 ? 1 : 2;
        for (let page = 0; page < pages; page += 1) {
          const at = new Date(clock - step + (page + 1) * MINUTE + Math.floor(session.next() * (step - 3 * MINUTE)));
          timing.pages += 1;
          const context = (await contexts.forUserId(ids.viewers[viewer.index]!, at)) ?? contexts.anonymous();
          const served = await recommender.recommend({ context, now: at, limit: options.pageSize });
          served.forEach((item, position) => {
            const note = world.notes[ids.noteIndex.get(item.noteId)!]!;
            seen.push({ viewer, note, position, at, actions: react(viewer, note, session), source: item.source });
          });
        }
      }
    };
    const t0 = Date.now();
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await recommender.served.flush();
    timing.serve += Date.now() - t0;
    seen.sort((a, b) => a.at.getTime() - b.at.getTime());
    see(seen);
    engagements += seen.reduce((sum, item) => sum + item.actions.length, 0);
    await recordSeen(db, seen, ids);

    const similarities = clock - lastSimilarities >= options.similaritiesEveryMinutes * MINUTE;
    if (similarities) lastSimilarities = clock;
    const t1 = Date.now();
    await runRecommenderJobs(db, options.settings, now, similarities ? undefined : CHEAP_JOBS);
    timing.jobs += Date.now() - t1;
    if (clock % (6 * HOUR) === 0) {
      const perPage = timing.pages ? (timing.serve / timing.pages).toFixed(0) : '–';
      log(
        `simulate: ${now.toISOString()} ${posted}/${pending.length} new notes posted, ${timing.pages} pages (${perPage} ms each), jobs ${(timing.jobs / 1000).toFixed(0)} s, ${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
      );
    }
  }
  await recommender.stop();

  return summarise({
    world,
    tracks,
    followers: await followerCounts(db, ids),
    stages: await noteStages(db, ids),
    end,
    engagements,
    sources,
    options: { users: options.users, creators: options.creators, days: options.days, seed: options.seed, stepMinutes: options.stepMinutes },
    elapsedSeconds: (Date.now() - startedAt) / 1000,
  });
}

/** One impression per person and note in the history (a page never shows a note twice). */
function dedupe(seen: SeenNote[]): SeenNote[] {
  const keys = new Set<string>();
  return seen.filter((item) => {
    const key = `${item.viewer.index}:${item.note.index}`;
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
}
