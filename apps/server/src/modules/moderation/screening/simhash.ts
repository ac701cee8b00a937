import { LEET_SYMBOLS, wordVariants } from './leet.js';
import { normaliseChars } from './normalise-chars.js';
import { tokenise } from './tokenise.js';

// Near-duplicate detection for spam waves: the same message posted again with
// small edits (case, punctuation, word order at the edges, "fr33" for "free").
// SimHash over the screening normaliser's output, so the disguises the term
// matcher sees through do not make a copy look new either.

/** Texts whose fingerprints differ in at most this many bits are near-duplicates... */
export const NEAR_DUPLICATE_MAX_DISTANCE = 3;
/** ...when both have at least this many shingles (short texts collide too easily). */
export const NEAR_DUPLICATE_MIN_SHINGLES = 8;

const MASK_64 = (1n << 64n) - 1n;

/** 64-bit FNV-1a as two 32-bit halves (BigInt arithmetic per byte would be slow). */
function hash64(feature: string): [number, number] {
  let low = 0x811c9dc5;
  let high = 0xcbf29ce4;
  for (let index = 0; index < feature.length; index += 1) {
    const code = feature.charCodeAt(index);
    low = Math.imul(low ^ code, 0x01000193) >>> 0;
    high = Math.imul(high ^ (code + 0x9e37), 0x01000193) >>> 0;
    high = (high ^ (low >>> 15)) >>> 0;
  }
  // Final avalanche so neighbouring features spread over all bits.
  low = Math.imul(low ^ (low >>> 16), 0x85ebca6b) >>> 0;
  low = Math.imul(low ^ (low >>> 13), 0xc2b2ae35) >>> 0;
  high = Math.imul(high ^ (high >>> 16), 0x85ebca6b) >>> 0;
  high = Math.imul(high ^ (high >>> 13), 0xc2b2ae35) >>> 0;
  return [(low ^ (low >>> 16)) >>> 0, (high ^ (high >>> 16)) >>> 0];
}

/** Shingles: words and word pairs for spaced scripts, character 3-grams for CJK text. */
export function shingles(text: string): string[] {
  const { units } = tokenise(normaliseChars(text));
  const features: string[] = [];
  let previous: string | null = null;
  for (const unit of units) {
    if (unit.kind === 'latin') {
      // Symbols at a word's edge are punctuation here ("now!!!"), not letters.
      let from = 0;
      let to = unit.chars.length;
      while (from < to && LEET_SYMBOLS.has(unit.chars[from]!)) from += 1;
      while (to > from && LEET_SYMBOLS.has(unit.chars[to - 1]!)) to -= 1;
      if (from === to) continue;
      const word = wordVariants({ chars: unit.chars.slice(from, to), upper: unit.upper.slice(from, to), altered: unit.altered.slice(from, to) }, 1)[0]!
        .skeleton;
      features.push(`w:${word}`);
      if (previous !== null) features.push(`b:${previous} ${word}`);
      previous = word;
      continue;
    }
    previous = null;
    const { chars } = unit;
    if (chars.length < 3) features.push(`c:${chars.join('')}`);
    for (let index = 0; index + 3 <= chars.length; index += 1) features.push(`c:${chars[index]}${chars[index + 1]}${chars[index + 2]}`);
  }
  return features;
}

export function simhash64(text: string): bigint {
  return simhashOf(shingles(text));
}

function simhashOf(features: readonly string[]): bigint {
  const weights = new Array<number>(64).fill(0);
  for (const feature of features) {
    const [low, high] = hash64(feature);
    for (let bit = 0; bit < 32; bit += 1) {
      weights[bit]! += (low >>> bit) & 1 ? 1 : -1;
      weights[bit + 32]! += (high >>> bit) & 1 ? 1 : -1;
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit += 1) {
    if (weights[bit]! > 0) low |= 1 << bit;
    if (weights[bit + 32]! > 0) high |= 1 << bit;
  }
  return ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) & MASK_64;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let diff = (a ^ b) & MASK_64;
  let count = 0;
  while (diff !== 0n) {
    diff &= diff - 1n;
    count += 1;
  }
  return count;
}

/** Near-duplicate texts by the constants above. */
export function isNearDuplicateText(a: string, b: string): boolean {
  const first = shingles(a);
  const second = shingles(b);
  if (first.length < NEAR_DUPLICATE_MIN_SHINGLES || second.length < NEAR_DUPLICATE_MIN_SHINGLES) {
    return first.length > 0 && first.join('\n') === second.join('\n');
  }
  return hammingDistance(simhashOf(first), simhashOf(second)) <= NEAR_DUPLICATE_MAX_DISTANCE;
}
