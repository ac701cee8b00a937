import type { Db } from '../../src/db/database.js';
import { candidateRows, newestFirst } from './candidate-models.js';
import { itemKnn, mostPopular, randomModel, type Recommend, trainingData } from './baselines.js';
import type { Dataset } from './dataset.js';
import { type EngineVariant, runEngine } from './engine-model.js';
import { ingestTraining } from './ingest.js';
import { exposureMetrics, rankingMetrics } from './metrics.js';
import { type Protocol, split } from './splits.js';

// One evaluation: for each seed, split, train every model on the same half,
// ask each for every test user's top k, score, and average over seeds.

export interface ModelResult {
  model: string;
  ndcg: number;
  precision: number;
  recall: number;
  map: number;
  coverage: number;
  creatorGini: number;
  longTailShare: number;
  novelty: number;
}

export interface EvaluationReport {
  protocol: Protocol;
  k: number;
  seeds: number;
  results: ModelResult[];
  /** Per seed: the item model the engine's own validation (inside the training half) chose, when candidates ran. */
  chosen?: string[];
}

export const BASELINES = ['mostpop', 'itemknn', 'random', 'candidates'] as const;

export interface EngineOptions {
  /** One row per variant (`qiao`, `qiao:fair`…). */
  variants: EngineVariant[];
  /** A fresh, migrated, empty database for one seed; `close` drops it. */
  openDatabase(seed: number): Promise<{ db: Db; close(): Promise<void> }>;
}

export interface EvaluationOptions {
  protocol: Protocol;
  seeds: number;
  k: number;
  /** Evaluate only the first N test users (training still uses everyone). */
  limitUsers?: number;
  /** ItemKNN neighbours per item; 0 keeps all. */
  knnNeighbours: number;
  /** Baselines to run (default: all). */
  baselines?: readonly string[];
  /** The engine's neighbour settings, for the candidate rows (defaults: 300 and 100). */
  historyCap?: number;
  perItem?: number;
  /** Absent: baselines only. */
  engine?: EngineOptions;
  log?: (line: string) => void;
}

const FIELDS = ['ndcg', 'precision', 'recall', 'map', 'coverage', 'creatorGini', 'longTailShare', 'novelty'] as const;
type Figures = Omit<ModelResult, 'model'>;

export async function evaluate(dataset: Dataset, options: EvaluationOptions): Promise<EvaluationReport> {
  const log = options.log ?? (() => {});
  const sums = new Map<string, Figures>();
  const chosen: string[] = [];
  const add = (model: string, figures: Figures) => {
    const sum = sums.get(model) ?? { ndcg: 0, precision: 0, recall: 0, map: 0, coverage: 0, creatorGini: 0, longTailShare: 0, novelty: 0 };
    for (const field of FIELDS) sum[field] += figures[field];
    sums.set(model, sum);
  };

  for (let seed = 1; seed <= options.seeds; seed += 1) {
    const halves = split(dataset, options.protocol, seed);
    const data = trainingData(halves, dataset.items.length);
    let users = dataset.users.map((_, user) => user).filter((user) => halves.test[user]!.size > 0);
    if (options.limitUsers !== undefined) users = users.slice(0, options.limitUsers);
    log(`seed ${seed}: ${users.length} test users, ${halves.train.reduce((sum, list) => sum + list.length, 0)} training interactions`);

    const score = (model: string, recommendations: number[][]) => {
      const figures = scoreRecommendations(recommendations, users, halves.test, options.k, {
        itemCreator: dataset.items.map((item) => item.creator),
        creatorCount: dataset.creators.length,
        itemPopularity: Array.from(data.popularity),
      });
      log(`seed ${seed}: ${model.padEnd(14)} ndcg@${options.k} ${figures.ndcg.toFixed(4)}`);
      add(model, figures);
    };

    if (options.engine) {
      const { db, close } = await options.engine.openDatabase(seed);
      try {
        const ingested = await ingestTraining(db, dataset, halves, (line) => log(`seed ${seed}: ${line}`));
        for (const variant of options.engine.variants) {
          const started = Date.now();
          const run = await runEngine(db, ingested, variant.settings, users, options.k);
          log(
            `seed ${seed}: ${variant.name} answered ${users.length} users in ${((Date.now() - started) / 1000).toFixed(1)} s; sources ${JSON.stringify(run.sources)}`,
          );
          score(variant.name, run.recommendations);
        }
      } finally {
        await close();
      }
    }

    const baselines: Record<string, () => Recommend> = {
      mostpop: () => mostPopular(data),
      itemknn: () => itemKnn(data, options.knnNeighbours),
      random: () => randomModel(data, seed),
    };
    for (const name of options.baselines ?? BASELINES) {
      if (name === 'candidates') {
        // Every item model the engine's choice tries, alone (plain top-k, no page mix).
        const { rows, chosen: pick, choiceMs } = candidateRows(newestFirst(halves, options.historyCap ?? 300), dataset.items.length, options.perItem ?? 100);
        log(`seed ${seed}: the validation chose ${pick} (${(choiceMs / 1000).toFixed(1)} s)`);
        chosen.push(pick);
        for (const row of rows) {
          const recommendations: number[][] = [];
          for (const user of users) recommendations.push(await row.recommend(user, options.k));
          score(`model:${row.name}`, recommendations);
        }
        continue;
      }
      const build = baselines[name];
      if (!build) throw new Error(`unknown model ${name} (known: ${BASELINES.join(', ')})`);
      const recommend = build();
      const recommendations: number[][] = [];
      for (const user of users) recommendations.push(await recommend(user, options.k));
      score(name, recommendations);
    }
  }

  return {
    protocol: options.protocol,
    k: options.k,
    seeds: options.seeds,
    results: [...sums.entries()].map(([model, sum]) => {
      const result = { model } as ModelResult;
      for (const field of FIELDS) result[field] = sum[field] / options.seeds;
      return result;
    }),
    ...(chosen.length > 0 ? { chosen } : {}),
  };
}

/** Accuracy averaged over the users, exposure over the whole set of lists. */
export function scoreRecommendations(
  recommendations: number[][],
  users: readonly number[],
  test: ReadonlyArray<ReadonlySet<number>>,
  k: number,
  exposure: Parameters<typeof exposureMetrics>[1],
): Figures {
  let ndcg = 0;
  let precision = 0;
  let recall = 0;
  let map = 0;
  users.forEach((user, index) => {
    const figures = rankingMetrics(recommendations[index] ?? [], test[user]!, k);
    ndcg += figures.ndcg;
    precision += figures.precision;
    recall += figures.recall;
    map += figures.averagePrecision;
  });
  const n = Math.max(users.length, 1);
  return { ndcg: ndcg / n, precision: precision / n, recall: recall / n, map: map / n, ...exposureMetrics(recommendations, exposure) };
}
