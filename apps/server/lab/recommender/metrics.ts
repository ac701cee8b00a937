// Ranking metrics as the Microsoft Recommenders benchmark computes them
// (binary relevance; every held-out item is relevant), and exposure metrics
// that say who the recommendations send attention to.

export interface RankingMetrics {
  ndcg: number;
  precision: number;
  recall: number;
  /** Average precision: Σ precision at each hit / |relevant|; MAP is its mean over users. */
  averagePrecision: number;
}

/** One user's top-k against the held-out items. IDCG counts min(|relevant|, k) hits. */
export function rankingMetrics(recommended: readonly number[], relevant: ReadonlySet<number>, k: number): RankingMetrics {
  let dcg = 0;
  let hits = 0;
  let precisionSum = 0;
  recommended.slice(0, k).forEach((item, rank) => {
    if (!relevant.has(item)) return;
    dcg += 1 / Math.log2(rank + 2);
    hits += 1;
    precisionSum += hits / (rank + 1);
  });
  let idcg = 0;
  for (let rank = 0; rank < Math.min(relevant.size, k); rank += 1) idcg += 1 / Math.log2(rank + 2);
  return {
    ndcg: idcg > 0 ? dcg / idcg : 0,
    precision: hits / k,
    recall: relevant.size ? hits / relevant.size : 0,
    averagePrecision: relevant.size ? precisionSum / relevant.size : 0,
  };
}

/**
 * Gini coefficient of non-negative amounts: 0 when everyone gets the same,
 * near 1 when one gets everything. Zeros count (a creator nobody was shown is
 * part of the inequality).
 */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  sorted.forEach((value, index) => {
    weighted += (2 * (index + 1) - n - 1) * value;
  });
  return weighted / (n * total);
}

/**
 * The "head": the smallest set of creators, most-engaged first, that holds at
 * least half of the training interactions. Everyone else is the long tail.
 */
export function headCreators(trainingInteractionsPerCreator: readonly number[]): Set<number> {
  const total = trainingInteractionsPerCreator.reduce((sum, value) => sum + value, 0);
  const order = trainingInteractionsPerCreator.map((count, creator) => ({ count, creator })).sort((a, b) => b.count - a.count || a.creator - b.creator);
  const head = new Set<number>();
  let held = 0;
  for (const { count, creator } of order) {
    if (held * 2 >= total) break;
    head.add(creator);
    held += count;
  }
  return head;
}

export interface ExposureContext {
  /** Creator index per item. */
  itemCreator: readonly number[];
  creatorCount: number;
  /** Training interactions per item. */
  itemPopularity: readonly number[];
}

export interface ExposureMetrics {
  /** Distinct recommended items / catalogue size. */
  coverage: number;
  /** Gini of recommendation counts over every creator in the catalogue. */
  creatorGini: number;
  /** Share of recommendations going to creators outside the head. */
  longTailShare: number;
  /**
   * Mean −log2(popularity share in training) of the recommended items. An item
   * without training interactions counts as having one, so it is the most
   * novel rather than infinitely so.
   */
  novelty: number;
}

export function exposureMetrics(recommendations: ReadonlyArray<readonly number[]>, context: ExposureContext): ExposureMetrics {
  const itemCount = context.itemCreator.length;
  const perCreator = new Array<number>(context.creatorCount).fill(0);
  const trainingPerCreator = new Array<number>(context.creatorCount).fill(0);
  let totalTraining = 0;
  context.itemPopularity.forEach((count, item) => {
    trainingPerCreator[context.itemCreator[item]!]! += count;
    totalTraining += count;
  });
  const head = headCreators(trainingPerCreator);
  const distinct = new Set<number>();
  let shown = 0;
  let tail = 0;
  let noveltySum = 0;
  for (const list of recommendations) {
    for (const item of list) {
      const creator = context.itemCreator[item]!;
      distinct.add(item);
      perCreator[creator]! += 1;
      shown += 1;
      if (!head.has(creator)) tail += 1;
      noveltySum += -Math.log2(Math.max(context.itemPopularity[item] ?? 0, 1) / Math.max(totalTraining, 1));
    }
  }
  return {
    coverage: itemCount ? distinct.size / itemCount : 0,
    creatorGini: gini(perCreator),
    longTailShare: shown ? tail / shown : 0,
    novelty: shown ? noveltySum / shown : 0,
  };
}
