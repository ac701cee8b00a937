import { AhoCorasick } from './aho-corasick.js';
import { primaryReading, termVariant, type Variant } from './leet.js';
import { normaliseChars } from './normalise-chars.js';
import { TermRulesError, type TermRule } from './term-rules.js';
import { tokenise, type LatinUnit, type Unit } from './tokenise.js';
import { needsWordBoundaries } from './word-boundaries.js';

// Rules are normalised once, the way text is, and indexed so that screening a
// text costs one hash lookup per word reading plus one automaton pass over its
// CJK text, whatever the number of rules.

export type TermToken = { kind: 'latin'; variant: Variant; reading: string } | { kind: 'cjk'; chars: string[]; text: string };

export interface CompiledTerm {
  rule: TermRule;
  tokens: TermToken[];
  /** Length of a one- or two-character Chinese/Japanese term, which must respect word boundaries. */
  shortCjk?: number;
}

export interface CompiledTermRules {
  readonly rules: readonly TermRule[];
  /** Terms whose first token is a word, by that word's skeleton. */
  readonly byFirstWord: Map<string, CompiledTerm[]>;
  /** Phrases of words written as one ("freefollowers"), by the joined skeleton. */
  readonly byJoinedPhrase: Map<string, { term: CompiledTerm; variant: Variant }[]>;
  /** One-word terms by reading length, for masked words ("f**k"). */
  readonly byLength: Map<number, CompiledTerm[]>;
  /** Terms whose first token is CJK text: automaton pattern id -> terms. */
  readonly cjk: AhoCorasick;
  readonly cjkTerms: CompiledTerm[][];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function latinToken(unit: LatinUnit): TermToken {
  return { kind: 'latin', variant: termVariant(unit), reading: primaryReading(unit) };
}

export function compileTermRules(rules: readonly TermRule[]): CompiledTermRules {
  const byFirstWord = new Map<string, CompiledTerm[]>();
  const byJoinedPhrase = new Map<string, { term: CompiledTerm; variant: Variant }[]>();
  const byLength = new Map<number, CompiledTerm[]>();
  const cjk = new AhoCorasick();
  const cjkPatterns = new Map<string, number>();
  const cjkTerms: CompiledTerm[][] = [];

  for (const rule of rules) {
    const { units } = tokenise(normaliseChars(rule.term), { term: true });
    if (units.length === 0) throw new TermRulesError(rule.line, `term "${rule.term}" has no letters, digits or CJK text`);
    const tokens = units.map((unit): TermToken => (unit.kind === 'latin' ? latinToken(unit) : { kind: 'cjk', chars: unit.chars, text: unit.chars.join('') }));
    register({ rule, tokens }, units);
    // "팔로워 구매" is also written "팔로워구매": CJK parts parted by a space match either way.
    const merged = mergeCjk(tokens);
    if (merged.length !== tokens.length) register({ rule, tokens: merged }, []);
  }
  return { rules, byFirstWord, byJoinedPhrase, byLength, cjk, cjkTerms };

  function register(term: CompiledTerm, units: readonly Unit[]) {
    const { tokens } = term;
    const first = tokens[0]!;
    if (first.kind === 'latin') {
      push(byFirstWord, first.variant.skeleton, term);
      if (tokens.length === 1 && first.variant.runs) push(byLength, first.reading.length, term);
    } else {
      let id = cjkPatterns.get(first.text);
      if (id === undefined) {
        id = cjk.add(first.chars);
        cjkPatterns.set(first.text, id);
        cjkTerms[id] = [];
      }
      if (tokens.length === 1 && needsWordBoundaries(first.chars)) term.shortCjk = first.chars.length;
      cjkTerms[id]!.push(term);
    }
    if (tokens.length > 1 && tokens.every((token) => token.kind === 'latin') && units.length === tokens.length) {
      const latin = units as LatinUnit[];
      const whole = termVariant({
        chars: latin.flatMap((unit) => unit.chars),
        upper: latin.flatMap((unit) => unit.upper),
        altered: latin.flatMap((unit) => unit.altered),
      });
      push(byJoinedPhrase, whole.skeleton, { term, variant: whole });
    }
  }
}

function mergeCjk(tokens: readonly TermToken[]): TermToken[] {
  const out: TermToken[] = [];
  for (const token of tokens) {
    const previous = out[out.length - 1];
    if (token.kind === 'cjk' && previous?.kind === 'cjk') {
      out[out.length - 1] = { kind: 'cjk', chars: [...previous.chars, ...token.chars], text: previous.text + token.text };
    } else out.push(token);
  }
  return out;
}
