import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../lib/format-date';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { QueryError } from '../../ui/QueryError';
import { ListSkeleton } from './MyReportsList';
import { decisionText, statementBadge } from './statement-format';
import { useMyStatements } from './statements-queries';

const BADGE_TONE: Record<ReturnType<typeof statementBadge>, BadgeTone> = {
  inForce: 'danger',
  appealOpen: 'info',
  appealRejected: 'neutral',
  reversed: 'success',
};

/** "Decisions about me": each statement of reasons, opening to its details and the appeal. */
export function StatementsList() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const statements = useMyStatements();
  if (statements.isPending) return <ListSkeleton />;
  if (statements.isError) return <QueryError error={statements.error} onRetry={() => void statements.refetch()} />;
  const items = statements.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title={t('safety.decisionsEmptyTitle')} body={t('safety.decisionsEmptyBody')} />;
  return (
    <>
      <p className="muted safety__intro">{t('safety.decisionsIntro')}</p>
      <ul className="safety__list" data-testid="my-statements">
        {items.map((statement) => {
          const badge = statementBadge(statement);
          return (
            <li key={statement.id} className="safety__item" data-testid="my-statement">
              <div className="safety__item-head">
                <Link to={`/me/safety/statements/${statement.id}`} className="safety__item-title" data-testid="statement-link">
                  {decisionText(t, statement.decision, statement.label, locale)}
                </Link>
                <Badge tone={BADGE_TONE[badge]}>{t(`statement.badge.${badge}`)}</Badge>
              </div>
              <p className="safety__item-line">
                {t(`safety.subject.${statement.subject.type}`)}
                {statement.subject.title ? `: ${statement.subject.title}` : ''}
              </p>
              <p className="muted safety__item-meta">{formatDate(statement.createdAt, locale)}</p>
            </li>
          );
        })}
      </ul>
      <LoadMoreFooter pager={statements} className="grid-footer" />
    </>
  );
}
