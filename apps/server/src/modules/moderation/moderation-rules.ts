// The fixed rules of the trust-and-safety loop: what people may report, how
// urgent each kind of report is, which actions exist and what they cost the
// account, how long an appeal stays open.

export const REPORT_EXTRA_CATEGORIES = ['illegal', 'other'] as const;

/** Review urgency per category (0–100): harm to people first, nuisance last. */
const SEVERITY: Record<string, number> = {
  'self-harm': 95,
  sexual: 85,
  hate: 75,
  'graphic-violence': 75,
  harassment: 65,
  illegal: 60,
  nudity: 50,
  misinformation: 45,
  'medical-claims': 40,
  gambling: 30,
  'ip-infringement': 30,
  'political-ad': 20,
  spam: 20,
  other: 10,
};
/** Held items wait for a person: in the middle of the queue. */
export const HELD_SEVERITY = 50;

export function severityOf(category: string): number {
  return SEVERITY[category] ?? 35;
}

export const ACTIONS = ['label', 'limit', 'restrict', 'remove', 'warn', 'suspend', 'ban', 'approve', 'dismiss'] as const;
export type ActionName = (typeof ACTIONS)[number];

/** Actions that find a violation: they resolve reports as "action taken" and the person gets a statement. */
export const ENFORCING_ACTIONS: ReadonlySet<string> = new Set(['label', 'limit', 'restrict', 'remove', 'warn', 'suspend', 'ban', 'hold']);
/** Actions that count a strike against the account. */
export const STRIKING_ACTIONS: ReadonlySet<string> = new Set(['remove', 'warn', 'suspend', 'ban']);

export const STRIKE_DAYS = 90;
export const APPEAL_DAYS = 30;
export const MAX_SUSPENSION_HOURS = 24 * 365;

/** The rules an action may cite: one per label of the vocabulary, the operator's labels, and the general ones. */
export function policyRules(labels: readonly string[]): string[] {
  return [
    ...labels.map((label) => `community-guidelines/${label}`),
    'community-guidelines/impersonation',
    'community-guidelines/minors',
    'terms/fake-accounts',
    'law/local',
  ];
}
