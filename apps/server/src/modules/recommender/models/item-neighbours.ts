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
  // A bounded min-heap of the `keep` strongest so far (the weakest on top):
  // t · log(keep) instead of sorting every touched entry, which on a large
  // catalogue (thousands touched per item) was most of a model's time.
  const size = (j: number) => (signed ? Math.abs(row[j]!) : row[j]!);
  // a is weaker than b: smaller, or as strong with a higher index.
  const weaker = (a: number, b: number) => size(a) < size(b) || (size(a) === size(b) && a > b);
  const heap = new Int32Array(Math.max(0, keep));
  let count = 0;
  /** Once the heap is full: the weakest kept size (a cheap first test before the full comparison). */
  let floor = Infinity;
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= count) break;
      const right = left + 1;
      const child = right < count && weaker(heap[right]!, heap[left]!) ? right : left;
      if (!weaker(heap[child]!, heap[at]!)) break;
      const swap = heap[at]!;
      heap[at] = heap[child]!;
      heap[child] = swap;
      at = child;
    }
  };
  for (let k = 0; k < touched.length; k += 1) {
    const j = touched[k]!;
    if (signed ? row[j] === 0 : !(row[j]! > 0)) continue;
    if (count < keep) {
      heap[count] = j;
      count += 1;
      let at = count - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!weaker(heap[at]!, heap[parent]!)) break;
        const swap = heap[at]!;
        heap[at] = heap[parent]!;
        heap[parent] = swap;
        at = parent;
      }
      if (count === keep) floor = size(heap[0]!);
    } else if (count > 0 && size(j) >= floor && weaker(heap[0]!, j)) {
      heap[0] = j;
      siftDown(0);
      floor = size(heap[0]!);
    }
  }
  const kept = Array.from(heap.subarray(0, count)).sort((a, b) => size(b) - size(a) || a - b);
  const ids = Int32Array.from(kept);
  const weights = Float32Array.from(kept, (j) => row[j]!);
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
