import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { formatDate } from '../../lib/format-date';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { AppealSection } from './AppealSection';
import { StatementDetails } from './StatementDetails';
import { useStatement } from './statements-queries';
import '../settings/settings.css';
import './safety.css';

/** /me/safety/statements/:id — one decision about me, why, and my appeal. */
export function StatementPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const { id = '' } = useParams();
  const statement = useStatement(id);
  useDocumentTitle(t('statement.title'));

  let body;
  if (statement.isPending) body = <Skeleton height={320} radius={16} />;
  else if (isApiError(statement.error, 'statement_not_found')) body = <EmptyState title={t('statement.notFoundTitle')} body={t('statement.notFoundBody')} />;
  else if (statement.isError) body = <QueryError error={statement.error} onRetry={() => void statement.refetch()} />;
  else {
    body = (
      <>
        <section className="settings__section" aria-labelledby="statement-heading">
          <h2 id="statement-heading" className="settings__heading">
            {t('statement.heading')}
          </h2>
          <p className="muted">{t('statement.intro', { date: formatDate(statement.data.createdAt, locale) })}</p>
          <StatementDetails statement={statement.data} />
        </section>
        <AppealSection statement={statement.data} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('statement.title')} back backTo="/me/safety?tab=decisions" />
      <div className="settings statement-page">{body}</div>
    </>
  );
}
