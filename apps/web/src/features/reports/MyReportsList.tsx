import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { countryName } from '../../lib/countries';
import { formatDate } from '../../lib/format-date';
import { Badge, type BadgeTone } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { LoadMoreFooter } from '../../ui/LoadMoreFooter';
import { QueryError } from '../../ui/QueryError';
import { Skeleton } from '../../ui/Skeleton';
import { labelTitle } from '../moderation/label-names';
import type { Report, ReportStatus } from './report-types';
import { useMyReports } from './reports-queries';

const STATUS_TONE: Record<ReportStatus, BadgeTone> = { received: 'info', action_taken: 'success', no_violation: 'neutral' };

/** "My reports": each with what it was about, why, when, and what became of it. */
export function MyReportsList() {
  const { t } = useTranslation();
  const reports = useMyReports();
  if (reports.isPending) return <ListSkeleton />;
  if (reports.isError) return <QueryError error={reports.error} onRetry={() => void reports.refetch()} />;
  const items = reports.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <EmptyState title={t('safety.reportsEmptyTitle')} body={t('safety.reportsEmptyBody')} />;
  return (
    <>
      <p className="muted safety__intro">{t('safety.reportsIntro')}</p>
      <ul className="safety__list" data-testid="my-reports">
        {items.map((report) => (
          <ReportRow key={report.id} report={report} />
        ))}
      </ul>
      <LoadMoreFooter pager={reports} className="grid-footer" />
    </>
  );
}

function ReportRow({ report }: { report: Report }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const category =
    report.category === 'illegal'
      ? t('safety.illegalIn', { country: countryName(report.country ?? '', locale) })
      : report.category === 'other'
        ? t('report.category.other')
        : labelTitle(t, report.category, locale);
  const what = t(`safety.subject.${report.subject.type}`);
  return (
    <li className="safety__item" data-testid="my-report" data-subject-id={report.subject.id} data-status={report.status}>
      <div className="safety__item-head">
        {report.subject.type === 'note' ? (
          <Link to={`/notes/${report.subject.id}`} className="safety__item-title">
            {what}
          </Link>
        ) : (
          <span className="safety__item-title">{what}</span>
        )}
        <Badge tone={STATUS_TONE[report.status]} testId="report-status">
          {t(`safety.status.${report.status}`)}
        </Badge>
      </div>
      <p className="safety__item-line">{category}</p>
      {report.details ? <p className="muted safety__item-details">{report.details}</p> : null}
      <p className="muted safety__item-meta">
        {t('safety.reportedOn', { date: formatDate(report.createdAt, locale) })}
        {report.resolvedAt ? ` · ${t('safety.resolvedOn', { date: formatDate(report.resolvedAt, locale) })}` : null}
      </p>
    </li>
  );
}

export function ListSkeleton() {
  return (
    <div className="safety__list">
      {[0, 1, 2].map((i) => (
        <Skeleton key={i} height={88} radius={12} />
      ))}
    </div>
  );
}
