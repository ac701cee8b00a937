import { describe, expect, it } from 'vitest';
import { seededRandom } from '../explore-source.js';
import { affordable, candidateModels, chooseModel, type ModelSpec, modelName, trainModels } from './model-choice.js';
import { buildInteractions } from './interactions.js';

// The choice is made on a hold-out of the histories given, never on anything
// else: the winner is the candidate whose worse validation score is closest to
// the best, wherever it sits in the grid.

function plantedHistories(seed = 5) {
  const random = seededRandom(seed);
  const blocks = 5;
  const perBlock = 24;
  return {
    items: blocks * perBlock,
    histories: Array.from({ length: 300 }, (_, person) => {
      const block = person % blocks;
      const liked = new Set<number>();
      for (let k = 0; k < perBlock; k += 1) if (random() < 0.5) liked.add(block * perBlock + k);
      liked.add(Math.floor(random() * blocks * perBlock));
      return [...liked];
    }),
  };
}

describe('chooseModel', () => {
  const { items, histories } = plantedHistories();
  // A useless candidate (a ridge penalty so large every factor is ~0) first in the grid: order alone must not win.
  const useless: ModelSpec = { kind: 'ials', factors: 8, reg: 1e9, confidence: 3, iterations: 2 };
  const good: ModelSpec = { kind: 'ials', factors: 16, reg: 10, confidence: 3, iterations: 6 };
  const cosine: ModelSpec = { kind: 'cosine' };

  it('picks the candidate its validation scores best, and reports every candidate', () => {
    const choice = chooseModel(histories, items, 50, [useless, good, cosine]);
    expect(choice.validation.map((row) => row.model)).toEqual([useless, good, cosine].map((spec) => `${modelName(spec)} τ=0`));
    const bestNewest = Math.max(...choice.validation.map((row) => row.newest));
    const bestRandom = Math.max(...choice.validation.map((row) => row.random));
    const worst = choice.validation.map((row) => Math.min(row.newest / bestNewest, row.random / bestRandom));
    const winner = worst.indexOf(Math.max(...worst));
    expect(modelName(choice.chosen)).toBe(modelName([useless, good, cosine][winner]!));
    expect(choice.chosen).not.toBe(useless);
    expect(choice.validation[0]!.random).toBeLessThan(choice.validation[1]!.random);
  });

  it('gives the same answer for the same data and seed', () => {
    const a = chooseModel(histories, items, 50, [cosine, good]);
    const b = chooseModel(histories, items, 50, [cosine, good]);
    expect(a.validation.map((row) => [row.newest, row.random])).toEqual(b.validation.map((row) => [row.newest, row.random]));
  });

  it('trains the sparse grid in one walk with the same neighbours as one at a time', () => {
    const matrix = buildInteractions(histories, items);
    const specs = candidateModels(items).filter((spec) => spec.kind === 'cosine' || spec.kind === 'rp3beta');
    const together = new Map<string, Int32Array[]>();
    trainModels(matrix, specs, 20, (spec, model) => together.set(modelName(spec), model.ids));
    for (const spec of specs) {
      let alone: Int32Array[] = [];
      trainModels(matrix, [spec], 20, (_, model) => {
        alone = model.ids;
      });
      expect(together.get(modelName(spec))!.map((ids) => Array.from(ids))).toEqual(alone.map((ids) => Array.from(ids)));
    }
  });

  it('offers iALS only where its training fits the work bound', () => {
    const small = buildInteractions(histories, items);
    expect(affordable(small, candidateModels(items)).some((spec) => spec.kind === 'ials')).toBe(true);
    // 100k notes and 10k people with 100 engagements each: over the bound at every grid size.
    const large = { userCount: 10_000, itemCount: 100_000, userItems: new Int32Array(1_000_000) } as Parameters<typeof affordable>[0];
    expect(affordable(large, candidateModels(100_000)).some((spec) => spec.kind === 'ials')).toBe(false);
  });
});
