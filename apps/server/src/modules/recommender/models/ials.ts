import { seededRandom } from '../explore-source.js';
import { invertInPlace } from './ease.js';
import type { Interactions } from './interactions.js';
import { type ItemNeighbours, strongest } from './item-neighbours.js';

// iALS (Hu, Koren & Volinsky 2008): people and notes as f-dimensional factors
// minimising Σ c_ui (p_ui − x_uᵀy_i)² + λ(‖x‖² + ‖y‖²) over every pair, with
// p = 1 and confidence c = 1 + α where someone engaged, p = 0 and c = 1
// elsewhere. Alternating exact least squares per row would cost f³ each; here
// each row takes a few conjugate-gradient steps from its previous value
// (Takács, Pilászy & Tikk 2011), so an iteration costs about
// (people + notes) · CG_STEPS · f² + interactions · CG_STEPS · 4f.
//
// The pools are built from item neighbour lists (pool-builder.ts), so the
// factors are turned into item-item weights: a person's fold-in factor is
// x = (YᵀY + λI + α Σ_{i∈h} y_iy_iᵀ)⁻¹ (1 + α) Σ_{i∈h} y_i; with the
// person-specific term replaced by the average person's, M = YᵀY + λI +
// (α / people) Σ_i pop(i) y_iy_iᵀ, the score of note j is
// Σ_{i∈h} y_iᵀ M⁻¹ y_j: W[i][j] = y_iᵀ M⁻¹ y_j, additive over the history
// like the other models. On large catalogues a note's neighbours are sought
// among (at most IALS_CANDIDATES of) the notes co-engaged with it, as ItemKNN's
// are, instead of all notes.

export interface IalsParams {
  factors: number;
  /** λ, the ridge penalty on every factor. */
  reg: number;
  /** α: an engagement counts 1 + α times an unobserved pair. */
  confidence: number;
  iterations: number;
  perItem: number;
  seed?: number;
}

const CG_STEPS = 3;
/** Up to this many notes, a note's neighbours are sought among all notes (n² · f); beyond, among its co-engaged ones. */
export const IALS_DENSE_ITEMS = 5000;

/** On large catalogues, the co-engaged notes scored per note (walking its people in turn until this many): bounds the n · candidates · f work. */
const IALS_CANDIDATES = 1000;

/**
 * Multiply-adds of one training (CG over every row each iteration) and of the
 * neighbour lists: what the model choice bounds (IALS_MAX_WORK) so iALS is
 * offered only where it trains in seconds. On the 2-core reference machine
 * 1e9 of them take about 2.5 s.
 */
export function ialsWork(m: Interactions, params: Pick<IalsParams, 'factors' | 'iterations'>): number {
  const f = params.factors;
  const interactions = m.userItems.length;
  const training = params.iterations * (CG_STEPS + 1) * ((m.userCount + m.itemCount) * f * f + 4 * interactions * f);
  const neighbours = m.itemCount * Math.min(m.itemCount, IALS_CANDIDATES) * f;
  return training + neighbours;
}

/** The most work (ialsWork) a candidate may take: about 10 s; a 100k-note, 1M-engagement catalogue is over it (about 2.3e10 at 64 factors). */
export const IALS_MAX_WORK = 4e9;

export interface IalsFactors {
  factors: number;
  users: Float32Array;
  items: Float32Array;
}

export function trainIals(m: Interactions, params: IalsParams): IalsFactors {
  const f = params.factors;
  const random = seededRandom(params.seed ?? 1);
  const init = (rows: number) => {
    const array = new Float32Array(rows * f);
    for (let k = 0; k < array.length; k += 1) array[k] = (random() - 0.5) * (0.2 / Math.sqrt(f));
    return array;
  };
  const users = init(m.userCount);
  const items = init(m.itemCount);
  const solver = new CgSolver(f);
  for (let iteration = 0; iteration < params.iterations; iteration += 1) {
    solver.solveAll(users, m.userCount, items, m.itemCount, m.userStart, m.userItems, params);
    solver.solveAll(items, m.itemCount, users, m.userCount, m.itemStart, m.itemUsers, params);
  }
  return { factors: f, users, items };
}

class CgSolver {
  private readonly gram: Float64Array;
  private readonly r: Float64Array;
  private readonly p: Float64Array;
  private readonly ap: Float64Array;
  private readonly x: Float64Array;

  constructor(private readonly f: number) {
    this.gram = new Float64Array(f * f);
    this.r = new Float64Array(f);
    this.p = new Float64Array(f);
    this.ap = new Float64Array(f);
    this.x = new Float64Array(f);
  }

  /** Updates every row of `target` given the fixed `other` factors and the rows' neighbours in CSR form. */
  solveAll(target: Float32Array, rows: number, other: Float32Array, otherRows: number, start: Int32Array, index: Int32Array, params: IalsParams): void {
    const { f, gram, r, p, ap, x } = this;
    gramOf(other, otherRows, f, gram);
    for (let d = 0; d < f; d += 1) gram[d * f + d]! += params.reg;
    const alpha = params.confidence;
    const c = 1 + alpha;
    for (let row = 0; row < rows; row += 1) {
      const from = start[row]!;
      const to = start[row + 1]!;
      const base = row * f;
      for (let d = 0; d < f; d += 1) x[d] = target[base + d]!;
      // r = b − A x, with A = G + α Σ y yᵀ and b = c Σ y.
      multiply(gram, x, r, f);
      for (let d = 0; d < f; d += 1) r[d] = -r[d]!;
      for (let k = from; k < to; k += 1) {
        const o = index[k]! * f;
        let dot = 0;
        for (let d = 0; d < f; d += 1) dot += other[o + d]! * x[d]!;
        const scale = c - alpha * dot;
        for (let d = 0; d < f; d += 1) r[d]! += scale * other[o + d]!;
      }
      let rsOld = 0;
      for (let d = 0; d < f; d += 1) {
        p[d] = r[d]!;
        rsOld += r[d]! * r[d]!;
      }
      for (let step = 0; step < CG_STEPS && rsOld > 1e-20; step += 1) {
        multiply(gram, p, ap, f);
        for (let k = from; k < to; k += 1) {
          const o = index[k]! * f;
          let dot = 0;
          for (let d = 0; d < f; d += 1) dot += other[o + d]! * p[d]!;
          const scale = alpha * dot;
          for (let d = 0; d < f; d += 1) ap[d]! += scale * other[o + d]!;
        }
        let pAp = 0;
        for (let d = 0; d < f; d += 1) pAp += p[d]! * ap[d]!;
        if (pAp <= 0) break;
        const a = rsOld / pAp;
        let rsNew = 0;
        for (let d = 0; d < f; d += 1) {
          x[d]! += a * p[d]!;
          r[d]! -= a * ap[d]!;
          rsNew += r[d]! * r[d]!;
        }
        const b = rsNew / rsOld;
        for (let d = 0; d < f; d += 1) p[d] = r[d]! + b * p[d]!;
        rsOld = rsNew;
      }
      for (let d = 0; d < f; d += 1) target[base + d] = x[d]!;
    }
  }
}

/** G = Σ_rows v vᵀ (upper triangle computed, mirrored). */
function gramOf(vectors: Float32Array, rows: number, f: number, gram: Float64Array, weight?: (row: number) => number): void {
  gram.fill(0);
  for (let row = 0; row < rows; row += 1) {
    const o = row * f;
    const w = weight ? weight(row) : 1;
    if (w === 0) continue;
    for (let a = 0; a < f; a += 1) {
      const va = vectors[o + a]! * w;
      if (va === 0) continue;
      const ga = a * f;
      for (let b = a; b < f; b += 1) gram[ga + b]! += va * vectors[o + b]!;
    }
  }
  for (let a = 0; a < f; a += 1) for (let b = 0; b < a; b += 1) gram[a * f + b] = gram[b * f + a]!;
}

function multiply(matrix: Float64Array, vector: Float64Array, out: Float64Array, f: number): void {
  for (let a = 0; a < f; a += 1) {
    let sum = 0;
    const row = a * f;
    for (let b = 0; b < f; b += 1) sum += matrix[row + b]! * vector[b]!;
    out[a] = sum;
  }
}

/** The item-item weights W[i][j] = y_iᵀ M⁻¹ y_j (see the top of the file), each note's strongest `perItem`. */
export function ialsNeighbours(m: Interactions, model: IalsFactors, params: Pick<IalsParams, 'reg' | 'confidence' | 'perItem'>): ItemNeighbours {
  const f = model.factors;
  const n = m.itemCount;
  const { items } = model;
  const gram = new Float64Array(f * f);
  gramOf(items, n, f, gram);
  const average = new Float64Array(f * f);
  const people = Math.max(1, m.userCount);
  gramOf(items, n, f, average, (i) => (m.itemStart[i + 1]! - m.itemStart[i]!) / people);
  for (let k = 0; k < f * f; k += 1) gram[k]! += params.confidence * average[k]!;
  for (let d = 0; d < f; d += 1) gram[d * f + d]! += params.reg;
  invertInPlace(gram, f);
  // z_i = M⁻¹ y_i: then W[i][j] = z_i · y_j.
  const z = new Float32Array(n * f);
  const column = new Float64Array(f);
  const projected = new Float64Array(f);
  for (let i = 0; i < n; i += 1) {
    for (let d = 0; d < f; d += 1) column[d] = items[i * f + d]!;
    multiply(gram, column, projected, f);
    for (let d = 0; d < f; d += 1) z[i * f + d] = projected[d]!;
  }
  const empty = { ids: new Int32Array(0), weights: new Float32Array(0) };
  const result: ItemNeighbours = { ids: new Array(n).fill(empty.ids), weights: new Array(n).fill(empty.weights) };
  const row = new Float64Array(n);
  const dot = (i: number, j: number) => {
    let sum = 0;
    const a = i * f;
    const b = j * f;
    for (let d = 0; d < f; d += 1) sum += z[a + d]! * items[b + d]!;
    return sum;
  };
  if (n <= IALS_DENSE_ITEMS) {
    const all = Int32Array.from({ length: n }, (_, j) => j);
    for (let i = 0; i < n; i += 1) {
      if (m.itemStart[i + 1] === m.itemStart[i]) continue;
      for (let j = 0; j < n; j += 1) row[j] = j === i || m.itemStart[j + 1] === m.itemStart[j] ? 0 : dot(i, j);
      const kept = strongest(row, all, params.perItem);
      result.ids[i] = kept.ids;
      result.weights[i] = kept.weights;
    }
    return result;
  }
  const seen = new Uint8Array(n);
  const touched: number[] = [];
  for (let i = 0; i < n; i += 1) {
    for (let a = m.itemStart[i]!; a < m.itemStart[i + 1]! && touched.length < IALS_CANDIDATES; a += 1) {
      const u = m.itemUsers[a]!;
      for (let b = m.userStart[u]!; b < m.userStart[u + 1]!; b += 1) {
        const j = m.userItems[b]!;
        if (j === i || seen[j]) continue;
        seen[j] = 1;
        touched.push(j);
        row[j] = dot(i, j);
      }
    }
    const kept = strongest(row, touched, params.perItem);
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

export function ials(m: Interactions, params: IalsParams): ItemNeighbours {
  return ialsNeighbours(m, trainIals(m, params), params);
}
