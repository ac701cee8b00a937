import type { Random } from './random.js';

// The seeded world's social graph and engagement, drawn in Node from the
// seed's generator (so one --seed gives one world), as index pairs into the
// seed's own people and notes. Popularity follows a power law: a few people
// get most follows, a few notes most likes. Pairs are deduplicated here, as
// the primary keys would.

const DAY_MS = 86_400_000;

export interface Pairs {
  /** Index into the seed's people (in id order). */
  from: Int32Array;
  /** Index into the other side: people for follows, notes for likes and collects. */
  to: Int32Array;
  at: Float64Array;
  length: number;
}

/**
 * `count` draws of (uniform from, power-law to) without repeats or self-pairs;
 * `to` index 0 is the most popular end. Repeated draws are dropped (not redrawn),
 * so a dense world ends with somewhat fewer rows than asked, as before.
 */
export function drawPairs(random: Random, count: number, fromSize: number, toSize: number, exponent: number, sameSide: boolean, at: () => number): Pairs {
  const seen = new Set<number>();
  const from = new Int32Array(count);
  const to = new Int32Array(count);
  const times = new Float64Array(count);
  let length = 0;
  for (let i = 0; i < count; i += 1) {
    const f = Math.floor(random.next() * fromSize);
    const t = Math.floor(random.next() ** exponent * toSize);
    const time = at();
    if (sameSide && f === t) continue;
    const key = f * toSize + t;
    if (seen.has(key)) continue;
    seen.add(key);
    from[length] = f;
    to[length] = t;
    times[length] = time;
    length += 1;
  }
  return { from, to, at: times, length };
}

export interface Engagement {
  follows: Pairs;
  likes: Pairs;
  collects: Pairs;
}

/** Follows over 30 days, likes and collects over the last 7 (trending and the recommender look at recent activity). */
export function drawEngagement(
  random: Random,
  sizes: { people: number; notes: number; follows: number; likes: number; collects: number },
  nowMs: number,
): Engagement {
  const within = (days: number) => () => nowMs - random.next() * days * DAY_MS;
  const draw = (count: number, toSize: number, exponent: number, days: number) =>
    sortedByFrom(drawPairs(random, count, sizes.people, toSize, exponent, toSize === sizes.people, within(days)), sizes.people);
  const follows = draw(sizes.follows, sizes.people, 2, 30);
  const likes = draw(sizes.likes, sizes.notes, 2.5, 7);
  return { follows, likes, collects: draw(sizes.collects, sizes.notes, 2.5, 7) };
}

/** Which rows of `pairs` touch each note (the `to` side): a counting sort, so events can go out grouped by note. */
export function byTarget(pairs: Pairs, targets: number): { start: Int32Array; rows: Int32Array } {
  const start = new Int32Array(targets + 1);
  for (let i = 0; i < pairs.length; i += 1) start[pairs.to[i]! + 1]! += 1;
  for (let t = 0; t < targets; t += 1) start[t + 1]! += start[t]!;
  const fill = start.slice(0, targets);
  const rows = new Int32Array(pairs.length);
  for (let i = 0; i < pairs.length; i += 1) rows[fill[pairs.to[i]!]!++] = i;
  return { start, rows };
}

/** The pairs ordered by `from` (a stable counting sort): a COPY in primary-key order appends to the key's index instead of scattering. */
export function sortedByFrom(pairs: Pairs, fromSize: number): Pairs {
  const start = new Int32Array(fromSize + 1);
  for (let i = 0; i < pairs.length; i += 1) start[pairs.from[i]! + 1]! += 1;
  for (let f = 0; f < fromSize; f += 1) start[f + 1]! += start[f]!;
  const sorted: Pairs = { from: new Int32Array(pairs.length), to: new Int32Array(pairs.length), at: new Float64Array(pairs.length), length: pairs.length };
  for (let i = 0; i < pairs.length; i += 1) {
    const k = start[pairs.from[i]!]!++;
    sorted.from[k] = pairs.from[i]!;
    sorted.to[k] = pairs.to[i]!;
    sorted.at[k] = pairs.at[i]!;
  }
  return sorted;
}
