import { topK } from '../../../lib/top-k.js';
import type { ItemNeighbours } from './item-neighbours.js';

// A person's scores from an item model: score(j) = Σ_{i in history} W[i][j],
// over the neighbour lists only (sparse), then the best `limit` items that
// `allows` accepts. One scorer is reused for many people (its buffers are
// sized to the catalogue once).

export interface ScoredItem {
  item: number;
  score: number;
  /** The history item that gave the largest share of the score (for "because you liked…"). */
  via: number;
}

export class PersonScorer {
  private readonly scores: Float64Array;
  private readonly best: Float64Array;
  private readonly via: Int32Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;

  constructor(
    private readonly model: ItemNeighbours,
    itemCount: number,
  ) {
    this.scores = new Float64Array(itemCount);
    this.best = new Float64Array(itemCount);
    this.via = new Int32Array(itemCount);
    this.seen = new Uint8Array(itemCount);
    this.touched = new Int32Array(itemCount);
  }

  /** `history` newest first; with `recency` τ, the item at position r counts 1 / (1 + r/τ) (0: all count alike). */
  top(history: ArrayLike<number>, limit: number, allows: (item: number) => boolean, recency = 0): ScoredItem[] {
    const { scores, best, via, touched, seen } = this;
    let count = 0;
    for (let h = 0; h < history.length; h += 1) {
      const i = history[h]!;
      const decay = recency > 0 ? 1 / (1 + h / recency) : 1;
      const ids = this.model.ids[i];
      const weights = this.model.weights[i];
      if (!ids || !weights) continue;
      for (let k = 0; k < ids.length; k += 1) {
        const j = ids[k]!;
        const w = weights[k]! * decay;
        if (!seen[j]) {
          seen[j] = 1;
          touched[count++] = j;
        }
        scores[j]! += w;
        if (w > best[j]! || best[j] === 0) {
          best[j] = w;
          via[j] = i;
        }
      }
    }
    // The best touched items first, filtered as they come: a person touches thousands of items and keeps a few
    // hundred, and `allows` (a Bloom filter probe per note) then runs on about as many as are kept. If too few of
    // the best pass, a longer prefix is taken: the result is exactly the best `limit` of the allowed ones.
    const result: ScoredItem[] = [];
    const key = (j: number) => scores[j]!;
    for (let want = Math.min(count, limit + (limit >> 3) + 32); ; want = Math.min(count, want * 4)) {
      result.length = 0;
      for (const j of topK(touched, count, want, key)) {
        if (!allows(j)) continue;
        result.push({ item: j, score: scores[j]!, via: via[j]! });
        if (result.length >= limit) break;
      }
      if (result.length >= limit || want >= count) break;
    }
    for (let k = 0; k < count; k += 1) {
      const j = touched[k]!;
      scores[j] = 0;
      best[j] = 0;
      seen[j] = 0;
    }
    return result;
  }
}
