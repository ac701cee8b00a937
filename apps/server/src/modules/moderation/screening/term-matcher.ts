import type { CompiledTerm, CompiledTermRules, TermToken } from './compile-rules.js';
import { runsMatch, type Variant } from './leet.js';
import type { Alternative, TokenStream } from './tokenise.js';

// Finds every term in a token stream. Words match whole words (never inside
// another word: "ass" is not in "classic"), phrases match consecutive words, and
// CJK terms match anywhere inside CJK text. A phrase may mix words and CJK text
// ("AV女优"): a CJK part then has to end, fill, or begin the text around it.

export interface TermHit {
  term: CompiledTerm;
  /** Original UTF-16 range of the matched text. */
  start: number;
  end: number;
  /** Length of a short CJK term, whose hit must also respect word boundaries (word-boundaries.ts). */
  shortCjk?: number;
}

function variantMatches(variants: readonly Variant[], token: TermToken): boolean {
  if (token.kind !== 'latin') return false;
  for (const variant of variants) {
    if (variant.skeleton === token.variant.skeleton && runsMatch(variant, token.variant)) return true;
  }
  return false;
}

function wildcardMatches(pattern: string, reading: string): boolean {
  if (pattern.length !== reading.length) return false;
  for (let index = 0; index < pattern.length; index += 1) {
    if (pattern[index] !== '?' && pattern[index] !== reading[index]) return false;
  }
  return true;
}

/** Whether a phrase may go on after the unit before `end` (not across "free. Followers"). */
function runsOn(stream: TokenStream, end: number): boolean {
  const unit = stream.units[end - 1];
  return !(unit?.kind === 'latin' && unit.stop);
}

/** Index of the unit after the phrase when tokens[k..] match from unit `at`, else -1. */
function matchRest(stream: TokenStream, tokens: readonly TermToken[], k: number, at: number): number {
  if (k === tokens.length) return at;
  if (k > 0 && !runsOn(stream, at)) return -1;
  const unit = stream.units[at];
  if (!unit) return -1;
  const token = tokens[k]!;
  if (token.kind === 'cjk') {
    if (unit.kind !== 'cjk') return -1;
    const text = unit.chars.join('');
    if (k === tokens.length - 1) return text.startsWith(token.text) ? at + 1 : -1;
    return text === token.text ? matchRest(stream, tokens, k + 1, at + 1) : -1;
  }
  if (unit.kind !== 'latin') return -1;
  for (const alternative of stream.alternatives[at]!) {
    if (!alternative.wildcard && variantMatches(alternative.variants, token)) {
      const end = matchRest(stream, tokens, k + 1, alternative.end);
      if (end >= 0) return end;
    }
  }
  return -1;
}

function spanOf(stream: TokenStream, from: number, to: number): { start: number; end: number } {
  const first = stream.units[from]!;
  const last = stream.units[to - 1]!;
  return {
    start: first.kind === 'latin' ? first.start : first.starts[0]!,
    end: last.kind === 'latin' ? last.end : last.ends[last.ends.length - 1]!,
  };
}

function wordHits(stream: TokenStream, compiled: CompiledTermRules, at: number, alternative: Alternative, hits: TermHit[]) {
  if (alternative.wildcard !== undefined) {
    for (const term of compiled.byLength.get(alternative.wildcard.length) ?? []) {
      const token = term.tokens[0]!;
      if (token.kind === 'latin' && wildcardMatches(alternative.wildcard, token.reading)) hits.push({ term, ...spanOf(stream, at, alternative.end) });
    }
    return;
  }
  for (const variant of alternative.variants) {
    for (const term of compiled.byFirstWord.get(variant.skeleton) ?? []) {
      const first = term.tokens[0]!;
      if (first.kind !== 'latin' || !runsMatch(variant, first.variant)) continue;
      const end = matchRest(stream, term.tokens, 1, alternative.end);
      if (end >= 0) hits.push({ term, ...spanOf(stream, at, end) });
    }
    for (const { term, variant: whole } of compiled.byJoinedPhrase.get(variant.skeleton) ?? []) {
      if (runsMatch(variant, whole)) hits.push({ term, ...spanOf(stream, at, alternative.end) });
    }
    pluralHits(stream, compiled, at, alternative, variant, hits);
  }
}

// Plurals of one-word terms ("casinos", "bitches", "apuestas"). Only -s/-es, and only
// for terms of four letters or more: "sexes" is not sex talk, and -er/-ing would
// turn "butt" into "butter".
const PLURALS = ['s', 'es'];
const MIN_PLURAL_TERM = 4;

function pluralHits(stream: TokenStream, compiled: CompiledTermRules, at: number, alternative: Alternative, variant: Variant, hits: TermHit[]) {
  if (!variant.runs) return;
  for (const suffix of PLURALS) {
    if (variant.skeleton.length < MIN_PLURAL_TERM - 1 + suffix.length || !variant.skeleton.endsWith(suffix)) continue;
    const base: Variant = { skeleton: variant.skeleton.slice(0, -suffix.length), runs: variant.runs.slice(0, -suffix.length) };
    for (const term of compiled.byFirstWord.get(base.skeleton) ?? []) {
      const first = term.tokens[0]!;
      if (term.tokens.length !== 1 || first.kind !== 'latin' || first.reading.length < MIN_PLURAL_TERM) continue;
      if (runsMatch(base, first.variant)) hits.push({ term, ...spanOf(stream, at, alternative.end) });
    }
  }
}

const HANGUL = /\p{Script=Hangul}/u;

// Korean compounds are written with or without a space (조건만남, 조건 만남). A term
// may run on from one word into the next when it takes the first word whole:
// "전도 박람회" has 도박 across the space but does not start a word with it.
function hangulCompoundHits(stream: TokenStream, compiled: CompiledTermRules, at: number, hits: TermHit[]) {
  const first = stream.units[at];
  const second = stream.units[at + 1];
  if (first?.kind !== 'cjk' || second?.kind !== 'cjk' || first.chars.length < 2) return;
  if (!HANGUL.test(first.chars[first.chars.length - 1]!) || !HANGUL.test(second.chars[0]!)) return;
  const joined = [...first.chars, ...second.chars];
  for (const occurrence of compiled.cjk.search(joined)) {
    if (occurrence.start !== 0 || occurrence.end <= first.chars.length) continue;
    for (const term of compiled.cjkTerms[occurrence.pattern]!) {
      if (term.tokens.length === 1) hits.push({ term, start: first.starts[0]!, end: second.ends[occurrence.end - first.chars.length - 1]! });
    }
  }
}

export function findTerms(stream: TokenStream, compiled: CompiledTermRules): TermHit[] {
  const hits: TermHit[] = [];
  for (let at = 0; at < stream.units.length; at += 1) {
    const unit = stream.units[at]!;
    if (unit.kind === 'latin') {
      for (const alternative of stream.alternatives[at]!) wordHits(stream, compiled, at, alternative, hits);
      continue;
    }
    for (const occurrence of compiled.cjk.search(unit.chars)) {
      for (const term of compiled.cjkTerms[occurrence.pattern]!) {
        const span = { start: unit.starts[occurrence.start]!, end: unit.ends[occurrence.end - 1]! };
        if (term.tokens.length === 1) hits.push({ term, ...span, shortCjk: term.shortCjk });
        else if (occurrence.end === unit.chars.length) {
          const end = matchRest(stream, term.tokens, 1, at + 1);
          if (end >= 0) hits.push({ term, start: span.start, end: spanOf(stream, at, end).end });
        }
      }
    }
    hangulCompoundHits(stream, compiled, at, hits);
  }
  return hits;
}
