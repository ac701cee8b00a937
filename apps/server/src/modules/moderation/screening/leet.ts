// Word-level normalisation: leetspeak, symbols standing in for letters, and
// letters repeated for emphasis. A word becomes one or more variants, each a
// skeleton (repeated letters collapsed) with the run lengths it collapsed, so
// "fuuuuck" meets "fuck" while "as" never meets "ass".

export interface Variant {
  /** The word with each run of one letter written once: "ass" -> "as". */
  skeleton: string;
  /** How long each run was ("ass" -> [1, 2]); null for words with no letter, matched exactly. */
  runs: number[] | null;
}

/** Characters that stand in for letters inside a word; the first choice is the usual reading. */
const LEET = new Map<string, readonly string[]>([
  ['0', ['o']],
  ['1', ['i', 'l']],
  ['3', ['e']],
  ['4', ['a']],
  ['5', ['s']],
  ['7', ['t']],
  ['8', ['b']],
  ['9', ['g']],
  ['@', ['a']],
  ['$', ['s']],
  ['!', ['i', 'l']],
  ['|', ['i', 'l']],
  ['+', ['t']],
  ['€', ['e']],
  ['¢', ['c']],
  ['§', ['s']],
  ['¡', ['i']],
]);

/** Symbols (not digits) that read as letters when they touch a word. */
export const LEET_SYMBOLS: ReadonlySet<string> = new Set([...LEET.keys()].filter((key) => !/[0-9]/.test(key)));

const LETTER = /[\p{L}\p{M}]/u;
const letterCache = new Map<string, boolean>();
export function isLetter(char: string): boolean {
  let result = letterCache.get(char);
  if (result === undefined) {
    result = LETTER.test(char);
    letterCache.set(char, result);
  }
  return result;
}

/** Runs of three or more are emphasis; a run of two is spelling (ass, free, kill). */
export const ELONGATION = 3;
const MAX_VARIANTS = 32;

function collapse(text: string): Variant {
  let skeleton = '';
  const runs: number[] = [];
  let last = '';
  for (const char of text) {
    if (char === last) runs[runs.length - 1]! += 1;
    else {
      skeleton += char;
      runs.push(1);
      last = char;
    }
  }
  return { skeleton, runs };
}

/** Every combination of the slots' options, the all-first-choices one first, at most `limit`. */
function combine(slots: readonly (readonly string[])[], limit: number): string[] {
  let out = [''];
  for (const options of slots) {
    const next = out.map((prefix) => prefix + options[0]!);
    for (let choice = 1; choice < options.length; choice += 1) {
      for (const prefix of out) {
        if (next.length >= limit) break;
        next.push(prefix + options[choice]!);
      }
    }
    out = next;
  }
  return out;
}

export interface WordChars {
  chars: readonly string[];
  upper: readonly boolean[];
  altered: readonly boolean[];
}

interface Reading {
  chars: readonly string[];
  upper: readonly boolean[];
  first: number;
  last: number;
  mixedCase: boolean;
  mostlyUpper: boolean;
  disguised: boolean;
}

function readChar(word: Reading, index: number): readonly string[] {
  const char = word.chars[index]!;
  const leet = LEET.get(char);
  if (leet) {
    // A symbol inside a word may be filler rather than a letter ("fu+ck").
    return index > word.first && index < word.last && LEET_SYMBOLS.has(char) ? [...leet, ''] : leet;
  }
  // "kiII": a capital I among lower-case letters is as likely an l; in "KILL" or "Idiot" it is an I.
  if (char === 'i' && word.mixedCase && word.upper[index] && index > word.first) return ['i', 'l'];
  if (char === 'l' && word.mostlyUpper && !word.upper[index]) return ['l', 'i'];
  // v for u is the oldest trick in the book ("fvck"); no plain word turns into a term by it.
  if (char === 'v') return ['v', 'u'];
  // ñ stays ñ (año is not ano) unless the word is disguised anyway ("ÇÁSÍÑO").
  if (char === 'ñ' && word.disguised) return ['ñ', 'n'];
  return [char];
}

function readEdge(word: Reading, from: number, to: number): string[] {
  if (from === to) return [''];
  const slots: (readonly string[])[] = [];
  for (let index = from; index < to; index += 1) slots.push(readChar(word, index));
  return [...combine(slots, 4), ''];
}

/**
 * Readings of one word, the usual one first. Digits and symbols are read as letters
 * only in a word that has letters ("h3ll0", "$ex"; "100" stays a number). Digits and
 * symbols at the edges may also be punctuation or a suffix ("hell!", "covid19"), so
 * they are tried both read and dropped.
 */
export function wordVariants(word: WordChars, limit = MAX_VARIANTS): Variant[] {
  const { chars, upper, altered } = word;
  let first = -1;
  let last = -1;
  let upperLetters = 0;
  let lowerLetters = 0;
  let plain = true;
  let hasIl = false;
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index]!;
    if (!isLetter(char)) {
      plain = false;
      continue;
    }
    if (first < 0) first = index;
    last = index;
    if (upper[index]) upperLetters += 1;
    else lowerLetters += 1;
    if (char === 'v' || char === 'ñ') plain = false;
    else if (char === 'i' || char === 'l') hasIl = true;
  }
  if (first < 0) return [{ skeleton: chars.join(''), runs: null }];
  const mixedCase = upperLetters > 0 && lowerLetters > 0;
  if (hasIl && mixedCase) plain = false;
  // Most words are plain letters with one reading: skip the combinatorics.
  if (plain) return [collapse(chars.join(''))];
  const reading: Reading = {
    chars,
    upper,
    first,
    last,
    mixedCase,
    mostlyUpper: mixedCase && upperLetters > lowerLetters,
    disguised: altered.includes(true),
  };
  const slots: (readonly string[])[] = [readEdge(reading, 0, first)];
  for (let index = first; index <= last; index += 1) slots.push(readChar(reading, index));
  slots.push(readEdge(reading, last + 1, chars.length));
  const seen = new Set<string>();
  const variants: Variant[] = [];
  for (const text of combine(slots, limit)) {
    const variant = collapse(text);
    const key = `${variant.skeleton}\u0000${variant.runs!.join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    variants.push(variant);
  }
  return variants;
}

/** A term's word: its usual reading; a run of three or more ("xxx") asks for at least three. */
export function termVariant(word: WordChars): Variant {
  const variant = wordVariants(word, 1)[0]!;
  if (variant.runs) variant.runs = variant.runs.map((run) => Math.min(run, ELONGATION));
  return variant;
}

/** The usual reading of a word before collapsing, for wildcard comparison. */
export function primaryReading(word: WordChars): string {
  return word.chars.map((char) => (isLetter(char) ? char : (LEET.get(char)?.[0] ?? char))).join('');
}

/** A text word's variant meets a term word's when the skeletons are equal (checked by the caller) and every run is as long, or is emphasis. */
export function runsMatch(text: Variant, term: Variant): boolean {
  if (text.runs === null || term.runs === null) return text.runs === term.runs;
  for (let index = 0; index < term.runs.length; index += 1) {
    const textRun = text.runs[index]!;
    const termRun = term.runs[index]!;
    if (textRun !== termRun && textRun < ELONGATION) return false;
  }
  return true;
}
