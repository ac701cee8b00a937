import type { SubjectType } from '../reports/report-types';
import type { ActionInput, ActionName, QueueKind } from './moderation-types';

/** What a moderator fills in before deciding a case (every field a string, as forms hold them). */
export interface ActionDraft {
  action: ActionName | '';
  label: string;
  rulebooks: string[];
  rule: string;
  reason: string;
  /** Hours, for suspend. */
  durationHours: string;
}

export type DraftField = 'action' | 'label' | 'rulebooks' | 'rule' | 'reason' | 'durationHours';

export const REASON_MAX = 2000;
export const MAX_SUSPENSION_HOURS = 24 * 365;
/** Suspension lengths offered, in hours: a day, three, a week, a month, three months, a year. */
export const SUSPENSION_PRESETS = [24, 72, 168, 720, 2160, 8760] as const;

/** The actions that make sense for this item: reach is a note's, removal not an account's, approval a held item's. */
export function actionsFor(subjectType: SubjectType, kind: QueueKind): ActionName[] {
  const all: ActionName[] = ['label', 'limit', 'restrict', 'remove', 'warn', 'suspend', 'ban', 'approve', 'dismiss'];
  return all.filter((action) => {
    if (action === 'limit') return subjectType === 'note';
    if (action === 'remove') return subjectType !== 'user';
    if (action === 'approve') return kind === 'held';
    return true;
  });
}

/** Which fields an action asks for: a label to add, rulebooks (required to restrict, a scope for a label), a length. */
export function fieldsFor(action: ActionName | ''): { label: boolean; rulebooks: 'required' | 'optional' | null; duration: boolean } {
  return {
    label: action === 'label',
    // Only labels and restrictions are applied per rulebook; other actions act everywhere.
    rulebooks: action === 'restrict' ? 'required' : action === 'label' ? 'optional' : null,
    duration: action === 'suspend',
  };
}

/**
 * The policy rule to start from: the label being added, else the most reported
 * category, when the policy has a rule for it; the moderator can change it.
 */
export function suggestedRule(rules: readonly string[], label: string, categories: Record<string, number>): string {
  const top = Object.entries(categories).sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const candidate of [label, top]) {
    if (!candidate) continue;
    if (candidate === 'illegal' && rules.includes('law/local')) return 'law/local';
    const rule = `community-guidelines/${candidate}`;
    if (rules.includes(rule)) return rule;
  }
  return '';
}

/** Checks a draft and turns it into the request body, or says which fields need a second look. */
export function buildAction(draft: ActionDraft): { input: ActionInput; errors: null } | { input: null; errors: Partial<Record<DraftField, true>> } {
  const errors: Partial<Record<DraftField, true>> = {};
  const fields = fieldsFor(draft.action);
  const reason = draft.reason.trim();
  const hours = Number(draft.durationHours);
  if (!draft.action) errors.action = true;
  if (fields.label && !draft.label) errors.label = true;
  if (fields.rulebooks === 'required' && draft.rulebooks.length === 0) errors.rulebooks = true;
  if (!draft.rule) errors.rule = true;
  if (!reason || [...reason].length > REASON_MAX) errors.reason = true;
  if (fields.duration && !(Number.isInteger(hours) && hours >= 1 && hours <= MAX_SUSPENSION_HOURS)) errors.durationHours = true;
  if (Object.keys(errors).length > 0 || !draft.action) return { input: null, errors };
  const input: ActionInput = { action: draft.action, rule: draft.rule, reason };
  if (fields.label) input.label = draft.label;
  // Everywhere is said by leaving rulebooks out (the contract's "absent or null").
  if (fields.rulebooks && draft.rulebooks.length > 0) input.rulebooks = [...draft.rulebooks];
  if (fields.duration) input.durationHours = hours;
  return { input, errors: null };
}

/** Suspension length in the largest whole unit: 72 → { days: 3 }, 5 → { hours: 5 }. */
export function durationParts(hours: number): { unit: 'hours' | 'days'; count: number } {
  return hours % 24 === 0 ? { unit: 'days', count: hours / 24 } : { unit: 'hours', count: hours };
}
