import { describe, expect, it } from 'vitest';
import { SharedPools } from './shared-pools.js';

describe('SharedPools', () => {
  it('reuses a pool, answers from the stale one while reloading, and reloads first when it is far too old', async () => {
    const pools = new SharedPools(1000);
    let loads = 0;
    const load = async () => (loads += 1);
    expect(await pools.get('k', load, 0)).toBe(1);
    expect(await pools.get('k', load, 500)).toBe(1);
    // Stale: the old pool answers, a reload starts.
    expect(await pools.get('k', load, 1500)).toBe(1);
    await Promise.resolve();
    expect(loads).toBe(2);
    expect(await pools.get('k', load, 1600)).toBe(2);
    // Far too old (a quiet server): load before answering.
    expect(await pools.get('k', load, Date.now() + 10_000)).toBe(3);
  });

  it('holds at most maxEntries keys (per-viewer pools), dropping the oldest first', async () => {
    const pools = new SharedPools(1000, 2);
    let loads = 0;
    const load = async () => (loads += 1);
    await pools.get('a', load, 0);
    await pools.get('b', load, 0);
    await pools.get('c', load, 0);
    expect(loads).toBe(3);
    await pools.get('b', load, 10);
    await pools.get('c', load, 10);
    expect(loads).toBe(3);
    // 'a' was dropped to make room: it loads again; 'delete' forgets a key at once.
    await pools.get('a', load, 10);
    expect(loads).toBe(4);
    pools.delete('a');
    await pools.get('a', load, 20);
    expect(loads).toBe(5);
  });

  it('keeps nothing with a max age of 0', async () => {
    const pools = new SharedPools(0);
    let loads = 0;
    const load = async () => (loads += 1);
    await pools.get('k', load);
    await pools.get('k', load);
    expect(loads).toBe(2);
  });
});
