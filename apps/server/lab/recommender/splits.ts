import { seededRandom } from '../../src/demo/random.js';
import type { Dataset, Interaction } from './dataset.js';

// The two protocols of the issue. Every held-out interaction is relevant; an
// item is never in both halves for one user (pairs are unique in a Dataset).

export type Protocol = 'random' | 'temporal';

export interface Split {
  /** Per user index: the training interactions. */
  train: Interaction[][];
  /** Per user index: the held-out items. */
  test: Set<number>[];
}

function byUser(dataset: Dataset): Interaction[][] {
  const lists: Interaction[][] = dataset.users.map(() => []);
  for (const interaction of dataset.interactions) lists[interaction.user]!.push(interaction);
  return lists;
}

/**
 * For each user, a seeded shuffle, 75% for training and 25% for testing: the
 * Microsoft Recommenders protocol, drawn exactly as the reference prototype
 * does (one mulberry32 stream, users in order of first appearance, a
 * Fisher-Yates shuffle from the end), so the numbers can be compared.
 */
export function randomSplit(dataset: Dataset, seed: number, trainShare = 0.75): Split {
  const random = seededRandom(seed);
  const train: Interaction[][] = [];
  const test: Set<number>[] = [];
  for (const list of byUser(dataset)) {
    const shuffled = [...list];
    for (let k = shuffled.length - 1; k > 0; k -= 1) {
      const j = Math.floor(random.next() * (k + 1));
      [shuffled[k], shuffled[j]] = [shuffled[j]!, shuffled[k]!];
    }
    const cut = Math.round(shuffled.length * trainShare);
    train.push(shuffled.slice(0, cut));
    test.push(new Set(shuffled.slice(cut).map((interaction) => interaction.item)));
  }
  return { train, test };
}

/** For each user, the latest 20% (by time, then input order) for testing. */
export function temporalSplit(dataset: Dataset, testShare = 0.2): Split {
  const train: Interaction[][] = [];
  const test: Set<number>[] = [];
  for (const list of byUser(dataset)) {
    const ordered = [...list].sort((a, b) => a.at - b.at || a.order - b.order);
    const cut = Math.round(ordered.length * (1 - testShare));
    train.push(ordered.slice(0, cut));
    test.push(new Set(ordered.slice(cut).map((interaction) => interaction.item)));
  }
  return { train, test };
}

export function split(dataset: Dataset, protocol: Protocol, seed: number): Split {
  return protocol === 'random' ? randomSplit(dataset, seed) : temporalSplit(dataset);
}
