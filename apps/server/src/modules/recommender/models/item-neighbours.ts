import { topK } from '../../../lib/top-k.js';
import type { Interactions } from './interactions.js';

// An item model's output: for each item, its strongest neighbours and their
// weights, strongest first. A person's score for item j is the sum of the
// weights from the items they engaged with to j (scores.ts).

export interface ItemNeighbours {
  ids: Int32Array[];
  weights: Float32Array[];
}

/**
 * Keeps the `keep` largest positive entries of a dense row (the touched ones;
 * with `signed`, the largest in absolute value), strongest first, ties to the
 * lower index so results are reproducible.
 */
export function strongest(row: Float64Array, touched: ArrayLike<number>, keep: number, signed = false): { ids: Int32Array; weights: Float32Array } {
  const candidates = new Int32Array(touched.length);
  let count = 0;
  for (let k = 0; k < touched.length; k += 1) if (signed ? row[touched[k]!] !== 0 : row[touched[k]!]! > 0) candidates[count++] = touched[k]!;
  // Signed weights (EASE^R) keep the largest in size: a negative weight says "not after this one".
  // A bounded selection rather than a sort of every candidate: rows touch thousands of items and keep a hundred.
  const ids = topK(candidates, count, keep, signed ? (j) => Math.abs(row[j]!) : (j) => row[j]!);
  const weights = new Float32Array(ids.length);
  for (let k = 0; k < ids.length; k += 1) weights[k] = row[ids[k]!]!;
  return { ids, weights };
}

/** How one sparse model turns item i's walk sums at j into a weight: `common` counts the shared people, `walk` sums 1/deg(u) over them. */
export type CoEngagementWeigh = (i: number, j: number, common: number, walk: number) => number;

/**
 * The co-engagement walk the sparse item models share: for item i, dense rows
 * of the people who engaged with both i and j (their count and Σ 1/deg(u)),
 * at every other item j they engaged with, turned into one weight per model by
 * its `weigh` and cut to the strongest `perItem`. One walk serves several
 * models (the model choice trains the whole sparse grid at once). Items
 * outside `onlyItems` keep empty lists.
 */
export function coEngagementModels(m: Interactions, perItem: number, weighs: readonly CoEngagementWeigh[], onlyItems?: Iterable<number>): ItemNeighbours[] {
  const common = new Float64Array(m.itemCount);
  const walk = new Float64Array(m.itemCount);
  const row = new Float64Array(m.itemCount);
  const seen = new Uint8Array(m.itemCount);
  const touched: number[] = [];
  const empty = { ids: new Int32Array(0), weights: new Float32Array(0) };
  const results: ItemNeighbours[] = weighs.map(() => ({ ids: new Array(m.itemCount).fill(empty.ids), weights: new Array(m.itemCount).fill(empty.weights) }));
  const visit = (i: number) => {
    if (m.itemStart[i + 1]! === m.itemStart[i]!) return;
    for (let a = m.itemStart[i]!; a < m.itemStart[i + 1]!; a += 1) {
      const u = m.itemUsers[a]!;
      const start = m.userStart[u]!;
      const end = m.userStart[u + 1]!;
      const add = 1 / (end - start);
      for (let b = start; b < end; b += 1) {
        const j = m.userItems[b]!;
        if (j === i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        common[j]! += 1;
        walk[j]! += add;
      }
    }
    weighs.forEach((weigh, model) => {
      for (const j of touched) row[j] = weigh(i, j, common[j]!, walk[j]!);
      const kept = strongest(row, touched, perItem);
      results[model]!.ids[i] = kept.ids;
      results[model]!.weights[i] = kept.weights;
    });
    for (const j of touched) {
      row[j] = 0;
      common[j] = 0;
      walk[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
  };
  if (onlyItems) for (const i of onlyItems) visit(i);
  else for (let i = 0; i < m.itemCount; i += 1) visit(i);
  return results;
}
