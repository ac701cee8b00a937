import { describe, expect, it } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('shares one load among concurrent readers and expires', async () => {
    const cache = new TtlCache<number>(1000);
    let loads = 0;
    const load = async () => ++loads;
    const [a, b] = await Promise.all([cache.get('k', load, 0), cache.get('k', load, 10)]);
    expect([a, b, loads]).toEqual([1, 1, 1]);
    expect(await cache.get('k', load, 2000)).toBe(2);
  });

  it('loads only the missing keys of a batch and skips absent ones', async () => {
    const cache = new TtlCache<string>(1000);
    const asked: string[][] = [];
    const loader = async (keys: string[]) => {
      asked.push(keys);
      return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, key.toUpperCase()]));
    };
    expect([...(await cache.getMany(['a', 'b'], loader, 0))]).toEqual([
      ['a', 'A'],
      ['b', 'B'],
    ]);
    const second = await cache.getMany(['a', 'c', 'gone'], loader, 1);
    expect(asked).toEqual([
      ['a', 'b'],
      ['c', 'gone'],
    ]);
    expect(second.get('a')).toBe('A');
    expect(second.get('c')).toBe('C');
    expect(second.has('gone')).toBe(false);
  });

  it('does not keep failed loads and stays under its cap', async () => {
    const cache = new TtlCache<number>(1000, 10);
    await expect(
      cache.get('bad', async () => {
        throw new Error('x');
      }),
    ).rejects.toThrow();
    expect(await cache.get('bad', async () => 5)).toBe(5);
    for (let i = 0; i < 50; i += 1) await cache.get(`k${i}`, async () => i, 0);
    expect((cache as unknown as { entries: Map<string, unknown> }).entries.size).toBeLessThanOrEqual(10);
  });
});
