import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../lib/format-date';
import type { Statement } from './report-types';
import { decisionText, ruleText, scopeText } from './statement-format';
import './statement.css';

/**
 * A statement of reasons with every field the EU DSA (Article 17) asks for, in words:
 * what was decided about what, where, on which facts and rule, whether a machine
 * detected or decided it, until when, and how and until when to appeal.
 */
export function StatementDetails({ statement, linkSubject = true }: { statement: Statement; linkSubject?: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const yesNo = (value: boolean) => (value ? t('statement.yes') : t('statement.no'));
  const subjectName = t(`safety.subject.${statement.subject.type}`);
  const until = statement.suspendedUntil
    ? formatDateTime(statement.suspendedUntil, locale)
    : statement.decision === 'warn'
      ? t('statement.untilWarn')
      : t('statement.untilReversed');
  const subject: ReactNode =
    linkSubject && statement.subject.type === 'note' ? (
      <Link to={`/notes/${statement.subject.id}`}>{statement.subject.title || subjectName}</Link>
    ) : statement.subject.title ? (
      `${subjectName}: ${statement.subject.title}`
    ) : (
      subjectName
    );
  const rows: [string, ReactNode, string][] = [
    ['decision', decisionText(t, statement.decision, statement.label, locale), 'statement-decision'],
    ['subject', subject, 'statement-subject'],
    ['scope', scopeText(t, statement, locale), 'statement-scope'],
    ['facts', statement.facts, 'statement-facts'],
    ['rule', ruleText(t, statement.rule, locale), 'statement-rule'],
    ['automatedDetection', yesNo(statement.automatedDetection), 'statement-automated-detection'],
    ['automatedDecision', yesNo(statement.automatedDecision), 'statement-automated-decision'],
    ['until', until, 'statement-until'],
    ['redress', t('statement.redressText'), 'statement-redress'],
    ['deadline', formatDate(statement.appealDeadline, locale), 'statement-deadline'],
  ];
  return (
    <dl className="statement" data-testid="statement-details">
      {rows.map(([key, value, testId]) => (
        <div key={key} className="statement__row">
          <dt className="statement__term">{t(`statement.field.${key}`)}</dt>
          <dd className="statement__value" data-testid={testId}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
