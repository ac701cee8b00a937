// A Bloom filter over string keys in a fixed byte array: membership with no
// false negatives and a false-positive rate set by its size, so "have I shown
// this?" costs a few bit tests and a few KB per person however long the
// history grows. Double hashing (Kirsch & Mitzenmacher): k probes from two FNV-1a hashes.

export class BloomFilter {
  readonly bits: Uint8Array;

  constructor(
    bytes: number | Uint8Array,
    private readonly hashes = 5,
  ) {
    this.bits = typeof bytes === 'number' ? new Uint8Array(bytes) : bytes;
  }

  add(key: string): void {
    const size = this.bits.length * 8;
    const [h1, h2] = hashPair(key);
    for (let i = 0; i < this.hashes; i += 1) {
      const bit = (h1 + i * h2) % size;
      this.bits[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  has(key: string): boolean {
    const [h1, h2] = hashPair(key);
    return this.hasHashes(h1, h2);
  }

  /** `has` for a key whose `hashPair` is already known (several filters asked about one key). */
  hasHashes(h1: number, h2: number): boolean {
    const size = this.bits.length * 8;
    for (let i = 0; i < this.hashes; i += 1) {
      const bit = (h1 + i * h2) % size;
      if ((this.bits[bit >>> 3]! & (1 << (bit & 7))) === 0) return false;
    }
    return true;
  }

  /** Adds every key of `other` (same size). */
  merge(other: BloomFilter): void {
    if (other.bits.length !== this.bits.length) throw new Error('Bloom filters of different sizes');
    for (let i = 0; i < this.bits.length; i += 1) this.bits[i]! |= other.bits[i]!;
  }
}

export function hashPair(key: string): [number, number] {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  // The step must be odd so probes do not collapse onto a few bits.
  return [a >>> 0, (b | 1) >>> 0];
}
