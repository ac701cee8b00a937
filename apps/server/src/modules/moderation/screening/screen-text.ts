import { compileTermRules, type CompiledTermRules } from './compile-rules.js';
import { mostSevere, type RuleAction, type ScreeningAction } from './labels.js';
import { normaliseChars } from './normalise-chars.js';
import { findTerms } from './term-matcher.js';
import type { TermRule } from './term-rules.js';
import { tokenise } from './tokenise.js';
import { WordBoundaryCheck } from './word-boundaries.js';

// The one screening entry point: the server's moderation pipeline and the
// moderation:screen CLI both call this, so an operator's offline run of a terms
// file says exactly what the server would do.

export interface ScreeningMatch {
  term: string;
  label: string;
  action: RuleAction;
  regions: string[];
  /** The original text around the first place the term was found. */
  excerpt?: string;
}

export interface ScreeningResult {
  /** Distinct labels of the matched rules, in order of first match. */
  labels: string[];
  /** The most severe action of the matched rules (reject > hold > label), or allow. */
  action: ScreeningAction;
  matched: ScreeningMatch[];
}

export interface ScreenOptions {
  /** Only rules for this rulebook (and rules for every rulebook) apply; without it, every rule applies. */
  rulebook?: string;
}

const EXCERPT_CONTEXT = 24;

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_CONTEXT);
  const to = Math.min(text.length, end + EXCERPT_CONTEXT);
  // Do not cut a surrogate pair in half.
  const safeFrom = from > 0 && /[\udc00-\udfff]/.test(text[from]!) ? from - 1 : from;
  const safeTo = to < text.length && /[\udc00-\udfff]/.test(text[to]!) ? to + 1 : to;
  const body = text.slice(safeFrom, safeTo).replace(/\s+/g, ' ').trim();
  return `${safeFrom > 0 ? '…' : ''}${body}${safeTo < text.length ? '…' : ''}`;
}

const compiledLists = new WeakMap<readonly TermRule[], CompiledTermRules>();

function compiledFrom(rules: CompiledTermRules | readonly TermRule[]): CompiledTermRules {
  if (!Array.isArray(rules)) return rules as CompiledTermRules;
  const list = rules as readonly TermRule[];
  let compiled = compiledLists.get(list);
  if (!compiled) {
    compiled = compileTermRules(list);
    compiledLists.set(list, compiled);
  }
  return compiled;
}

/**
 * Screens one text against term rules. Pass compiled rules (compileTermRules)
 * on hot paths; a plain rule list is compiled once and remembered.
 */
export function screenText(text: string, rules: CompiledTermRules | readonly TermRule[], options: ScreenOptions = {}): ScreeningResult {
  const compiled = compiledFrom(rules);
  const { rulebook } = options;
  const seen = new Set<TermRule>();
  const matched: ScreeningMatch[] = [];
  const labels: string[] = [];
  let action: ScreeningAction = 'allow';
  const hits = findTerms(tokenise(normaliseChars(text)), compiled).sort((a, b) => a.start - b.start);
  const words = new WordBoundaryCheck(text);
  for (const { term, start, end, shortCjk } of hits) {
    const { rule } = term;
    if (seen.has(rule)) continue;
    if (shortCjk !== undefined && !words.accepts(start, end, shortCjk)) continue;
    if (rulebook !== undefined && rule.regions.length > 0 && !rule.regions.includes(rulebook)) continue;
    seen.add(rule);
    matched.push({ term: rule.term, label: rule.label, action: rule.action, regions: [...rule.regions], excerpt: excerpt(text, start, end) });
    if (!labels.includes(rule.label)) labels.push(rule.label);
    action = mostSevere(action, rule.action);
  }
  return { labels, action, matched };
}
