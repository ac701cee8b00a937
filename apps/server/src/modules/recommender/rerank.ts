import type { Candidate, CandidateSource } from './recommender-types.js';

// Turns scored candidates from several sources into one page: each source gets
// its share of the slots (its quota), and the page is ordered greedily by MMR
// (relevance against topic overlap with what is already on the page) under two
// hard rules: never the same author twice in a row, at most `maxPerAuthor` per page.

export type Quotas = Partial<Record<CandidateSource, number>>;

export interface RerankOptions {
  limit: number;
  quotas: Quotas;
  maxPerAuthor: number;
  /** 1: relevance only; 0: topic diversity only. */
  diversityLambda: number;
}

/** Where the slots a source cannot fill go, in order. */
const LEFTOVER_ORDER: CandidateSource[] = ['interest', 'trending', 'popular', 'fresh', 'following', 'explore'];

/** Slots per source: quotas normalised to the page (largest remainder), then a short source's leftovers to the next in LEFTOVER_ORDER. */
export function allocateSlots(available: ReadonlyMap<CandidateSource, number>, quotas: Quotas, limit: number): Map<CandidateSource, number> {
  const entries = (Object.entries(quotas) as Array<[CandidateSource, number]>).filter(([, share]) => share > 0);
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  const slots = new Map<CandidateSource, number>();
  if (total <= 0 || limit <= 0) return slots;
  const exact = entries.map(([source, share]) => ({ source, value: (share / total) * limit }));
  for (const { source, value } of exact) slots.set(source, Math.floor(value));
  let left = limit - [...slots.values()].reduce((a, b) => a + b, 0);
  for (const { source } of [...exact].sort((a, b) => (b.value % 1) - (a.value % 1))) {
    if (left <= 0) break;
    slots.set(source, slots.get(source)! + 1);
    left -= 1;
  }
  // Cap by what each source has; hand the rest on.
  let spare = 0;
  for (const [source, count] of slots) {
    const have = available.get(source) ?? 0;
    if (count > have) {
      spare += count - have;
      slots.set(source, have);
    }
  }
  for (const source of LEFTOVER_ORDER) {
    if (spare <= 0) break;
    const room = (available.get(source) ?? 0) - (slots.get(source) ?? 0);
    if (room <= 0) continue;
    const take = Math.min(room, spare);
    slots.set(source, (slots.get(source) ?? 0) + take);
    spare -= take;
  }
  return slots;
}

/** `count` positions spread evenly over the second half of a page of `size` (all of it when they don't fit there). */
export function spreadSlots(count: number, size: number): Set<number> {
  const slots = new Set<number>();
  if (count <= 0 || size <= 0) return slots;
  const start = count > size - Math.floor(size / 2) ? Math.max(0, size - count) : Math.floor(size / 2);
  const span = size - start;
  for (let k = 0; k < Math.min(count, span); k += 1) slots.add(start + Math.floor(((k + 0.5) * span) / Math.min(count, span)));
  return slots;
}

/** Jaccard overlap of two topic sets; notes without topics overlap nothing. */
export function topicSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (const topic of a) if (b.includes(topic)) shared += 1;
  return shared / (a.length + b.length - shared);
}

/**
 * `candidates`: each source's list in descending score order, sources in priority
 * order (a note offered by two sources counts for the first). Returns the page.
 */
export function rerank(candidates: readonly Candidate[], options: RerankOptions): Candidate[] {
  const pool: Array<Candidate & { relevance: number; order: number }> = [];
  const seen = new Set<string>();
  const maxBySource = new Map<CandidateSource, number>();
  for (const candidate of candidates) {
    maxBySource.set(candidate.source, Math.max(maxBySource.get(candidate.source) ?? 0, candidate.score));
  }
  for (const candidate of candidates) {
    if (seen.has(candidate.noteId)) continue;
    seen.add(candidate.noteId);
    const max = maxBySource.get(candidate.source)!;
    // Scores are only comparable within a source: each is scaled to its source's best.
    pool.push({ ...candidate, relevance: max > 0 ? candidate.score / max : 0, order: pool.length });
  }
  const available = new Map<CandidateSource, number>();
  for (const candidate of pool) available.set(candidate.source, (available.get(candidate.source) ?? 0) + 1);
  const remaining = allocateSlots(available, options.quotas, Math.min(options.limit, pool.length));

  const page: typeof pool = [];
  const perAuthor = new Map<string, number>();
  const taken = new Set<number>();
  const lambda = options.diversityLambda;
  // Discovery slots (every source but interest) sit spread over the second half
  // of the page: the first screen is what the viewer most likely wants, and a
  // fresh or trending note never pushes a strong match down just because its
  // score was scaled against a different source's best.
  const discoverySlots = spreadSlots(
    [...remaining].filter(([source]) => source !== 'interest').reduce((sum, [, count]) => sum + count, 0),
    Math.min(options.limit, pool.length),
  );
  const pick = (respectQuotas: boolean, discovery?: boolean) => {
    let best: (typeof pool)[number] | null = null;
    let bestValue = -Infinity;
    const previousAuthor = page.at(-1)?.authorId;
    for (const candidate of pool) {
      if (taken.has(candidate.order)) continue;
      if (respectQuotas && (remaining.get(candidate.source) ?? 0) <= 0) continue;
      if (discovery !== undefined && (candidate.source !== 'interest') !== discovery) continue;
      if (candidate.authorId === previousAuthor || (perAuthor.get(candidate.authorId) ?? 0) >= options.maxPerAuthor) continue;
      let overlap = 0;
      if (lambda < 1 && candidate.topicIds.length > 0) {
        for (const shown of page) overlap = Math.max(overlap, topicSimilarity(candidate.topicIds, shown.topicIds));
      }
      const value = lambda * candidate.relevance - (1 - lambda) * overlap;
      // Strictly greater: ties keep the sources' own order.
      if (value > bestValue) {
        best = candidate;
        bestValue = value;
      }
    }
    return best;
  };
  while (page.length < options.limit) {
    // A source's slots may be unusable (all its notes by authors already capped): then any source may fill.
    const discovery = discoverySlots.has(page.length);
    const next = pick(true, discovery) ?? pick(true) ?? pick(false);
    if (!next) break;
    page.push(next);
    taken.add(next.order);
    perAuthor.set(next.authorId, (perAuthor.get(next.authorId) ?? 0) + 1);
    remaining.set(next.source, (remaining.get(next.source) ?? 0) - 1);
  }
  return page.map(({ relevance: _relevance, order: _order, ...candidate }) => candidate);
}
