import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadOptions, ScenarioResult } from './lib/measure.js';
import { serverProfile } from './lib/profile.js';
import { type BenchServer, startBenchServer } from './lib/server.js';
import { prepareWorld, type World } from './lib/world.js';
import { eventsScenario } from './scenarios/events.js';
import { exploreScenario } from './scenarios/explore.js';
import { followingScenario } from './scenarios/following.js';
import { foryouScenario } from './scenarios/foryou.js';
import { healthScenario } from './scenarios/health.js';
import { likeHotScenario } from './scenarios/like-hot.js';
import { noteScenario } from './scenarios/note.js';
import { reportsScenario } from './scenarios/reports.js';
import { rerankScenario } from './scenarios/rerank.js';
import { signupScenario } from './scenarios/signup.js';
import { topicViewsScenario } from './scenarios/topic-views.js';
import { transcodeScenario } from './scenarios/transcode.js';

// npm run bench -- [scenario ...] [--connections 32] [--duration 10] [--url http://127.0.0.1:3000]
//   [--users 10000 --notes 100000 --likes 1000000 --sessions 1000]   (data set for explore, foryou, note, following, like-hot, topic-views)
//   [--foryou-users 300]   (foryou: seeded people with a history who browse For you)
//   [--profile DIR]   (the server's CPU profile into DIR, its top frames in the JSON)
// Prints one JSON document, then one summary line. Compare scenarios as ratios
// to `health` from the same run: absolute numbers vary from machine to machine.

const SCENARIOS: Record<string, (options: LoadOptions, world: World, server: BenchServer) => Promise<ScenarioResult>> = {
  health: healthScenario,
  signup: signupScenario,
  explore: exploreScenario,
  foryou: (options, world, server) => foryouScenario(options, world, server, Number(values['foryou-users'])),
  note: noteScenario,
  following: followingScenario,
  'like-hot': likeHotScenario,
  'topic-views': topicViewsScenario,
  events: eventsScenario,
  reports: reportsScenario,
  transcode: transcodeScenario,
  rerank: rerankScenario,
};
const NEEDS_WORLD = new Set(['explore', 'foryou', 'note', 'following', 'like-hot', 'topic-views', 'events', 'reports']);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    connections: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    url: { type: 'string' },
    users: { type: 'string', default: '10000' },
    notes: { type: 'string', default: '100000' },
    likes: { type: 'string', default: '1000000' },
    sessions: { type: 'string', default: '1000' },
    // foryou: seeded people with the most likes who browse For you.
    'foryou-users': { type: 'string', default: '300' },
    // Write the server's CPU profile into this directory and put its top frames in the JSON.
    profile: { type: 'string' },
  },
});

const names = positionals.length ? positionals : Object.keys(SCENARIOS);
const unknown = names.filter((name) => !SCENARIOS[name]);
if (unknown.length) {
  process.stderr.write(`Unknown scenario(s): ${unknown.join(', ')}. Known: ${Object.keys(SCENARIOS).join(', ')}\n`);
  process.exit(2);
}
// Scenarios that need no HTTP server (transcode runs the worker's code on a clip, rerank the re-ranker on synthetic pages).
const OFFLINE = new Set(['transcode', 'rerank']);
const offlineOnly = names.every((name) => OFFLINE.has(name));
// The health baseline is always measured, so every other figure has its ratio.
if (!names.includes('health') && !offlineOnly) names.unshift('health');

if (values.url && names.some((name) => NEEDS_WORLD.has(name))) {
  process.stderr.write('explore, foryou, note, following, like-hot and topic-views seed their own data set: run them without --url\n');
  process.exit(2);
}
const profileDir = values.profile ? path.resolve(values.profile) : undefined;
if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
const server = values.url || offlineOnly ? null : await startBenchServer({}, profileDir);
const url = values.url ?? server?.url ?? '';
const options: LoadOptions = { url, connections: Number(values.connections), durationSeconds: Number(values.duration) };
const results: ScenarioResult[] = [];
const worldSize = { users: Number(values.users), notes: Number(values.notes), likes: Number(values.likes), sessions: Number(values.sessions) };
let world: World | null = null;
try {
  if (names.some((name) => NEEDS_WORLD.has(name))) {
    process.stderr.write(`seeding ${worldSize.users} people, ${worldSize.notes} notes, ${worldSize.likes} likes...\n`);
    world = await prepareWorld(server!, worldSize);
  }
  // health first and again between scenarios would double the run; it is measured once, after seeding, on the same data.
  for (const name of names) {
    process.stderr.write(
      OFFLINE.has(name) ? `running ${name}...\n` : `running ${name} for ${options.durationSeconds}s at ${options.connections} connections...\n`,
    );
    results.push(await SCENARIOS[name]!(options, world!, server!));
  }
} finally {
  await server?.stop();
}

const health = results.find((result) => result.scenario === 'health');
const report = {
  node: process.version,
  startedServer: server !== null,
  dataSet: names.some((name) => NEEDS_WORLD.has(name)) ? worldSize : null,
  seeding: world?.seeding ?? null,
  // The whole server run (seeding's requests, sign-ins and every scenario): run one scenario at a time to read its flame.
  serverProfile: profileDir && server ? serverProfile(profileDir) : null,
  results: results.map((result) => ({
    ...result,
    ratioToHealth: health && !OFFLINE.has(result.scenario) ? Math.round((result.requestsPerSecond / health.requestsPerSecond) * 1000) / 1000 : null,
  })),
};
process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
process.stdout.write(
  `summary: ${report.results
    .map((r) =>
      r.extra?.ratioToClip !== undefined
        ? `${r.scenario} ${r.extra.transcodeSeconds} s for a ${r.extra.clipSeconds} s clip (×${r.extra.ratioToClip} real time)`
        : r.extra?.msPerPageP50 !== undefined
          ? `${r.scenario} ${r.extra.msPerPageP50} ms per page p99 ${r.extra.msPerPageP99} ms (${r.extra.candidatesPerPage} candidates)`
          : `${r.scenario} ${r.requestsPerSecond} req/s p99 ${r.latencyMs.p99} ms errors ${r.errors + r.non2xx}${r.extra?.signupsPerSecond !== undefined ? ` (${r.extra.signupsPerSecond} sign-ups/s)` : ''}${r.extra?.itemsPerPage !== undefined ? ` (${r.extra.itemsPerPage} items/page)` : ''}${r.extra?.lostCounts !== undefined ? ` lost ${r.extra.lostCounts}` : ''}${r.extra?.lostViews !== undefined ? ` lost ${r.extra.lostViews}` : ''}${r.extra?.eventsPerSecond !== undefined ? ` (${r.extra.eventsPerSecond} events/s, lost ${r.extra.lostEvents})` : ''}${r.extra?.reportsPerSecond !== undefined ? ` (queue page; storm ${r.extra.accepted} reports in ${r.extra.stormSeconds} s, lost ${r.extra.lostReports})` : ''} ×${r.ratioToHealth}`,
    )
    .join(' | ')}\n`,
);
