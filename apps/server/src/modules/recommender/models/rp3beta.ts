import { type Interactions, popularity } from './interactions.js';
import { type ItemNeighbours, strongest } from './item-neighbours.js';

// RP3beta (Paudel et al. 2017; Dacrema et al. 2019): a three-step random walk
// item → person → item, W[i][j] = Σ_{u ∈ U(i) ∩ U(j)} 1/deg(u), then
// (W[i][j] / pop(i))^alpha / pop(j)^beta. beta penalises popular targets,
// which spreads attention over the long tail. Work: Σ_u deg(u)² additions,
// near-linear in the data for capped histories; memory: one dense row.

export interface Rp3betaParams {
  alpha: number;
  beta: number;
  /** Neighbours kept per item. */
  perItem: number;
}

export function rp3beta(m: Interactions, params: Rp3betaParams, onlyItems?: Iterable<number>): ItemNeighbours {
  const { alpha, beta, perItem } = params;
  const row = new Float64Array(m.itemCount);
  const seen = new Uint8Array(m.itemCount);
  const touched: number[] = [];
  const penalty = new Float64Array(m.itemCount);
  for (let j = 0; j < m.itemCount; j += 1) penalty[j] = popularity(m, j) ** -beta;
  const result: ItemNeighbours = { ids: new Array(m.itemCount), weights: new Array(m.itemCount) };
  const empty = { ids: new Int32Array(0), weights: new Float32Array(0) };
  for (let i = 0; i < m.itemCount; i += 1) {
    result.ids[i] = empty.ids;
    result.weights[i] = empty.weights;
  }
  const items = onlyItems ?? Array.from({ length: m.itemCount }, (_, i) => i);
  for (const i of items) {
    const pop = popularity(m, i);
    if (pop === 0) continue;
    for (let a = m.itemStart[i]!; a < m.itemStart[i + 1]!; a += 1) {
      const u = m.itemUsers[a]!;
      const start = m.userStart[u]!;
      const end = m.userStart[u + 1]!;
      const step = 1 / (end - start);
      for (let b = start; b < end; b += 1) {
        const j = m.userItems[b]!;
        if (j === i) continue;
        if (!seen[j]) {
          seen[j] = 1;
          touched.push(j);
        }
        row[j]! += step;
      }
    }
    for (const j of touched) row[j] = (row[j]! / pop) ** alpha * penalty[j]!;
    const kept = strongest(row, touched, perItem);
    result.ids[i] = kept.ids;
    result.weights[i] = kept.weights;
    for (const j of touched) {
      row[j] = 0;
      seen[j] = 0;
    }
    touched.length = 0;
  }
  return result;
}
