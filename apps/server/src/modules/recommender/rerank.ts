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

/**
 * Slots per source: quotas normalised to the page, each source its whole slots
 * and the rounding remainder to the sources in LEFTOVER_ORDER (interest first:
 * on a short page a discovery source never gets more than its share), then a
 * short source's leftovers the same way.
 */
export function allocateSlots(available: ReadonlyMap<CandidateSource, number>, quotas: Quotas, limit: number): Map<CandidateSource, number> {
  const entries = (Object.entries(quotas) as Array<[CandidateSource, number]>).filter(([, share]) => share > 0);
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  const slots = new Map<CandidateSource, number>();
  if (total <= 0 || limit <= 0) return slots;
  const exact = entries.map(([source, share]) => ({ source, value: (share / total) * limit }));
  for (const { source, value } of exact) slots.set(source, Math.floor(value));
  // The rounding remainder joins the leftovers handed on below.
  let spare = limit - [...slots.values()].reduce((a, b) => a + b, 0);
  // Cap by what each source has; hand the rest on.
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
  // The pool as parallel arrays (sources and authors as small integers): the
  // greedy loop below then reads typed arrays only, well under a millisecond a page.
  const sourceIndex = new Map<CandidateSource, number>();
  const maxBySource: number[] = [];
  for (const candidate of candidates) {
    let index = sourceIndex.get(candidate.source);
    if (index === undefined) {
      index = sourceIndex.size;
      sourceIndex.set(candidate.source, index);
      maxBySource.push(0);
    }
    maxBySource[index] = Math.max(maxBySource[index]!, candidate.score);
  }
  const pool: Candidate[] = [];
  const seen = new Set<string>();
  const authorIndex = new Map<string, number>();
  const relevance: number[] = [];
  const source: number[] = [];
  const author: number[] = [];
  const topicIndex = new Map<string, number>();
  const topics: Int32Array[] = [];
  for (const candidate of candidates) {
    if (seen.has(candidate.noteId)) continue;
    seen.add(candidate.noteId);
    const s = sourceIndex.get(candidate.source)!;
    const max = maxBySource[s]!;
    let a = authorIndex.get(candidate.authorId);
    if (a === undefined) {
      a = authorIndex.size;
      authorIndex.set(candidate.authorId, a);
    }
    pool.push(candidate);
    topics.push(
      Int32Array.from(candidate.topicIds, (id) => {
        let t = topicIndex.get(id);
        if (t === undefined) {
          t = topicIndex.size;
          topicIndex.set(id, t);
        }
        return t;
      }),
    );
    // Scores are only comparable within a source: each is scaled to its source's best.
    relevance.push(max > 0 ? candidate.score / max : 0);
    source.push(s);
    author.push(a);
  }
  const available = new Map<CandidateSource, number>();
  for (const candidate of pool) available.set(candidate.source, (available.get(candidate.source) ?? 0) + 1);
  const slots = allocateSlots(available, options.quotas, Math.min(options.limit, pool.length));
  const remaining = new Int32Array(sourceIndex.size);
  for (const [name, index] of sourceIndex) remaining[index] = slots.get(name) ?? 0;
  const interest = sourceIndex.get('interest') ?? -1;

  const page: Candidate[] = [];
  const perAuthor = new Int32Array(authorIndex.size);
  const taken = new Uint8Array(pool.length);
  const lambda = options.diversityLambda;
  // Each candidate's largest topic overlap with the page so far, kept up to date
  // as notes are placed: one similarity per candidate and placement instead of
  // one per candidate, placement and note already on the page.
  const overlap = new Float64Array(pool.length);
  // Discovery slots (every source but interest) sit spread over the second half
  // of the page: the first screen is what the viewer most likely wants, and a
  // fresh or trending note never pushes a strong match down just because its
  // score was scaled against a different source's best.
  const discoverySlots = spreadSlots(
    [...slots].filter(([name]) => name !== 'interest').reduce((sum, [, count]) => sum + count, 0),
    Math.min(options.limit, pool.length),
  );
  // Topic diversity (MMR) shapes the second half of the page, as the discovery
  // slots do: the first half is the viewer's strongest matches in order, and
  // every later pick is still weighed against the topics of all placed before.
  const relevanceOnlyUntil = Math.floor(Math.min(options.limit, pool.length) / 2);
  let previousAuthor = -1;
  const pick = (respectQuotas: boolean, discovery?: boolean): number => {
    let best = -1;
    let bestValue = -Infinity;
    const lambda = page.length < relevanceOnlyUntil ? 1 : options.diversityLambda;
    for (let c = 0; c < pool.length; c += 1) {
      if (taken[c]) continue;
      if (respectQuotas && remaining[source[c]!]! <= 0) continue;
      if (discovery !== undefined && (source[c] !== interest) !== discovery) continue;
      if (author[c] === previousAuthor || perAuthor[author[c]!]! >= options.maxPerAuthor) continue;
      const value = lambda * relevance[c]! - (1 - lambda) * overlap[c]!;
      // Strictly greater: ties keep the sources' own order.
      if (value > bestValue) {
        best = c;
        bestValue = value;
      }
    }
    return best;
  };
  while (page.length < options.limit) {
    // A source's slots may be unusable (all its notes by authors already capped): then any source may fill.
    const discovery = discoverySlots.has(page.length);
    let next = pick(true, discovery);
    if (next < 0) next = pick(true);
    if (next < 0) next = pick(false);
    if (next < 0) break;
    const placed = pool[next]!;
    page.push(placed);
    taken[next] = 1;
    const placedTopics = topics[next]!;
    if (lambda < 1 && placedTopics.length > 0) {
      for (let c = 0; c < pool.length; c += 1) {
        if (taken[c] || topics[c]!.length === 0) continue;
        const similarity = jaccard(topics[c]!, placedTopics);
        if (similarity > overlap[c]!) overlap[c] = similarity;
      }
    }
    perAuthor[author[next]!]! += 1;
    remaining[source[next]!]! -= 1;
    previousAuthor = author[next]!;
  }
  return page;
}

/** topicSimilarity over topic numbers (a note's topics are distinct). */
function jaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0; i < a.length; i += 1) for (let j = 0; j < b.length; j += 1) if (a[i] === b[j]) shared += 1;
  return shared / (a.length + b.length - shared);
}
