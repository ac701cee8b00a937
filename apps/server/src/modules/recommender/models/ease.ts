import type { Interactions } from './interactions.js';
import { type ItemNeighbours, strongest } from './item-neighbours.js';

// EASE^R (Steck 2019): the item-item weights B minimising ‖X − XB‖² + λ‖B‖²
// with diag(B) = 0, in closed form: P = (XᵀX + λI)⁻¹, B[i][j] = −P[i][j] / P[j][j].
// The strongest linear model for implicit feedback on small catalogues, but
// dense: n² memory and n³ time, so the model choice offers it only up to
// EASE_MAX_ITEMS items (≈ a few seconds there); RP3beta covers the rest.

export const EASE_MAX_ITEMS = 3000;

export interface EaseParams {
  lambda: number;
  perItem: number;
}

export function ease(m: Interactions, params: EaseParams): ItemNeighbours {
  const n = m.itemCount;
  if (n > EASE_MAX_ITEMS) throw new Error(`EASE^R needs a dense ${n}×${n} matrix; at most ${EASE_MAX_ITEMS} items`);
  const g = new Float64Array(n * n);
  for (let u = 0; u < m.userCount; u += 1) {
    const start = m.userStart[u]!;
    const end = m.userStart[u + 1]!;
    for (let a = start; a < end; a += 1) {
      const row = m.userItems[a]! * n;
      for (let b = start; b < end; b += 1) g[row + m.userItems[b]!]! += 1;
    }
  }
  for (let i = 0; i < n; i += 1) g[i * n + i]! += params.lambda;
  invertInPlace(g, n);
  const result: ItemNeighbours = { ids: new Array(n), weights: new Array(n) };
  const row = new Float64Array(n);
  const all = Int32Array.from({ length: n }, (_, j) => j);
  for (let i = 0; i < n; i += 1) {
    // Row i of B: weights from item i to every j (B is not symmetric: divided by P[j][j]).
    for (let j = 0; j < n; j += 1) row[j] = i === j ? 0 : -g[i * n + j]! / g[j * n + j]!;
    const kept = strongest(row, all, params.perItem, true);
    result.ids[i] = kept.ids;
    result.weights[i] = kept.weights;
  }
  return result;
}

/**
 * Inverts a symmetric positive definite matrix in place (such as XᵀX + λI) by
 * the symmetric sweep operator (Beaton 1964; Goodnight 1979) on its upper
 * triangle: n³/2 multiply-adds along contiguous rows, half of Gauss-Jordan's;
 * the lower triangle is mirrored at the end.
 */
export function invertInPlace(a: Float64Array, n: number): void {
  const column = new Float64Array(n);
  for (let k = 0; k < n; k += 1) {
    const d = a[k * n + k]!;
    // Column k of the upper triangle's symmetric matrix, without the pivot.
    for (let i = 0; i < k; i += 1) column[i] = a[i * n + k]!;
    for (let j = k + 1; j < n; j += 1) column[j] = a[k * n + j]!;
    column[k] = 0;
    for (let i = 0; i < n; i += 1) {
      const factor = column[i]! / d;
      if (factor === 0) continue;
      const row = i * n;
      for (let j = i; j < n; j += 1) a[row + j]! -= factor * column[j]!;
    }
    for (let i = 0; i < k; i += 1) a[i * n + k] = column[i]! / d;
    for (let j = k + 1; j < n; j += 1) a[k * n + j] = column[j]! / d;
    a[k * n + k] = -1 / d;
  }
  // Sweeping every pivot leaves −A⁻¹.
  for (let i = 0; i < n; i += 1) {
    for (let j = i; j < n; j += 1) {
      const value = -a[i * n + j]!;
      a[i * n + j] = value;
      a[j * n + i] = value;
    }
  }
}
