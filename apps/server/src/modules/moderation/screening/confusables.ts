import { createRequire } from 'node:module';

// Look-alike letters (Cyrillic а, Greek ο, Cherokee Ꭺ, math and small-capital
// forms) folded to the Latin letter they imitate, using Unicode's confusables.txt
// as packaged by `unhomoglyph` (data.json: one code point -> its skeleton).
// The table's skeletons are meant for comparing strings, not for reading, so we
// only take an entry when it lands on plain ASCII letters or digits; ASCII itself
// and CJK scripts are never remapped (the table folds m -> rn, 1 -> l, 一 -> ー).

const require = createRequire(import.meta.url);
const TABLE = require('unhomoglyph/data.json') as Record<string, string>;

const GENERIC_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
const ASCII_ALNUM = /^[a-z0-9]+$/;
const NEVER_REMAP =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3000-\u303f\u30fc]/u;

function asciiSkeleton(char: string): string | undefined {
  const target = TABLE[char];
  if (target === undefined) return undefined;
  // Some skeletons carry an overlay mark (ø -> o + U+0338); the base letter is what a reader sees.
  const folded = target.normalize('NFD').replace(GENERIC_MARKS, '').toLowerCase();
  return ASCII_ALNUM.test(folded) ? folded : undefined;
}

// Some skeletons are small capitals (Cyrillic т -> ᴛ, в -> ʙ). Which Latin letter
// each one stands for follows from the same table: the capital of the letter that
// maps to it has an ASCII skeleton (Т -> T), so ᴛ reads as t.
const SMALL_CAPITALS = new Map<string, string>();
for (const [from, to] of Object.entries(TABLE)) {
  if ([...to].length !== 1 || ASCII_ALNUM.test(to.toLowerCase())) continue;
  const capital = asciiSkeleton(from.toUpperCase());
  if (capital && capital.length === 1 && /[a-z]/.test(capital) && !SMALL_CAPITALS.has(to)) SMALL_CAPITALS.set(to, capital);
}

const cache = new Map<string, string>();

/**
 * The Latin skeleton of one lower-cased code point, or the code point itself.
 * When the lower-case form's skeleton is not ASCII (Cyrillic т -> small capital ᴛ),
 * the capital's skeleton is used (Т -> T -> t).
 */
export function latinSkeleton(char: string): string {
  if (char.charCodeAt(0) < 0x80 && char.length === 1) return char;
  const cached = cache.get(char);
  if (cached !== undefined) return cached;
  let result = char;
  if (!NEVER_REMAP.test(char)) {
    result = asciiSkeleton(char) ?? asciiSkeleton(char.toUpperCase()) ?? SMALL_CAPITALS.get(TABLE[char] ?? char) ?? char;
  }
  cache.set(char, result);
  return result;
}
