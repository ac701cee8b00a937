import { describe, expect, it } from 'vitest';
import { buildDataset, type RawInteraction } from './dataset.js';
import { randomSplit, temporalSplit } from './splits.js';

const day = 86_400_000;

function dataset(users: number, perUser: number) {
  const interactions: RawInteraction[] = [];
  for (let u = 0; u < users; u += 1) {
    // Times run backwards in the file, so input order and time order differ.
    for (let i = 0; i < perUser; i += 1) interactions.push({ user: `u${u}`, item: `i${(u * 3 + i) % 50}`, at: (perUser - i) * day, weight: 1 });
  }
  return buildDataset([], interactions);
}

describe('randomSplit', () => {
  it('holds out 25% of each user, disjoint from training, covering everything', () => {
    const data = dataset(20, 8);
    const split = randomSplit(data, 1);
    data.users.forEach((_, user) => {
      const train = split.train[user]!.map((interaction) => interaction.item);
      const test = [...split.test[user]!];
      expect(train).toHaveLength(6);
      expect(test).toHaveLength(2);
      expect(train.filter((item) => split.test[user]!.has(item))).toEqual([]);
      const all = data.interactions.filter((interaction) => interaction.user === user).map((interaction) => interaction.item);
      expect([...train, ...test].sort()).toEqual(all.sort());
    });
  });

  it('is the same for the same seed and differs between seeds', () => {
    const data = dataset(20, 8);
    const items = (seed: number) => randomSplit(data, seed).test.map((set) => [...set].sort());
    expect(items(1)).toEqual(items(1));
    expect(items(2)).not.toEqual(items(1));
  });

  it('rounds the training share like the reference (75% of 10 is 8)', () => {
    const split = randomSplit(dataset(1, 10), 3);
    expect(split.train[0]).toHaveLength(8);
    expect(split.test[0]!.size).toBe(2);
  });
});

describe('temporalSplit', () => {
  it('holds out each user’s latest 20%', () => {
    const data = dataset(3, 10);
    const split = temporalSplit(data);
    data.users.forEach((_, user) => {
      const byTime = data.interactions.filter((interaction) => interaction.user === user).sort((a, b) => b.at - a.at);
      expect([...split.test[user]!].sort()).toEqual(
        byTime
          .slice(0, 2)
          .map((interaction) => interaction.item)
          .sort(),
      );
      expect(Math.max(...split.train[user]!.map((interaction) => interaction.at))).toBeLessThan(
        Math.min(...byTime.slice(0, 2).map((interaction) => interaction.at)),
      );
    });
  });

  it('breaks ties in time by input order', () => {
    const data = buildDataset(
      [],
      ['a', 'b', 'c', 'd', 'e'].map((item) => ({ user: 'u', item, at: 1000, weight: 1 })),
    );
    const split = temporalSplit(data);
    expect([...split.test[0]!].map((item) => data.items[item]!.key)).toEqual(['e']);
  });
});
