import { sql } from 'kysely';
import type { ModerationPolicy } from '../../config/moderation-policy.js';
import type { Db } from '../../db/database.js';
import { badRequest } from '../../lib/errors.js';

// The public transparency report: per rulebook and month, the reports received
// by category, the actions taken by type and by source (automated or human),
// the median time from a report to its decision, appeals and reversals; and
// the month's statements of reasons with the field names of the EU DSA
// Transparency Database. No personal data: ids of items, never of people.

export interface RulebookFigures {
  rulebook: string;
  reports: Record<string, number>;
  actions: Record<string, { automated: number; human: number }>;
  medianHoursToDecision: number | null;
  appeals: number;
  reversals: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function monthRange(month: string | undefined, now: Date): { month: string; from: Date; to: Date } {
  const value = month ?? now.toISOString().slice(0, 7);
  const match = MONTH.exec(value);
  if (!match) throw badRequest('month_invalid', 'A month is written YYYY-MM, e.g. 2026-12.');
  const from = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  const to = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
  return { month: value, from, to };
}

/** DSA Transparency Database categories for our labels (STATEMENT_CATEGORY_*). */
const DSA_CATEGORY: Record<string, string> = {
  spam: 'STATEMENT_CATEGORY_SCAMS_AND_FRAUD',
  nudity: 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  sexual: 'STATEMENT_CATEGORY_PORNOGRAPHY_OR_SEXUALIZED_CONTENT',
  'graphic-violence': 'STATEMENT_CATEGORY_VIOLENCE',
  gambling: 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
  hate: 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH',
  harassment: 'STATEMENT_CATEGORY_CYBER_VIOLENCE',
  'self-harm': 'STATEMENT_CATEGORY_SELF_HARM',
  misinformation: 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'political-ad': 'STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS',
  'medical-claims': 'STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY',
  'ip-infringement': 'STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS',
};

const VISIBILITY: Record<string, string> = {
  label: 'DECISION_VISIBILITY_CONTENT_LABELLED',
  limit: 'DECISION_VISIBILITY_CONTENT_DEMOTED',
  restrict: 'DECISION_VISIBILITY_CONTENT_DISABLED',
  remove: 'DECISION_VISIBILITY_CONTENT_REMOVED',
  hold: 'DECISION_VISIBILITY_OTHER',
};

export class TransparencyService {
  constructor(
    private readonly db: Db,
    private readonly policy: ModerationPolicy,
  ) {}

  async figures(month: string | undefined, now: Date) {
    const range = monthRange(month, now);
    const names = Object.keys(this.policy.rulebooks);
    const empty = (): RulebookFigures => ({ rulebook: '', reports: {}, actions: {}, medianHoursToDecision: null, appeals: 0, reversals: 0 });
    const byBook = new Map(names.map((name) => [name, { ...empty(), rulebook: name }]));
    const books = sql.val(names);
    const [reports, actions, medians, appeals] = await Promise.all([
      sql<{ rulebook: string; category: string; n: number }>`
        select rulebook, category, count(*)::int as n from reports
        where created_at >= ${range.from} and created_at < ${range.to} group by 1, 2`.execute(this.db),
      // An action scoped to no rulebook applies in every one.
      sql<{ rulebook: string; action: string; automated: boolean; n: number }>`
        select b.rulebook, a.action, a.automated, count(*)::int as n
        from moderation_actions a cross join lateral unnest(coalesce(a.rulebooks, ${books}::text[])) as b(rulebook)
        where a.created_at >= ${range.from} and a.created_at < ${range.to} and a.action not in ('reverse', 'appeal_rejected')
        group by 1, 2, 3`.execute(this.db),
      sql<{ rulebook: string; hours: number | null }>`
        select rulebook, percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at) / 3600) as hours
        from reports where resolved_at >= ${range.from} and resolved_at < ${range.to} group by 1`.execute(this.db),
      sql<{ rulebook: string; appeals: number; reversals: number }>`
        select b.rulebook, count(*)::int as appeals, count(*) filter (where p.status = 'upheld')::int as reversals
        from appeals p join statements s on s.id = p.statement_id join moderation_actions a on a.id = s.action_id
        cross join lateral unnest(coalesce(a.rulebooks, ${books}::text[])) as b(rulebook)
        where p.created_at >= ${range.from} and p.created_at < ${range.to}
        group by 1`.execute(this.db),
    ]);
    for (const row of reports.rows) {
      const figures = byBook.get(row.rulebook);
      if (figures) figures.reports[row.category] = row.n;
    }
    for (const row of actions.rows) {
      const figures = byBook.get(row.rulebook);
      if (!figures) continue;
      const cell = figures.actions[row.action] ?? { automated: 0, human: 0 };
      figures.actions[row.action] = cell;
      cell[row.automated ? 'automated' : 'human'] += row.n;
    }
    for (const row of medians.rows) {
      const figures = byBook.get(row.rulebook);
      if (figures && row.hours !== null) figures.medianHoursToDecision = Math.round(Number(row.hours) * 100) / 100;
    }
    for (const row of appeals.rows) {
      const figures = byBook.get(row.rulebook);
      if (figures) Object.assign(figures, { appeals: row.appeals, reversals: row.reversals });
    }
    return { month: range.month, rulebooks: [...byBook.values()] };
  }

  /** The month's statements of reasons as DSA Transparency Database submissions. */
  async statements(month: string | undefined, now: Date) {
    const range = monthRange(month, now);
    const { rows } = await sql<{
      id: string;
      created_at: Date;
      facts: string;
      automated_detection: boolean;
      territorial_scope: string[] | null;
      action: string;
      label: string | null;
      rule: string;
      automated: boolean;
      subject_type: string;
      subject_id: string;
      duration_hours: number | null;
      case_kind: string | null;
      content_date: Date | null;
      content_language: string | null;
      content_kind: string | null;
      category: string | null;
    }>`
      select s.id, s.created_at, s.facts, s.automated_detection, s.territorial_scope, a.action, a.label, a.rule, a.automated,
        a.subject_type, a.subject_id, a.duration_hours, c.kind as case_kind,
        coalesce(n.created_at, cm.created_at) as content_date, coalesce(n.language, cm.language) as content_language, n.kind as content_kind,
        (select r.category from reports r where r.case_id = a.case_id group by r.category order by count(*) desc limit 1) as category
      from statements s join moderation_actions a on a.id = s.action_id
      left join moderation_cases c on c.id = a.case_id
      left join notes n on a.subject_type = 'note' and n.id = a.subject_id
      left join comments cm on a.subject_type = 'comment' and cm.id = a.subject_id
      where s.created_at >= ${range.from} and s.created_at < ${range.to}
      order by s.id`.execute(this.db);
    return {
      month: range.month,
      statements: rows.map((row) => {
        const label = row.label && row.label !== 'restricted' ? row.label : (row.category ?? 'other');
        const illegal = row.rule.startsWith('law/') || row.category === 'illegal';
        const account = row.action === 'suspend' ? 'DECISION_ACCOUNT_SUSPENDED' : row.action === 'ban' ? 'DECISION_ACCOUNT_TERMINATED' : null;
        return {
          puid: `qiao-statement-${row.id}`,
          decision_visibility: VISIBILITY[row.action] ? [VISIBILITY[row.action]] : [],
          decision_account: account,
          decision_ground: illegal ? 'DECISION_GROUND_ILLEGAL_CONTENT' : 'DECISION_GROUND_INCOMPATIBLE_CONTENT',
          illegal_content_legal_ground: illegal ? row.rule : null,
          illegal_content_explanation: illegal ? row.facts : null,
          incompatible_content_ground: illegal ? null : row.rule,
          incompatible_content_explanation: illegal ? null : row.facts,
          category: DSA_CATEGORY[label] ?? 'STATEMENT_CATEGORY_SCOPE_OF_PLATFORM_SERVICE',
          content_type: [row.subject_type === 'user' ? 'CONTENT_TYPE_OTHER' : row.content_kind === 'video' ? 'CONTENT_TYPE_VIDEO' : 'CONTENT_TYPE_TEXT'],
          content_language: row.content_language?.toUpperCase() ?? null,
          content_date: row.content_date ? new Date(row.content_date).toISOString().slice(0, 10) : null,
          territorial_scope: row.territorial_scope ?? [],
          application_date: new Date(row.created_at).toISOString().slice(0, 10),
          end_date_account_restriction:
            row.action === 'suspend' && row.duration_hours
              ? new Date(new Date(row.created_at).getTime() + row.duration_hours * 3_600_000).toISOString().slice(0, 10)
              : null,
          decision_facts: row.facts,
          source_type: row.case_kind === 'reports' ? 'SOURCE_ARTICLE_16' : 'SOURCE_VOLUNTARY',
          automated_detection: row.automated_detection ? 'Yes' : 'No',
          automated_decision: row.automated ? 'AUTOMATED_DECISION_FULLY' : 'AUTOMATED_DECISION_NOT_AUTOMATED',
        };
      }),
    };
  }
}
