import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCsvDataset } from './csv.js';
import type { Dataset } from './dataset.js';
import { EvalCluster } from './eval-cluster.js';
import { BASELINES, evaluate } from './evaluate.js';
import { loadMovieLens } from './movielens.js';
import { engineVariants, formatTable } from './report.js';

// npm run rec:eval -- --movielens ../shared/data/ml-100k --seeds 3 --sweep
// Offline evaluation: loads a data set into a throwaway database, runs the
// recommender's jobs and feed on the training half, compares with MostPop,
// ItemKNN and random. Progress on stderr; the table and the JSON on stdout.

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const USAGE = `Usage: npm run rec:eval -- (--movielens DIR | --interactions FILE --items FILE) [options]

  --movielens DIR        MovieLens-100k directory (u.data, u.item, u.genre)
  --interactions FILE    CSV: user_id,item_id,timestamp[,weight]
  --items FILE           CSV: item_id,creator_id,created_at,title,tags (tags separated by |)
  --protocol P           random (75/25 per user, seeded; default) or temporal (latest 20% per user)
  --seeds N              splits to average over (default 1)
  --k N                  list length (default 10)
  --set JSON             recommender settings overrides, e.g. '{"neighbors":{"beta":0.6}}'
  --sweep                also run the engine at the preset knob settings (qiao:accuracy, qiao:fair)
  --models LIST          comma-separated subset of qiao,${BASELINES.join(',')} (default: all;
                         candidates: a row per item model the engine's validation choice tries, alone)
  --knn-neighbours N     ItemKNN neighbours per item (default 0 = all)
  --limit-users N        evaluate only the first N test users (quick runs)
  --out FILE             also write the JSON to FILE

Relative paths are resolved from the repository root. Example:
  npm run rec:eval -- --movielens ../shared/data/ml-100k --seeds 3 --sweep
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      movielens: { type: 'string' },
      interactions: { type: 'string' },
      items: { type: 'string' },
      protocol: { type: 'string', default: 'random' },
      seeds: { type: 'string', default: '1' },
      k: { type: 'string', default: '10' },
      set: { type: 'string' },
      sweep: { type: 'boolean', default: false },
      models: { type: 'string' },
      'knn-neighbours': { type: 'string', default: '0' },
      'limit-users': { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}
try {
  parsed = parse();
} catch (error) {
  fail((error as Error).message);
}
const { values } = parsed;
if (values.help || (!values.movielens && !values.interactions && !values.items)) {
  process.stdout.write(USAGE);
  process.exit(values.help ? 0 : 2);
}

const resolve = (file: string) => path.resolve(REPO_ROOT, file);
const whole = (value: string | undefined, name: string, min: number): number | undefined => {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) fail(`--${name} must be a whole number of at least ${min}`);
  return number;
};
const protocol = values.protocol;
if (protocol !== 'random' && protocol !== 'temporal') fail('--protocol must be random or temporal');
if (values.movielens && (values.interactions || values.items)) fail('give either --movielens or --interactions with --items');
if (!values.movielens && !(values.interactions && values.items)) fail('--interactions and --items go together');
const models = values.models ? values.models.split(',').map((model) => model.trim()) : ['qiao', ...BASELINES];
for (const model of models) if (model !== 'qiao' && !(BASELINES as readonly string[]).includes(model)) fail(`unknown model ${model}`);

let overrides: unknown;
let variants: ReturnType<typeof engineVariants>;
try {
  overrides = values.set ? JSON.parse(values.set) : undefined;
  variants = engineVariants(overrides, values.sweep);
} catch (error) {
  fail(`--set: ${(error as Error).message}`);
}

const log = (line: string) => process.stderr.write(`${line}\n`);
let dataset: Dataset;
try {
  dataset = values.movielens ? loadMovieLens(resolve(values.movielens)) : loadCsvDataset(resolve(values.interactions!), resolve(values.items!));
} catch (error) {
  fail((error as Error).message);
}
log(`data: ${dataset.users.length} users, ${dataset.items.length} items, ${dataset.creators.length} creators, ${dataset.interactions.length} interactions`);

const cluster = models.includes('qiao') ? await EvalCluster.start() : null;
const stop = () => {
  void cluster?.stop().finally(() => process.exit(130));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
try {
  const report = await evaluate(dataset, {
    protocol,
    seeds: whole(values.seeds, 'seeds', 1)!,
    k: whole(values.k, 'k', 1)!,
    limitUsers: whole(values['limit-users'], 'limit-users', 1),
    knnNeighbours: whole(values['knn-neighbours'], 'knn-neighbours', 0)!,
    baselines: models.filter((model) => model !== 'qiao'),
    historyCap: variants[0]!.settings.neighbors.historyCap,
    perItem: variants[0]!.settings.neighbors.perNote,
    engine: cluster ? { variants, openDatabase: (seed) => cluster.openDatabase(`seed${seed}`) } : undefined,
    log,
  });
  const json = JSON.stringify(report, null, 2);
  process.stdout.write(`${formatTable(report)}\n\n${json}\n`);
  if (values.out) fs.writeFileSync(resolve(values.out), `${json}\n`);
} finally {
  await cluster?.stop();
}
