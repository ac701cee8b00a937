import { LABEL_PATTERN } from '../../../config/moderation-policy.js';

// The labels a moderation rule can put on content, and the actions it can ask for.
// The vocabulary is the shared language between term rules, reviewers and the
// visibility decision; operators may add their own labels in the same shape.

// The vocabulary itself is the policy's (config/moderation-policy.ts LABEL_VOCABULARY).

/** Operator-defined labels: lowercase kebab names, 2 to 40 characters. */
export function isLabelName(name: string): boolean {
  return LABEL_PATTERN.test(name);
}

/** What a matched rule asks for, mildest first. */
export const RULE_ACTIONS = ['label', 'hold', 'reject'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** The screening outcome: a rule's action, or `allow` when nothing matched. */
export type ScreeningAction = 'allow' | RuleAction;

const SEVERITY: Record<ScreeningAction, number> = { allow: 0, label: 1, hold: 2, reject: 3 };

export function isRuleAction(value: string): value is RuleAction {
  return (RULE_ACTIONS as readonly string[]).includes(value);
}

/** reject > hold > label > allow. */
export function mostSevere(a: ScreeningAction, b: ScreeningAction): ScreeningAction {
  return SEVERITY[b] > SEVERITY[a] ? b : a;
}
