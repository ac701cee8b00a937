import { type Interactions, popularity } from './interactions.js';
import { type CoEngagementWeigh, coEngagementModels, type ItemNeighbours } from './item-neighbours.js';

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

export function rp3betaWeigh(m: Interactions, params: Pick<Rp3betaParams, 'alpha' | 'beta'>): CoEngagementWeigh {
  const { alpha, beta } = params;
  const penalty = new Float64Array(m.itemCount);
  for (let j = 0; j < m.itemCount; j += 1) penalty[j] = popularity(m, j) ** -beta;
  return (i, j, _common, walk) => (walk / popularity(m, i)) ** alpha * penalty[j]!;
}

export function rp3beta(m: Interactions, params: Rp3betaParams, onlyItems?: Iterable<number>): ItemNeighbours {
  return coEngagementModels(m, params.perItem, [rp3betaWeigh(m, params)], onlyItems)[0]!;
}
