// The recommender's knobs. Defaults here; `REC_SETTINGS` (JSON, deep-merged)
// overrides any of them, e.g. REC_SETTINGS='{"quotas":{"explore":0.1}}'.
// Offline evaluation sweeps the same knobs (npm run rec:eval -- --set …).

export interface RecommenderSettings {
  /** CES weights per signal, in the spirit of RedNote's: engagement per impression. */
  signalWeights: {
    like: number;
    collect: number;
    comment: number;
    share: number;
    follow: number;
    /** A finished video play. */
    complete: number;
    notInterested: number;
    report: number;
    /** An imported interaction (offline evaluation data). */
    interaction: number;
  };
  /** Beta-prior strength, in impressions, pulling a note's quality towards comparable notes'. */
  priorImpressions: number;
  /** Staged exposure: audience budget (impressions) per stage; after the last, a note is "open". */
  stageBudgets: number[];
  /** Promote when P(note's engagement rate > the cohort's benchmark) is at least this. */
  promoteProbability: number;
  /** The cohort benchmark is this quantile of comparable notes' quality. */
  benchmarkQuantile: number;
  /** A note stops being "fresh" (looking for its first audience) after this many hours. */
  freshHours: number;
  /** Share of a page per candidate source; normalised, leftovers go to interest then trending. */
  quotas: {
    interest: number;
    fresh: number;
    following: number;
    trending: number;
    explore: number;
  };
  /** The item model behind the interest pools (modules/recommender/models). */
  neighbors: {
    /** 'auto': chosen per full rebuild on a validation hold-out of the data itself; or one model by name. */
    model: 'auto' | 'ease' | 'rp3beta' | 'cosine' | 'ials';
    /** Neighbours kept per note. */
    perNote: number;
    /** RP3beta when named: exponent on the walk probability (< 1 flattens it). */
    alpha: number;
    /** RP3beta when named: popularity penalty on the recommended note (higher spreads exposure to the long tail). */
    beta: number;
    /** EASE^R when named: the ridge penalty λ. */
    easeLambda: number;
    /** Latest engaged notes per person the model reads. */
    historyCap: number;
  };
  /** Exponent on a note's quality relative to the average: 0 ignores quality, 0.3 moves scores mildly (clamped to ×0.5…×2). */
  qualityWeight: number;
  /** MMR trade-off between relevance (1) and topic diversity (0). */
  diversityLambda: number;
  /** Most notes by one author on a page. */
  maxPerAuthor: number;
  /** Served notes are not served again for this many days. */
  seenDays: number;
}

export const DEFAULT_RECOMMENDER_SETTINGS: RecommenderSettings = {
  signalWeights: { like: 1, collect: 1, comment: 4, share: 4, follow: 8, complete: 1, notInterested: -10, report: -30, interaction: 1 },
  priorImpressions: 50,
  stageBudgets: [200, 2_000, 20_000],
  promoteProbability: 0.7,
  benchmarkQuantile: 0.5,
  freshHours: 72,
  quotas: { interest: 0.55, fresh: 0.15, following: 0.15, trending: 0.1, explore: 0.05 },
  neighbors: { model: 'auto', perNote: 100, alpha: 0.8, beta: 0.5, easeLambda: 300, historyCap: 300 },
  qualityWeight: 0.3,
  diversityLambda: 0.8,
  maxPerAuthor: 2,
  seenDays: 30,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]>) : T[K] };
export type RecommenderOverrides = DeepPartial<RecommenderSettings>;

/** Defaults with overrides applied; unknown keys and wrong types are refused so a typo is not silently ignored. */
const MODELS: ReadonlyArray<RecommenderSettings['neighbors']['model']> = ['auto', 'ease', 'rp3beta', 'cosine', 'ials'];

export function mergeRecommenderSettings(base: RecommenderSettings, overrides: unknown, where = 'REC_SETTINGS'): RecommenderSettings {
  const merged = mergeInto(base, overrides, where) as RecommenderSettings;
  if (!MODELS.includes(merged.neighbors.model)) throw new Error(`${where}.neighbors.model must be one of ${MODELS.join(', ')}`);
  return merged;
}

function mergeInto(base: unknown, overrides: unknown, where: string): unknown {
  if (overrides === undefined) return base;
  if (Array.isArray(base)) {
    if (!Array.isArray(overrides) || !overrides.every((value) => typeof value === 'number' && value >= 0)) {
      throw new Error(`${where} must be an array of non-negative numbers`);
    }
    return overrides;
  }
  if (typeof base === 'object' && base !== null) {
    if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) throw new Error(`${where} must be an object`);
    const result: Record<string, unknown> = { ...(base as Record<string, unknown>) };
    for (const [key, value] of Object.entries(overrides)) {
      if (!(key in result)) throw new Error(`${where}.${key} is not a recommender setting`);
      result[key] = mergeInto(result[key], value, `${where}.${key}`);
    }
    return result;
  }
  if (typeof overrides !== typeof base || (typeof overrides === 'number' && !Number.isFinite(overrides))) {
    throw new Error(`${where} must be a ${typeof base}`);
  }
  return overrides;
}
