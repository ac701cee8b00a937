import { simplifiedChinese } from './chinese-variants.js';
import { latinSkeleton } from './confusables.js';
import { composeJamo, JAMO_SYLLABLE } from './hangul-jamo.js';

// Character-level normalisation, the first half of defeating evasions: each
// user-perceived character of the original (a base with its combining marks, or
// a Hangul jamo sequence) becomes zero or more plain characters, and remembers
// where it came from so a match can quote the original text.
//
//   NFKC (full-width, math alphabets, circled letters, ligatures, half-width kana)
//   -> drop invisibles (zero-width, bidi controls, fillers, tags)
//   -> case folding (ß -> ss, final sigma)
//   -> strip generic combining diacritics (é -> e, Zalgo), keeping ñ as a letter
//   -> Latin skeleton of look-alikes (Cyrillic/Greek/Cherokee... via confusables.txt)
//   -> traditional Chinese -> simplified, katakana -> hiragana.

export interface NormalisedText {
  /** Normalised code points. */
  chars: string[];
  /** The original UTF-16 range [starts[i], ends[i]) each normalised char came from. */
  starts: number[];
  ends: number[];
  /** Whether the original character was a capital (I written for l needs it). */
  upper: boolean[];
  /** Whether normalisation changed the character beyond lower-casing (a sign of disguise). */
  altered: boolean[];
}

// Half-width (semi-)voiced sound marks ﾞﾟ are spacing letters that NFKC turns into
// combining marks, so they belong to the kana before them (ｶﾞ -> ガ).
// Compatibility jamo spelling one syllable (ㄷㅗ) are one character too.
const CLUSTER = new RegExp(
  `${JAMO_SYLLABLE}|[\\u1100-\\u115f\\ua960-\\ua97c][\\u1160-\\u11a7\\ud7b0-\\ud7c6]*[\\u11a8-\\u11ff\\ud7cb-\\ud7fb]*\\p{M}*|\\P{M}[\\p{M}\\uff9e\\uff9f]*|[\\p{M}\\uff9e\\uff9f]+`,
  'gsu',
);
// Format characters (zero-width space/joiners, bidi controls, soft hyphen, tags),
// fillers that render as nothing, and control characters other than whitespace.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each invisible code point is removed on its own
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u17b4\u17b5\u3164\uffa0\ufe00-\ufe0f\u{e0100}-\u{e01ef}]|[^\P{Cc}\t\n\v\f\r]/gu;
const GENERIC_MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/gu;
// On these scripts every combining mark is decoration (Zalgo uses Cyrillic ones too);
// elsewhere (Devanagari vowel signs, kana voicing marks) marks are spelling.
const DECORATED_BASE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Armenian}\p{Script=Common}]/u;
const ALL_MARKS = /\p{M}/gu;
// Letter blocks laid out A to Z that NFKC leaves alone: negative circled 🅐,
// negative squared 🅰 and regional indicators 🇦 (emoji "fancy text").
const LETTER_BLOCKS = [0x1f150, 0x1f170, 0x1f1e6];
function blockLetter(code: number): string | undefined {
  for (const first of LETTER_BLOCKS) {
    if (code >= first && code < first + 26) return String.fromCharCode(0x61 + code - first);
  }
  return undefined;
}
// Private-use characters have no agreed look; they separate words like symbols.
const PRIVATE_USE = /\p{Co}/u;
const KATAKANA_FIRST = 0x30a1;
const KATAKANA_LAST = 0x30f6;

const clusterCache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 50_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the whole ASCII range, controls included, is the point
const ASCII = /^[\x00-\x7f]*$/;

function normaliseCluster(cluster: string): readonly string[] {
  let text = cluster.normalize('NFKC').replace(INVISIBLE, '');
  if (text === '') return [];
  const letter = blockLetter(cluster.codePointAt(0)!);
  if (letter) return [letter];
  if (cluster.length > 1 && cluster.charCodeAt(0) >= 0x3131 && cluster.charCodeAt(0) <= 0x314e) {
    const syllable = composeJamo(cluster);
    if (syllable) return [syllable];
  }
  // A look-alike that NFKC folds to another non-Latin letter (lunate sigma ϲ -> ς)
  // is judged by its own shape first.
  if (cluster.codePointAt(0)! > 0x7f && [...cluster].length === 1 && !ASCII.test(text.toUpperCase().toLowerCase())) {
    const latin = latinSkeleton(cluster.toLowerCase());
    if (latin !== cluster.toLowerCase()) return [...latin];
  }
  if (text === '\u2800') return [' '];
  text = text.toUpperCase().toLowerCase();
  // ñ is its own letter in Spanish (año is not ano); other diacritics are decoration.
  if (text.normalize('NFC') !== 'ñ') {
    const decomposed = text.normalize('NFD');
    text = decomposed.replace(DECORATED_BASE.test(decomposed) ? ALL_MARKS : GENERIC_MARKS, '').normalize('NFC');
  }
  const out: string[] = [];
  for (const char of text) {
    if (PRIVATE_USE.test(char)) {
      out.push('\u00b7');
      continue;
    }
    const code = char.codePointAt(0)!;
    if (code >= KATAKANA_FIRST && code <= KATAKANA_LAST) {
      out.push(String.fromCodePoint(code - 0x60));
      continue;
    }
    const latin = latinSkeleton(char);
    if (latin !== char) {
      for (const letter of latin) out.push(letter);
      continue;
    }
    out.push(simplifiedChinese(char));
  }
  return out;
}

function cachedCluster(cluster: string): readonly string[] {
  let result = clusterCache.get(cluster);
  if (result === undefined) {
    result = normaliseCluster(cluster);
    if (clusterCache.size >= CACHE_LIMIT) clusterCache.clear();
    clusterCache.set(cluster, result);
  }
  return result;
}

export function normaliseChars(text: string): NormalisedText {
  const chars: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const upper: boolean[] = [];
  const altered: boolean[] = [];
  for (const match of text.matchAll(CLUSTER)) {
    const cluster = match[0];
    const start = match.index;
    const end = start + cluster.length;
    const code = cluster.charCodeAt(0);
    // Fast path: printable ASCII needs only lower-casing.
    if (cluster.length === 1 && code >= 0x20 && code < 0x7f) {
      const isUpper = code >= 0x41 && code <= 0x5a;
      chars.push(isUpper ? String.fromCharCode(code + 32) : cluster);
      starts.push(start);
      ends.push(end);
      upper.push(isUpper);
      altered.push(false);
      continue;
    }
    const lower = cluster.toLowerCase();
    const isUpper = cluster !== lower;
    const normalised = cachedCluster(cluster);
    const changed = normalised.join('') !== lower;
    for (const char of normalised) {
      chars.push(char);
      starts.push(start);
      ends.push(end);
      upper.push(isUpper);
      altered.push(changed);
    }
  }
  return { chars, starts, ends, upper, altered };
}
