import { seededRandom } from '../explore-source.js';
import { cosineKnn, cosineWeigh } from './cosine-knn.js';
import { EASE_MAX_ITEMS, ease } from './ease.js';
import { buildInteractions, type Interactions, itemsOf } from './interactions.js';
import { type CoEngagementWeigh, coEngagementModels, type ItemNeighbours } from './item-neighbours.js';
import { IALS_MAX_WORK, ials, ialsWork } from './ials.js';
import { rp3beta, rp3betaWeigh } from './rp3beta.js';
import { PersonScorer } from './scores.js';

// Which item model serves, chosen on the data itself, never on a test split:
// a sample of people has part of its engagement held out (half of them their
// newest VALIDATION_SHARE, half a random VALIDATION_SHARE: whether the order
// of engagement predicts what comes next differs between data sets, and the
// choice must hold either way), every candidate is trained on the rest, scored
// by NDCG@10 on what was held out, and the candidate whose worse hold-out
// score is closest to that hold-out's best wins; it is retrained on everything.
// Candidates are a small fixed grid from the literature, never fitted to one
// data set: cosine ItemKNN and RP3beta at its usual settings and, on
// catalogues small enough for a dense inverse, EASE^R at three strengths;
// each with the person's history counted alike or recent items first.

export type ModelSpec =
  | { kind: 'rp3beta'; alpha: number; beta: number }
  | { kind: 'ease'; lambda: number }
  | { kind: 'cosine' }
  | { kind: 'ials'; factors: number; reg: number; confidence: number; iterations: number };

export interface ModelChoice {
  chosen: ModelSpec;
  /** History weighting of the chosen candidate (PersonScorer.top's recency). */
  recency: number;
  /** Validation NDCG@10 per candidate under each hold-out (empty when nothing could be validated). */
  validation: Array<{ model: string; newest: number; random: number; ms: number }>;
}

const VALIDATION_SHARE = 0.2;
/** People with fewer engagements are trained on but not validated (nothing meaningful to hold out). */
const MIN_HISTORY = 5;
/** Validation reads at most this many people (spread evenly), bounding the choice's time. */
const VALIDATION_PEOPLE = 2000;
/**
 * History weightings tried with every model (τ in PersonScorer.top; 0: all
 * alike). Recent-first weighting (τ 10…30) lifts NDCG on temporal splits of
 * MovieLens-100k by a fifth but costs as much on random ones, and hold-outs
 * inside the training data cannot tell which kind of future a data set has
 * (its own order always looks predictive), so for now histories count alike.
 */
export const RECENCY_GRID = [0];
const K = 10;

export const SPARSE_GRID: ModelSpec[] = [
  { kind: 'cosine' },
  { kind: 'rp3beta', alpha: 0.8, beta: 0.5 },
  { kind: 'rp3beta', alpha: 1, beta: 0.3 },
  { kind: 'rp3beta', alpha: 0.6, beta: 0.4 },
];
export const EASE_GRID: ModelSpec[] = [
  { kind: 'ease', lambda: 100 },
  { kind: 'ease', lambda: 300 },
  { kind: 'ease', lambda: 1000 },
];

export function modelName(spec: ModelSpec): string {
  if (spec.kind === 'cosine') return 'itemknn-cosine';
  if (spec.kind === 'ials') return `ials(f=${spec.factors},λ=${spec.reg},α=${spec.confidence})`;
  return spec.kind === 'ease' ? `ease(λ=${spec.lambda})` : `rp3beta(α=${spec.alpha},β=${spec.beta})`;
}

/**
 * iALS at the usual sizes (64 and 128 factors) over a decade of the ridge
 * penalty, confidence α = 3 (an engagement weighs four unobserved pairs),
 * 6 alternating iterations of 3 conjugate-gradient steps per row.
 */
export const IALS_GRID: ModelSpec[] = [
  { kind: 'ials', factors: 64, reg: 10, confidence: 3, iterations: 6 },
  { kind: 'ials', factors: 64, reg: 30, confidence: 3, iterations: 6 },
  { kind: 'ials', factors: 64, reg: 100, confidence: 3, iterations: 6 },
  { kind: 'ials', factors: 128, reg: 30, confidence: 3, iterations: 6 },
];

/** iALS when named in the settings (`"model": "ials"`). */
export const IALS_DEFAULT: ModelSpec = IALS_GRID[1]!;

/** EASE^R's weights are signed and spread thin: it keeps this many times more of them (measured: ×1 costs 2% NDCG on MovieLens-100k). */
const EASE_KEEP_FACTOR = 3;

export function trainModel(m: Interactions, spec: ModelSpec, perItem: number): ItemNeighbours {
  if (spec.kind === 'cosine') return cosineKnn(m, perItem);
  if (spec.kind === 'ease') return ease(m, { lambda: spec.lambda, perItem: perItem * EASE_KEEP_FACTOR });
  if (spec.kind === 'ials') return ials(m, { ...spec, perItem: perItem * EASE_KEEP_FACTOR });
  return rp3beta(m, { alpha: spec.alpha, beta: spec.beta, perItem });
}

/**
 * Trains several candidates, the sparse ones (cosine, RP3beta) in one shared
 * co-engagement walk; `onTrained` gets each model with its training time as
 * soon as it exists (the sparse ones share their walk's time equally).
 */
export function trainModels(
  m: Interactions,
  specs: readonly ModelSpec[],
  perItem: number,
  onTrained: (spec: ModelSpec, model: ItemNeighbours, ms: number) => void,
): void {
  const sparse = specs.filter((spec): spec is Extract<ModelSpec, { kind: 'cosine' | 'rp3beta' }> => spec.kind === 'cosine' || spec.kind === 'rp3beta');
  if (sparse.length > 0) {
    const started = Date.now();
    const weighs: CoEngagementWeigh[] = sparse.map((spec) => (spec.kind === 'rp3beta' ? rp3betaWeigh(m, spec) : cosineWeigh(m)));
    const models = coEngagementModels(m, perItem, weighs);
    const ms = (Date.now() - started) / sparse.length;
    sparse.forEach((spec, k) => onTrained(spec, models[k]!, ms));
  }
  for (const spec of specs) {
    if (spec.kind === 'cosine' || spec.kind === 'rp3beta') continue;
    const started = Date.now();
    const model = trainModel(m, spec, perItem);
    onTrained(spec, model, Date.now() - started);
  }
}

/** Models whose neighbours are all retrained together (no per-note refresh): EASE^R's inverse and iALS's factors are global. */
export function retrainsWhole(spec: ModelSpec): spec is Extract<ModelSpec, { kind: 'ease' | 'ials' }> {
  return spec.kind === 'ease' || spec.kind === 'ials';
}

/** The grid for a catalogue: EASE^R only on small ones; iALS is offered, and chooseModel keeps it where a training stays within IALS_MAX_WORK. */
export function candidateModels(itemCount: number): ModelSpec[] {
  return [...(itemCount <= EASE_MAX_ITEMS ? EASE_GRID : []), ...SPARSE_GRID, ...IALS_GRID];
}

/** Candidates that fit the data's size: iALS only within IALS_MAX_WORK (never leaving none). */
export function affordable(m: Interactions, candidates: readonly ModelSpec[]): ModelSpec[] {
  const kept = candidates.filter((spec) => spec.kind !== 'ials' || ialsWork(m, spec) <= IALS_MAX_WORK);
  return kept.length > 0 ? kept : [...candidates];
}

/** `histories`: per person, item indices newest first. */
export function chooseModel(
  histories: ReadonlyArray<ArrayLike<number>>,
  itemCount: number,
  perItem: number,
  candidates = candidateModels(itemCount),
  seed = 1,
): ModelChoice {
  const eligible = histories.flatMap((history, person) => (history.length >= MIN_HISTORY ? [person] : []));
  if (eligible.length === 0) return { chosen: candidates[0]!, recency: 0, validation: [] };
  const step = Math.max(1, eligible.length / VALIDATION_PEOPLE);
  const sampled = new Map<number, { held: Set<number>; newest: boolean }>();
  const random = seededRandom(seed);
  const train = histories.map((history) => Array.from(history));
  for (let k = 0; k < VALIDATION_PEOPLE && Math.floor(k * step) < eligible.length; k += 1) {
    const person = eligible[Math.floor(k * step)]!;
    const list = train[person]!;
    const cut = Math.max(1, Math.round(list.length * VALIDATION_SHARE));
    let held: number[];
    if (k % 2 === 0) held = list.slice(0, cut);
    else {
      const shuffled = [...list];
      for (let i = shuffled.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
      }
      held = shuffled.slice(0, cut);
    }
    const heldSet = new Set(held);
    train[person] = list.filter((item) => !heldSet.has(item));
    sampled.set(person, { held: heldSet, newest: k % 2 === 0 });
  }
  const matrix = buildInteractions(train, itemCount);
  candidates = affordable(matrix, candidates);
  const validation: ModelChoice['validation'] = [];
  const trials: Array<{ spec: ModelSpec; recency: number; newest: number; random: number }> = [];
  trainModels(matrix, candidates, perItem, (spec, model, trainedMs) => {
    const scorer = new PersonScorer(model, itemCount);
    for (const recency of RECENCY_GRID) {
      const scoredAt = Date.now();
      const sums = { newest: 0, random: 0, newestCount: 0, randomCount: 0 };
      for (const [person, { held, newest }] of sampled) {
        const history = itemsOf(matrix, person);
        const known = new Set(history);
        const top = scorer.top(history, K, (item) => !known.has(item), recency);
        const value = ndcg(
          top.map((entry) => entry.item),
          held,
        );
        if (newest) {
          sums.newest += value;
          sums.newestCount += 1;
        } else {
          sums.random += value;
          sums.randomCount += 1;
        }
      }
      const trial = { spec, recency, newest: sums.newest / Math.max(1, sums.newestCount), random: sums.random / Math.max(1, sums.randomCount) };
      trials.push(trial);
      validation.push({
        model: `${modelName(spec)} τ=${recency}`,
        newest: trial.newest,
        random: trial.random,
        ms: Math.round(trainedMs + Date.now() - scoredAt),
      });
    }
  });
  // Back in the grid's order (the sparse models train first): ties go to the earlier candidate.
  const order = (spec: ModelSpec) => candidates.indexOf(spec);
  const byGrid = trials.map((trial, at) => ({ trial, row: validation[at]! })).sort((a, b) => order(a.trial.spec) - order(b.trial.spec));
  trials.splice(0, trials.length, ...byGrid.map((entry) => entry.trial));
  validation.splice(0, validation.length, ...byGrid.map((entry) => entry.row));
  // Each candidate's worst share of the best score under either hold-out: the
  // choice that is never far behind, whichever way the future relates to the past.
  const bestNewest = Math.max(...trials.map((trial) => trial.newest), 1e-12);
  const bestRandom = Math.max(...trials.map((trial) => trial.random), 1e-12);
  let chosen = trials[0]!;
  let bestWorst = -1;
  for (const trial of trials) {
    const worst = Math.min(trial.newest / bestNewest, trial.random / bestRandom);
    // Strictly better: on a tie the earlier (cheaper, plainer) candidate stays.
    if (worst > bestWorst) {
      bestWorst = worst;
      chosen = trial;
    }
  }
  return { chosen: chosen.spec, recency: chosen.recency, validation };
}

function ndcg(ranked: readonly number[], relevant: ReadonlySet<number>): number {
  let dcg = 0;
  ranked.forEach((item, rank) => {
    if (relevant.has(item)) dcg += 1 / Math.log2(rank + 2);
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(relevant.size, K); rank += 1) ideal += 1 / Math.log2(rank + 2);
  return ideal > 0 ? dcg / ideal : 0;
}
