import { describe, expect, it } from 'vitest';
import { MemorySharedCache } from './shared-cache.js';

function counter() {
  const calls: string[][] = [];
  const load = async (keys: string[]) => {
    calls.push(keys);
    return new Map(keys.filter((key) => key !== 'gone').map((key) => [key, `${key}@${calls.length}`]));
  };
  return { calls, load };
}

describe('MemorySharedCache', () => {
  it('loads all misses in one call and serves hits from memory', async () => {
    const cache = new MemorySharedCache<string>(60_000, 100);
    const { calls, load } = counter();
    expect(await cache.getMany(['a', 'b'], load)).toEqual(
      new Map([
        ['a', 'a@1'],
        ['b', 'b@1'],
      ]),
    );
    expect(await cache.getMany(['b', 'c', 'a'], load)).toEqual(
      new Map([
        ['b', 'b@1'],
        ['c', 'c@2'],
        ['a', 'a@1'],
      ]),
    );
    expect(calls).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps nothing for keys the loader leaves out, nor for failed loads', async () => {
    const cache = new MemorySharedCache<string>(60_000, 100);
    const { calls, load } = counter();
    expect((await cache.getMany(['gone'], load)).has('gone')).toBe(false);
    await cache.getMany(['gone'], load);
    await expect(cache.getMany(['x'], async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect((await cache.getMany(['x'], load)).get('x')).toBe('x@3');
    expect(calls).toEqual([['gone'], ['gone'], ['x']]);
  });

  it('forgets on delete, even a load still in flight', async () => {
    const cache = new MemorySharedCache<string>(60_000, 100);
    let release: () => void = () => {};
    const slow = (keys: string[]) =>
      new Promise<Map<string, string>>((resolve) => {
        release = () => resolve(new Map(keys.map((key) => [key, 'old'])));
      });
    const inFlight = cache.getMany(['a'], slow);
    await cache.delete(['a']);
    release();
    expect((await inFlight).get('a')).toBe('old');
    // The read that started before the write does not stay cached after it.
    expect((await cache.getMany(['a'], async () => new Map([['a', 'new']]))).get('a')).toBe('new');
  });

  it('expires after its ttl, and sooner for values that say so', async () => {
    let now = 0;
    const cache = new MemorySharedCache<string>(
      1_000,
      100,
      (value) => (value.startsWith('brief') ? 10 : Number.POSITIVE_INFINITY),
      () => now,
    );
    await cache.getMany(['long', 'brief'], async (keys) => new Map(keys.map((key) => [key, `${key}-1`])));
    now = 500;
    const second = await cache.getMany(['long', 'brief'], async (keys) => new Map(keys.map((key) => [key, `${key}-2`])));
    expect(second).toEqual(
      new Map([
        ['long', 'long-1'],
        ['brief', 'brief-2'],
      ]),
    );
    now = 1_600;
    expect((await cache.getMany(['long'], async () => new Map([['long', 'long-3']]))).get('long')).toBe('long-3');
  });

  it('stays within its size, dropping the oldest entries', async () => {
    const cache = new MemorySharedCache<string>(60_000, 10);
    const { calls, load } = counter();
    for (let i = 0; i < 30; i += 1) await cache.getMany([`k${i}`], load);
    await cache.getMany(['k29'], load);
    expect(calls).toHaveLength(30);
    await cache.getMany(['k0'], load);
    expect(calls).toHaveLength(31);
  });

  it('caches nothing with a ttl of 0', async () => {
    const cache = new MemorySharedCache<string>(0, 10);
    const { calls, load } = counter();
    await cache.getMany(['a'], load);
    await cache.getMany(['a'], load);
    expect(calls).toHaveLength(2);
  });
});
