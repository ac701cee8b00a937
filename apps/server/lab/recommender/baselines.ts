import { seededRandom } from '../../src/demo/random.js';
import type { Split } from './splits.js';

// The reference models the engine is compared with, trained on the same
// split: MostPop, plain cosine ItemKNN and random. Each recommends from every
// catalogue item the user did not engage with in training.

export interface TrainingData {
  itemCount: number;
  /** Per user: the training items, in the split's order. */
  userItems: number[][];
  seen: Set<number>[];
  /** Per item: users who engaged with it in training. */
  itemUsers: number[][];
  /** Per item: training interactions. */
  popularity: Float64Array;
}

export type Recommend = (user: number, k: number) => number[] | Promise<number[]>;

export function trainingData(split: Split, itemCount: number): TrainingData {
  const userItems = split.train.map((list) => list.map((interaction) => interaction.item));
  const itemUsers: number[][] = Array.from({ length: itemCount }, () => []);
  const popularity = new Float64Array(itemCount);
  userItems.forEach((items, user) => {
    for (const item of items) {
      itemUsers[item]!.push(user);
      popularity[item]! += 1;
    }
  });
  return { itemCount, userItems, seen: userItems.map((items) => new Set(items)), itemUsers, popularity };
}

/** The k best-scored items not excluded; ties go to the lower index (a stable sort over the catalogue). */
export function topK(scores: ArrayLike<number>, exclude: ReadonlySet<number>, k: number): number[] {
  const best: number[] = [];
  for (let item = 0; item < scores.length; item += 1) {
    if (exclude.has(item)) continue;
    const score = scores[item]!;
    if (best.length === k && score <= scores[best[k - 1]!]!) continue;
    let at = best.length;
    while (at > 0 && scores[best[at - 1]!]! < score) at -= 1;
    best.splice(at, 0, item);
    if (best.length > k) best.pop();
  }
  return best;
}

export function mostPopular(data: TrainingData): Recommend {
  return (user, k) => topK(data.popularity, data.seen[user]!, k);
}

/**
 * Item-based kNN with cosine similarity on binary engagement:
 * sim(a, b) = co(a, b) / √(pop_a · pop_b), keeping each item's `neighbours`
 * most similar items (0 keeps all); a user's score for b sums sim(a, b) over
 * the user's training items a.
 */
export function itemKnn(data: TrainingData, neighbours: number): Recommend {
  const { itemCount, itemUsers, userItems, popularity } = data;
  const lists: Array<Array<[number, number]>> = [];
  const co = new Float64Array(itemCount);
  const touched: number[] = [];
  for (let a = 0; a < itemCount; a += 1) {
    for (const user of itemUsers[a]!) {
      for (const b of userItems[user]!) {
        if (b === a) continue;
        if (co[b] === 0) touched.push(b);
        co[b]! += 1;
      }
    }
    touched.sort((x, y) => x - y);
    const row: Array<[number, number]> = touched.map((b) => [b, co[b]! / (popularity[a]! ** 0.5 * popularity[b]! ** 0.5)]);
    row.sort((x, y) => y[1] - x[1]);
    lists.push(neighbours > 0 ? row.slice(0, neighbours) : row);
    for (const b of touched) co[b] = 0;
    touched.length = 0;
  }
  return (user, k) => {
    const scores = new Float64Array(itemCount);
    for (const a of userItems[user]!) for (const [b, similarity] of lists[a]!) scores[b]! += similarity;
    return topK(scores, data.seen[user]!, k);
  };
}

/** k items drawn uniformly from the ones the user has not engaged with. */
export function randomModel(data: TrainingData, seed: number): Recommend {
  const random = seededRandom(seed * 7919 + 17);
  return (user, k) => {
    const seen = data.seen[user]!;
    const picked = new Set<number>();
    const available = data.itemCount - seen.size;
    while (picked.size < Math.min(k, available)) {
      const item = Math.floor(random.next() * data.itemCount);
      if (!seen.has(item)) picked.add(item);
    }
    return [...picked];
  };
}
