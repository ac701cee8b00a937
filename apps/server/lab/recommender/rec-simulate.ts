import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_RECOMMENDER_SETTINGS, mergeRecommenderSettings, type RecommenderSettings } from '../../src/config/recommender-settings.js';
import { EvalCluster } from './eval-cluster.js';
import { formatSimulation } from './simulation-report.js';
import { runSimulation, SIMULATION_DEFAULTS } from './simulation.js';

// npm run rec:simulate -- [--users 1500] [--creators 200] [--days 3] [--seed 1]
// Drives the real recommender with simulated people and creators in a
// throwaway database and reports how reach is earned. Progress on stderr; the
// table and the JSON on stdout.

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const D = SIMULATION_DEFAULTS;

const USAGE = `Usage: npm run rec:simulate -- [options]

  --users N            simulated people (default ${D.users})
  --creators N         creators at the start, ${D.famous} of them famous (default ${D.creators})
  --days N             simulated days (default ${D.days})
  --seed N             world and behaviour seed (default ${D.seed})
  --step-minutes N     simulated minutes per step (default ${D.stepMinutes})
  --active-share X     chance per step that a person opens the app (default ${D.activeShare})
  --set JSON           recommender settings overrides, e.g. '{"stageBudgets":[100,1000,10000]}'
  --out FILE           also write the JSON to FILE (relative to the repository root)
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function parse() {
  return parseArgs({
    options: {
      users: { type: 'string' },
      creators: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      'step-minutes': { type: 'string' },
      'active-share': { type: 'string' },
      set: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
let parsed: ReturnType<typeof parse>;
try {
  parsed = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values } = parsed;
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const number = (value: string | undefined, fallback: number, name: string, integer = true, min = 1): number => {
  if (value === undefined) return fallback;
  const parsedNumber = Number(value);
  if (!Number.isFinite(parsedNumber) || parsedNumber < min || (integer && !Number.isInteger(parsedNumber)))
    fail(`--${name} must be a ${integer ? 'whole ' : ''}number of at least ${min}`);
  return parsedNumber;
};
let settings: RecommenderSettings;
try {
  settings = mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, values.set ? JSON.parse(values.set) : {}, '--set');
} catch (error) {
  fail(`--set: ${(error as Error).message}`);
}
const creators = number(values.creators, D.creators, 'creators', true, D.famous + 1);
const options = {
  ...D,
  users: number(values.users, D.users, 'users'),
  creators,
  days: number(values.days, D.days, 'days'),
  seed: number(values.seed, D.seed, 'seed', true, 0),
  stepMinutes: number(values['step-minutes'], D.stepMinutes, 'step-minutes', true, 5),
  activeShare: number(values['active-share'], D.activeShare, 'active-share', false, 0.001),
  settings,
  log: (line: string) => process.stderr.write(`${line}\n`),
};

const cluster = await EvalCluster.start();
const stop = () => {
  void cluster.stop().finally(() => process.exit(130));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  const database = await cluster.openDatabase(`sim${options.seed}`);
  try {
    const report = await runSimulation(database.db, options);
    const json = JSON.stringify(report, null, 2);
    process.stdout.write(`${formatSimulation(report)}\n\n${json}\n`);
    if (values.out) fs.writeFileSync(path.resolve(REPO_ROOT, values.out), `${json}\n`);
  } finally {
    await database.close();
  }
} finally {
  await cluster.stop();
}
