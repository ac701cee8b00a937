import { LEET_SYMBOLS, isLetter, primaryReading, wordVariants, type Variant, type WordChars } from './leet.js';
import type { NormalisedText } from './normalise-chars.js';

// Normalised characters -> a stream of units: Latin-like words (any space-delimited
// script) and runs of CJK-like text (scripts written without spaces, matched by
// substring). Each word also gets alternatives: the same word read differently
// (leet, emphasis) and spans joined across the separators evaders put between
// letters ("f.u.c.k", "f u c k", "ca-si-no", "c@sino", "f**k").

export interface LatinUnit extends WordChars {
  kind: 'latin';
  chars: string[];
  upper: boolean[];
  altered: boolean[];
  /** Original UTF-16 range. */
  start: number;
  end: number;
  /** One letter (or digit/symbol), possibly with edge symbols: a candidate for joining. */
  single: boolean;
  /** Words between the same spaces, not parted by CJK text, share a group. */
  group: number;
  /** A clause ends after it ("free, followers", "free. Followers"): a phrase does not run on. */
  stop?: boolean;
}

export interface CjkUnit {
  kind: 'cjk';
  chars: string[];
  starts: number[];
  ends: number[];
  /** Length of the last stretch written without a space, for the joining rule. */
  tailLength: number;
}

export type Unit = LatinUnit | CjkUnit;

export interface Alternative {
  /** Index of the unit after the span. */
  end: number;
  variants: Variant[];
  /** A masked word ("f**k") as its reading with `?` for each masked letter. */
  wildcard?: string;
}

export interface TokenStream {
  units: Unit[];
  /** Alternatives starting at each unit (none for CJK units). */
  alternatives: Alternative[][];
}

enum Kind {
  Space,
  Cjk,
  Word,
  Mask,
  Separator,
}

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u30fc\u3005-\u3007]/u;
const HANGUL = /\p{Script=Hangul}/u;
const SPACE = /\s/u;
const NUMBER = /\p{N}/u;
const kindCache = new Map<string, Kind>();

function kindOf(char: string): Kind {
  let kind = kindCache.get(char);
  if (kind !== undefined) return kind;
  if (SPACE.test(char)) kind = Kind.Space;
  else if (CJK.test(char)) kind = Kind.Cjk;
  else if (isLetter(char) || NUMBER.test(char) || LEET_SYMBOLS.has(char)) kind = Kind.Word;
  else if (char === '*') kind = Kind.Mask;
  else kind = Kind.Separator;
  kindCache.set(char, kind);
  return kind;
}

/** Whether symbols from `index` on lead into a letter or digit, so they may be part of a word ("$ex", "@ss"). */
function startsWord(chars: readonly string[], index: number): boolean {
  for (let at = index; at < chars.length; at += 1) {
    const char = chars[at]!;
    const kind = kindOf(char);
    if (kind === Kind.Mask || LEET_SYMBOLS.has(char)) continue;
    return kind === Kind.Word;
  }
  return false;
}

enum Stop {
  None,
  Sentence,
  Clause,
}
const SENTENCE_STOPS = new Set([...'.!?…。！？']);
const CLAUSE_STOPS = new Set([...';:,；：，、']);

/** Longest spans tried when joining single letters, and words within one group. */
const MAX_SINGLE_SPAN = 24;
const MAX_GROUP_SPAN = 8;

export interface TokeniseOptions {
  /** Terms are written plainly: no alternatives, no splitting at symbols or masks. */
  term?: boolean;
}

export function tokenise(text: NormalisedText, options: TokeniseOptions = {}): TokenStream {
  const forTerm = options.term === true;
  const units: Unit[] = [];
  const wildcards: { from: number; to: number; pattern: string }[] = [];
  let group = 0;
  // Whether the previous space-delimited chunk ended with CJK text (for joining across a space).
  let previousEndedCjk = false;
  let chunkHasItems = false;
  let chunkStart = 0;
  let stop = Stop.None;
  // A full stop ends a sentence only if a Sentence-case word follows ("free. Followers",
  // not "go. back. to. your. country").
  let sentenceEnd: LatinUnit | null = null;
  const noteStop = (char: string) => {
    if (CLAUSE_STOPS.has(char)) stop = Stop.Clause;
    else if (SENTENCE_STOPS.has(char) && stop === Stop.None) stop = Stop.Sentence;
  };
  let piece: number[] = [];
  let segment: number[] = [];

  const pushWord = (indices: number[]) => {
    const chars = indices.map((i) => text.chars[i]!);
    if (sentenceEnd) {
      const sentenceCase = text.upper[indices[0]!] && indices.length > 1 && !text.upper[indices[1]!];
      if (!sentenceCase) sentenceEnd.stop = false;
      sentenceEnd = null;
    }
    let core = chars.length;
    let lead = 0;
    while (lead < chars.length && LEET_SYMBOLS.has(chars[lead]!)) lead += 1;
    while (core > lead && LEET_SYMBOLS.has(chars[core - 1]!)) core -= 1;
    units.push({
      kind: 'latin',
      chars,
      upper: indices.map((i) => text.upper[i]!),
      altered: indices.map((i) => text.altered[i]!),
      start: text.starts[indices[0]!]!,
      end: text.ends[indices[indices.length - 1]!]!,
      single: chars.length === 1 || core - lead === 1,
      group,
    });
  };

  // A word split where a symbol sits inside it ("c@sino" -> "c@" + "sino"), so the
  // parts are words too ("info@casino"); the whole comes back as a joined span.
  const pushPiece = (indices: number[]) => {
    if (forTerm) return pushWord(indices);
    const chars = indices.map((i) => text.chars[i]!);
    if (!chars.some(isLetter)) return pushWord(indices);
    let from = 0;
    for (let index = 1; index < chars.length; index += 1) {
      const cut =
        LEET_SYMBOLS.has(chars[index - 1]!) && !LEET_SYMBOLS.has(chars[index]!) && from < index && chars.slice(from, index).some((c) => !LEET_SYMBOLS.has(c));
      if (cut) {
        pushWord(indices.slice(from, index));
        from = index;
      }
    }
    pushWord(indices.slice(from));
  };

  const flushPiece = () => {
    if (piece.length === 0) return;
    let from = 0;
    let to = piece.length;
    while (from < to && kindOf(text.chars[piece[from]!]!) === Kind.Mask) from += 1;
    while (to > from && kindOf(text.chars[piece[to - 1]!]!) === Kind.Mask) to -= 1;
    const core = piece.slice(from, to);
    piece = [];
    if (core.length === 0) return;
    const parts: number[][] = [[]];
    for (const index of core) {
      if (kindOf(text.chars[index]!) === Kind.Mask) {
        if (parts[parts.length - 1]!.length > 0) parts.push([]);
      } else parts[parts.length - 1]!.push(index);
    }
    const firstUnit = units.length;
    for (const part of parts) if (part.length > 0) pushPiece(part);
    if (parts.length > 1 && !forTerm) {
      const reading = primaryReading({ chars: core.map((i) => text.chars[i]!), upper: [], altered: [] }).replaceAll('*', '?');
      const known = [...reading].filter((c) => c !== '?' && isLetter(c)).length;
      const masked = reading.length - reading.replaceAll('?', '').length;
      if (known >= 2 && known >= masked) wildcards.push({ from: firstUnit, to: units.length, pattern: reading });
    }
    chunkHasItems = true;
    previousEndedCjk = false;
  };

  const flushSegment = () => {
    if (segment.length === 0) return;
    const chars = segment.map((i) => text.chars[i]!);
    const previous = units[units.length - 1];
    const joinAcrossSpace =
      !chunkHasItems &&
      previousEndedCjk &&
      previous?.kind === 'cjk' &&
      (HANGUL.test(previous.chars[previous.chars.length - 1]!) && HANGUL.test(chars[0]!)
        ? previous.tailLength === 1 && chars.length === 1 // Korean puts spaces between words
        : previous.tailLength === 1 || chars.length === 1);
    if (joinAcrossSpace && previous?.kind === 'cjk') {
      previous.chars.push(...chars);
      previous.starts.push(...segment.map((i) => text.starts[i]!));
      previous.ends.push(...segment.map((i) => text.ends[i]!));
      previous.tailLength = chars.length;
    } else {
      units.push({ kind: 'cjk', chars, starts: segment.map((i) => text.starts[i]!), ends: segment.map((i) => text.ends[i]!), tailLength: chars.length });
    }
    segment = [];
    group += 1;
    chunkHasItems = true;
    previousEndedCjk = true;
  };

  const endChunk = () => {
    flushPiece();
    flushSegment();
    const last = units[units.length - 1];
    if (last?.kind === 'latin' && units.length > chunkStart) {
      if (last.chars[last.chars.length - 1] === '!' && stop === Stop.None) stop = Stop.Sentence;
      if (stop !== Stop.None) last.stop = true;
      if (stop === Stop.Sentence) sentenceEnd = last;
    }
    if (chunkHasItems) group += 1;
    chunkHasItems = false;
    stop = Stop.None;
    chunkStart = units.length;
  };

  for (let index = 0; index < text.chars.length; index += 1) {
    const kind = kindOf(text.chars[index]!);
    if (kind === Kind.Space) endChunk();
    else if (kind === Kind.Cjk) {
      flushPiece();
      segment.push(index);
    } else if (kind === Kind.Word || kind === Kind.Mask) {
      if (piece.length === 0 && !startsWord(text.chars, index)) {
        noteStop(text.chars[index]!);
        continue; // "赌*博", "!!!": punctuation
      }
      flushSegment();
      if (piece.length === 0) stop = Stop.None;
      piece.push(index);
    } else {
      flushPiece();
      noteStop(text.chars[index]!);
    }
  }
  endChunk();

  const alternatives: Alternative[][] = units.map(() => []);
  if (!forTerm) addAlternatives(units, alternatives, wildcards);
  return { units, alternatives };
}

function joined(units: Unit[], from: number, to: number): WordChars {
  const chars: string[] = [];
  const upper: boolean[] = [];
  const altered: boolean[] = [];
  for (let index = from; index < to; index += 1) {
    const unit = units[index] as LatinUnit;
    chars.push(...unit.chars);
    upper.push(...unit.upper);
    altered.push(...unit.altered);
  }
  return { chars, upper, altered };
}

const SHORT_FRAGMENT = 4;
const MIN_COMPOUND_PART = 4;
const MIN_COMPOUND = 8;
const isShortFragment = (unit: LatinUnit) => unit.chars.length <= SHORT_FRAGMENT;
const isVowelless = (unit: LatinUnit) => unit.chars.every((char) => char >= 'a' && char <= 'z' && !'aeiouy'.includes(char));

function addAlternatives(units: Unit[], alternatives: Alternative[][], wildcards: { from: number; to: number; pattern: string }[]) {
  const spans = new Set<string>();
  const add = (from: number, to: number) => {
    const key = `${from}:${to}`;
    if (spans.has(key)) return;
    spans.add(key);
    alternatives[from]!.push({ end: to, variants: wordVariants(joined(units, from, to)) });
  };
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index]!;
    if (unit.kind !== 'latin') continue;
    add(index, index + 1);
    // Single letters are joined only with other single letters, so "f u c k" is
    // one word but "a classic" never becomes "aclassic".
    if (unit.single) {
      for (let to = index + 1; to < units.length && to - index < MAX_SINGLE_SPAN; to += 1) {
        const next = units[to]!;
        if (next.kind !== 'latin' || !next.single) break;
        add(index, to + 1);
      }
    }
    // A short fragment without a vowel cannot be a word of its own ("fu ck", "sh it",
    // "as s"), so it is joined with its neighbour across a space; "an al" stays apart.
    const next = unit.stop ? undefined : units[index + 1];
    if (next?.kind === 'latin' && isShortFragment(unit) && isShortFragment(next) && (isVowelless(unit) || isVowelless(next))) add(index, index + 2);
    // A compound written as two words ("only fans", "bull shit"): both parts of four
    // letters or more, so short words ("pen is", "hero in", "top less") stay apart.
    if (
      next?.kind === 'latin' &&
      unit.chars.length >= MIN_COMPOUND_PART &&
      next.chars.length >= MIN_COMPOUND_PART &&
      unit.chars.length + next.chars.length >= MIN_COMPOUND
    ) {
      add(index, index + 2);
    }
    // Parts of one space-delimited chunk ("ca-si-no", "fu.ck", "info@casino").
    for (let to = index + 1; to < units.length && to - index < MAX_GROUP_SPAN; to += 1) {
      const next = units[to]!;
      if (next.kind !== 'latin' || next.group !== unit.group) break;
      add(index, to + 1);
    }
  }
  for (const { from, to, pattern } of wildcards) {
    alternatives[from]!.push({ end: to, variants: [], wildcard: pattern });
  }
}
