import type { TFunction } from 'i18next';
import { countryName } from '../../lib/countries';
import { joinNames, labelTitle } from '../moderation/label-names';
import { rulebookNames } from '../moderation/rulebook-names';
import type { Statement } from './report-types';

const DECISIONS: ReadonlySet<string> = new Set(['label', 'limit', 'restrict', 'remove', 'warn', 'suspend', 'ban', 'hold']);

/** "Label added: Gambling", "Removed", "Account suspended": what was decided, in a few words. */
export function decisionText(t: TFunction, decision: string, label: string | null, locale: string): string {
  if (!DECISIONS.has(decision)) return decision;
  if (decision === 'label' && label) return t('statement.decision.labelWith', { label: labelTitle(t, label, locale) });
  return t(`statement.decision.${decision}`);
}

const RULE_SPECIAL: ReadonlySet<string> = new Set(['community-guidelines/impersonation', 'community-guidelines/minors', 'terms/fake-accounts', 'law/local']);

/**
 * A policy rule in words: "community-guidelines/gambling" is "Community guidelines: gambling";
 * the few general rules have names of their own; anything else shows as it is.
 */
export function ruleText(t: TFunction, rule: string, locale: string): string {
  if (RULE_SPECIAL.has(rule)) return t(`statement.rule.${rule.replace('/', '_')}`);
  const match = /^community-guidelines\/(.+)$/.exec(rule);
  if (match?.[1]) return t('statement.rule.guidelines', { label: labelTitle(t, match[1], locale) });
  return rule;
}

/** Where the decision applies: everywhere, or the rulebooks and the countries they cover. */
export function scopeText(t: TFunction, statement: Pick<Statement, 'rulebooks' | 'territorialScope'>, locale: string): string {
  if (!statement.rulebooks?.length) return t('statement.everywhere');
  const books = joinNames(rulebookNames(t, statement.rulebooks, locale), locale);
  const countries = statement.territorialScope ?? [];
  if (countries.length === 0) return books;
  return t('statement.scopeWithCountries', {
    rulebooks: books,
    countries: joinNames(
      countries.map((code) => countryName(code, locale)),
      locale,
    ),
  });
}

export type AppealState =
  | { kind: 'reversed' }
  | { kind: 'appealed'; status: 'open' | 'upheld' | 'rejected' }
  | { kind: 'can-appeal'; daysLeft: number }
  | { kind: 'window-closed' };

/** Whether the person may still appeal, and if not why (now is a parameter, for tests). */
export function appealState(statement: Pick<Statement, 'reversed' | 'appeal' | 'appealDeadline'>, now: Date): AppealState {
  if (statement.appeal) return { kind: 'appealed', status: statement.appeal.status };
  if (statement.reversed) return { kind: 'reversed' };
  const left = Date.parse(statement.appealDeadline) - now.getTime();
  if (!(left > 0)) return { kind: 'window-closed' };
  return { kind: 'can-appeal', daysLeft: Math.max(1, Math.ceil(left / 86_400_000)) };
}

/** The status badge of a decision in the list: in force, under appeal, reversed, upheld. */
export function statementBadge(statement: Pick<Statement, 'reversed' | 'appeal'>): 'reversed' | 'appealOpen' | 'appealRejected' | 'inForce' {
  if (statement.reversed || statement.appeal?.status === 'upheld') return 'reversed';
  if (statement.appeal?.status === 'open') return 'appealOpen';
  if (statement.appeal?.status === 'rejected') return 'appealRejected';
  return 'inForce';
}
