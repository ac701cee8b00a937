import { describe, expect, it } from 'vitest';
import { exposureMetrics, gini, headCreators, rankingMetrics } from './metrics.js';

describe('rankingMetrics', () => {
  it('scores binary relevance with IDCG over min(|relevant|, k) and AP over |relevant|', () => {
    // Hits at ranks 2 and 4 (1-based) of 4; three relevant items.
    const figures = rankingMetrics([1, 2, 3, 4], new Set([2, 4, 9]), 4);
    const dcg = 1 / Math.log2(3) + 1 / Math.log2(5);
    const idcg = 1 + 1 / Math.log2(3) + 1 / Math.log2(4);
    expect(figures.ndcg).toBeCloseTo(dcg / idcg, 12);
    expect(figures.ndcg).toBeCloseTo(0.49819, 5);
    expect(figures.precision).toBe(0.5);
    expect(figures.recall).toBeCloseTo(2 / 3, 12);
    expect(figures.averagePrecision).toBeCloseTo((1 / 2 + 2 / 4) / 3, 12);
  });

  it('gives 1 to a perfect list and counts a short list against precision', () => {
    expect(rankingMetrics([7, 8], new Set([7, 8]), 10)).toEqual({ ndcg: 1, precision: 0.2, recall: 1, averagePrecision: 1 });
    expect(rankingMetrics([], new Set([1]), 10)).toEqual({ ndcg: 0, precision: 0, recall: 0, averagePrecision: 0 });
  });

  it('only looks at the first k', () => {
    expect(rankingMetrics([1, 2, 3], new Set([3]), 2).ndcg).toBe(0);
  });
});

describe('gini', () => {
  it('is 0 for equal shares and grows with concentration, zeros included', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([1, 2, 3, 4])).toBeCloseTo(0.25, 12);
    expect(gini([0, 0, 0, 10])).toBeCloseTo(0.75, 12);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });
});

describe('headCreators', () => {
  it('is the smallest most-engaged set holding half of the interactions', () => {
    expect([...headCreators([10, 30, 5, 5, 50])]).toEqual([4]);
    expect([...headCreators([30, 30, 40])].sort()).toEqual([0, 2]);
  });
});

describe('exposureMetrics', () => {
  it('computes coverage, creator Gini over every creator, long-tail share and novelty', () => {
    // Items 0,1 by creator 0; item 2 by creator 1; item 3 by creator 2; creator 3 has nothing shown.
    const figures = exposureMetrics(
      [
        [0, 2],
        [0, 3],
      ],
      { itemCreator: [0, 0, 1, 2], creatorCount: 4, itemPopularity: [6, 2, 1, 1] },
    );
    expect(figures.coverage).toBe(0.75);
    // Counts per creator [2, 1, 1, 0].
    expect(figures.creatorGini).toBeCloseTo(0.375, 12);
    // Creator 0 holds 8 of 10 training interactions: the head; items 2 and 3 are the tail.
    expect(figures.longTailShare).toBe(0.5);
    expect(figures.novelty).toBeCloseTo((2 * -Math.log2(0.6) + 2 * -Math.log2(0.1)) / 4, 12);
  });

  it('treats an item without training interactions as having one', () => {
    const figures = exposureMetrics([[1]], { itemCreator: [0, 1], creatorCount: 2, itemPopularity: [4, 0] });
    expect(figures.novelty).toBeCloseTo(2, 12);
  });
});
