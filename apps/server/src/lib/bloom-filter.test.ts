import { describe, expect, it } from 'vitest';
import { BloomFilter } from './bloom-filter.js';

describe('BloomFilter', () => {
  it('never forgets a key it was given', () => {
    const filter = new BloomFilter(4096);
    const keys = Array.from({ length: 3000 }, (_, i) => String(1_000_000 + i * 7));
    for (const key of keys) filter.add(key);
    expect(keys.every((key) => filter.has(key))).toBe(true);
  });

  it('answers "no" for keys it was not given, within the rate its size allows', () => {
    const filter = new BloomFilter(4096);
    for (let i = 0; i < 3000; i += 1) filter.add(String(i));
    let falsePositives = 0;
    for (let i = 0; i < 20_000; i += 1) if (filter.has(String(10_000_000 + i))) falsePositives += 1;
    // 32 Kbit, 5 probes, 3,000 keys: about 0.7% in theory.
    expect(falsePositives / 20_000).toBeLessThan(0.02);
    expect(new BloomFilter(4096).has('1')).toBe(false);
  });

  it('merges and round-trips through its bytes', () => {
    const a = new BloomFilter(256);
    const b = new BloomFilter(256);
    a.add('1');
    b.add('2');
    a.merge(b);
    const copy = new BloomFilter(Uint8Array.from(a.bits));
    expect(copy.has('1') && copy.has('2')).toBe(true);
    expect(() => a.merge(new BloomFilter(128))).toThrow();
  });
});
