import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { useDocumentTitle } from '../../lib/use-document-title';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SelectField } from '../../ui/SelectField';
import { Skeleton } from '../../ui/Skeleton';
import { labelTitle } from '../moderation/label-names';
import { rulebookName } from '../moderation/rulebook-names';
import { monthLabel, monthOf, recentMonths, totals } from './months';
import { type RulebookFigures, statementsDownloadUrl, useTransparency } from './transparency-queries';
import '../settings/settings.css';
import './transparency.css';

/** /transparency — public: how this Qiao moderates, month by month and rulebook by rulebook. */
export function TransparencyPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const [params, setParams] = useSearchParams();
  const months = recentMonths(new Date());
  const month = params.get('month') ?? monthOf(new Date());
  const report = useTransparency(month);
  useDocumentTitle(t('transparency.title'));

  let body;
  if (report.isPending) body = <Skeleton height={200} radius={16} />;
  else if (report.isError) body = <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  else if (report.data.rulebooks.length === 0) body = <EmptyState title={t('transparency.emptyTitle')} body={t('transparency.emptyBody')} />;
  else body = report.data.rulebooks.map((figures) => <RulebookCard key={figures.rulebook} figures={figures} />);

  return (
    <>
      <PageHeader title={t('transparency.title')} back backTo="/settings" />
      <div className="settings transparency" data-testid="transparency">
        <section className="settings__section" aria-labelledby="transparency-intro">
          <h2 id="transparency-intro" className="settings__heading">
            {t('transparency.heading')}
          </h2>
          <p className="muted">{t('transparency.intro')}</p>
          <SelectField
            label={t('transparency.month')}
            value={month}
            onChange={(event) => setParams({ month: event.target.value }, { replace: true })}
            data-testid="transparency-month"
          >
            {(months.includes(month) ? months : [month, ...months]).map((value) => (
              <option key={value} value={value}>
                {monthLabel(value, locale)}
              </option>
            ))}
          </SelectField>
          <a className="btn btn--secondary btn--block" href={statementsDownloadUrl(month)} download data-testid="transparency-download">
            {t('transparency.download')}
          </a>
          <p className="muted transparency__note">{t('transparency.downloadHint')}</p>
        </section>
        {body}
      </div>
    </>
  );
}

function RulebookCard({ figures }: { figures: RulebookFigures }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const sum = totals(figures);
  const reports = Object.entries(figures.reports).sort((a, b) => b[1] - a[1]);
  const actions = Object.entries(figures.actions).sort((a, b) => b[1].automated + b[1].human - (a[1].automated + a[1].human));
  const count = (n: number) => formatCount(n, locale);
  const median = figures.medianHoursToDecision;
  return (
    <section
      className="settings__section"
      aria-labelledby={`rulebook-${figures.rulebook}`}
      data-testid="transparency-rulebook"
      data-rulebook={figures.rulebook}
    >
      <h2 id={`rulebook-${figures.rulebook}`} className="settings__heading">
        {rulebookName(t, figures.rulebook, locale)}
      </h2>
      <dl className="transparency__stats">
        <Stat label={t('transparency.reports')} value={count(sum.reports)} />
        <Stat label={t('transparency.actions')} value={count(sum.actions)} />
        <Stat label={t('transparency.median')} value={median === null ? '—' : t('transparency.hours', { hours: median.toFixed(1) })} />
        <Stat label={t('transparency.appeals')} value={`${count(figures.appeals)} / ${count(figures.reversals)}`} hint={t('transparency.appealsHint')} />
      </dl>
      {reports.length > 0 ? (
        <table className="transparency__table">
          <caption>{t('transparency.reportsByCategory')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.category')}</th>
              <th scope="col">{t('transparency.count')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map(([category, n]) => (
              <tr key={category}>
                <th scope="row">{labelTitle(t, category, locale)}</th>
                <td>{count(n)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {actions.length > 0 ? (
        <table className="transparency__table">
          <caption>{t('transparency.actionsByKind')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('transparency.action')}</th>
              <th scope="col">{t('transparency.human')}</th>
              <th scope="col">{t('transparency.automated')}</th>
            </tr>
          </thead>
          <tbody>
            {actions.map(([action, n]) => (
              <tr key={action}>
                <th scope="row">{t(`moderation.action.${action}`, { defaultValue: action })}</th>
                <td>{count(n.human)}</td>
                <td>{count(n.automated)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="transparency__stat" title={hint}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
