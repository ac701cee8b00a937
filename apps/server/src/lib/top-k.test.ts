import { describe, expect, it } from 'vitest';
import { seededRandom } from '../modules/recommender/explore-source.js';
import { topK } from './top-k.js';

// topK must be exactly the first k of the full sort it replaces, ties included.

const fullSort = (ids: number[], k: number, key: (id: number) => number) => [...ids].sort((a, b) => key(b) - key(a) || a - b).slice(0, k);

describe('topK', () => {
  it('equals sort-then-slice on random keys with many ties, for every k', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 200; trial += 1) {
      const n = Math.floor(random() * 300);
      const keys = new Float64Array(1000);
      // Few distinct values: ties everywhere, so the id order decides.
      for (let i = 0; i < keys.length; i += 1) keys[i] = Math.floor(random() * 8) / 4 - 0.5;
      const ids = Array.from({ length: n }, () => Math.floor(random() * 1000)).filter((id, i, all) => all.indexOf(id) === i);
      const k = Math.floor(random() * 120);
      const key = (id: number) => keys[id]!;
      expect(Array.from(topK(ids, ids.length, k, key))).toEqual(fullSort(ids, k, key));
    }
  });

  it('reads only the first `count` ids and handles the edges', () => {
    const key = (id: number) => id % 3;
    expect(Array.from(topK(Int32Array.from([5, 4, 3, 99]), 3, 10, key))).toEqual([5, 4, 3]);
    expect(Array.from(topK([1, 2, 3], 3, 0, key))).toEqual([]);
    expect(Array.from(topK([], 0, 5, key))).toEqual([]);
    expect(Array.from(topK([8, 2, 5, 11, 1], 5, 2, key))).toEqual([2, 5]);
  });
});
