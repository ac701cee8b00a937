import { isLabelName, isRuleAction, type RuleAction } from './labels.js';

// The MODERATION_TERMS_FILE format: one rule a line,
//   term<TAB>label<TAB>action[<TAB>regions]
// `#` lines and blank lines are ignored. Operators edit this by hand, so every
// mistake is reported with its line number instead of being guessed around.

export interface TermRule {
  /** The term as written (a word, a phrase, or CJK text). */
  term: string;
  label: string;
  action: RuleAction;
  /** Rulebook names the rule is limited to; empty means every rulebook. */
  regions: string[];
  /** 1-based line in the source file, for messages. */
  line: number;
}

/** Rulebook names: short lowercase identifiers such as `us`, `eu`, `cn-mainland`. */
export const REGION_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export class TermRulesError extends Error {
  constructor(
    readonly line: number,
    detail: string,
  ) {
    super(`line ${line}: ${detail}`);
    this.name = 'TermRulesError';
  }
}

function parseLine(raw: string, line: number): TermRule | null {
  const text = raw.replace(/\r$/, '');
  if (text.trim() === '' || text.trimStart().startsWith('#')) return null;
  const fields = text.split('\t');
  if (fields.length < 3) {
    throw new TermRulesError(
      line,
      `expected term<TAB>label<TAB>action[<TAB>regions], found ${fields.length} field${fields.length === 1 ? '' : 's'} (fields are separated by tabs)`,
    );
  }
  if (fields.length > 4) throw new TermRulesError(line, `too many fields (${fields.length}); at most 4: term, label, action, regions`);
  const [termField, labelField, actionField, regionField = ''] = fields as [string, string, string, string?];
  const term = termField.trim();
  if (term === '') throw new TermRulesError(line, 'empty term');
  const label = labelField.trim();
  if (!isLabelName(label)) {
    throw new TermRulesError(line, `bad label "${label}" (lowercase letters, digits and dashes, 2 to 40 characters, starting with a letter)`);
  }
  const action = actionField.trim();
  if (!isRuleAction(action)) throw new TermRulesError(line, `unknown action "${action}" (label, hold or reject)`);
  const regions: string[] = [];
  for (const part of regionField.split(',')) {
    const region = part.trim();
    if (region === '') continue;
    if (!REGION_PATTERN.test(region)) {
      throw new TermRulesError(line, `bad region "${region}" (lowercase letters, digits, dashes or underscores, up to 40 characters)`);
    }
    if (!regions.includes(region)) regions.push(region);
  }
  return { term, label, action, regions, line };
}

/** Parses a whole terms file; throws TermRulesError on the first bad line. */
export function parseTermRules(source: string): TermRule[] {
  const rules: TermRule[] = [];
  const lines = source.replace(/^\uFEFF/, '').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const rule = parseLine(lines[index]!, index + 1);
    if (rule) rules.push(rule);
  }
  return rules;
}
