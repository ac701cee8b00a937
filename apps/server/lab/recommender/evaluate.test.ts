import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/test-database.js';
import { seededRandom } from '../../src/demo/random.js';
import { buildDataset, type RawInteraction, type RawItem } from './dataset.js';
import { evaluate } from './evaluate.js';
import { engineVariants, formatTable } from './report.js';

// The whole offline evaluation on a tiny data set with an obvious pattern: two
// tribes, each engaging only with its own half of the catalogue. Anything that
// learns co-engagement must rank a user's own half first; random cannot.

const DAY = 86_400_000;
const START = Date.UTC(2025, 0, 1);

function tribes() {
  const random = seededRandom(42);
  const items: RawItem[] = Array.from({ length: 40 }, (_, i) => ({
    key: `i${i}`,
    creator: `maker${i % 8}`,
    createdAt: START,
    title: `Item ${i}`,
    tags: [i < 20 ? 'left' : 'right'],
  }));
  const interactions: RawInteraction[] = [];
  for (let u = 0; u < 40; u += 1) {
    const own = Array.from({ length: 20 }, (_, i) => (u < 20 ? i : 20 + i));
    for (const item of random.sample(own, 12)) {
      interactions.push({ user: `u${u}`, item: `i${item}`, at: START + DAY + Math.floor(random.next() * 20 * DAY), weight: 1 });
    }
  }
  return buildDataset(items, interactions);
}

describe('offline evaluation', () => {
  it('runs the engine and the baselines on one split per seed and reports the issue’s JSON', async () => {
    const report = await evaluate(tribes(), {
      protocol: 'random',
      seeds: 2,
      k: 5,
      knnNeighbours: 0,
      engine: {
        variants: engineVariants(undefined, false),
        openDatabase: async () => {
          const database = await createTestDatabase();
          return { db: database.db, close: () => database.drop() };
        },
      },
    });

    expect(Object.keys(report)).toEqual(['protocol', 'k', 'seeds', 'results', 'chosen']);
    expect(report).toMatchObject({ protocol: 'random', k: 5, seeds: 2 });
    const models = report.results.map((result) => result.model);
    expect(models.slice(0, 4)).toEqual(['qiao', 'mostpop', 'itemknn', 'random']);
    // Then one row per candidate of the engine's model choice, and which one its validation chose per seed.
    const candidates = models.slice(4);
    expect(candidates.every((model) => model.startsWith('model:'))).toBe(true);
    for (const kind of ['ease', 'rp3beta', 'itemknn-cosine', 'ials']) expect(candidates.some((model) => model.startsWith(`model:${kind}`))).toBe(true);
    expect(report.chosen).toHaveLength(2);
    for (const chosen of report.chosen!) expect(candidates).toContain(`model:${chosen}`);
    for (const result of report.results) {
      expect(Object.keys(result).sort()).toEqual(['coverage', 'creatorGini', 'longTailShare', 'map', 'model', 'ndcg', 'novelty', 'precision', 'recall'].sort());
      for (const [key, value] of Object.entries(result)) if (key !== 'model') expect(Number.isFinite(value)).toBe(true);
    }
    const ndcg = (model: string) => report.results.find((result) => result.model === model)!.ndcg;
    expect(ndcg('qiao')).toBeGreaterThan(0.25);
    expect(ndcg('qiao')).toBeGreaterThan(ndcg('random') * 2);
    expect(ndcg('itemknn')).toBeGreaterThan(ndcg('random') * 2);
    expect(formatTable(report)).toContain('| qiao ');
    expect(formatTable(report)).toContain('its validation chose');
  }, 120_000);
});
